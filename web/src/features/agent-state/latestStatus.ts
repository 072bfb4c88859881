/**
 * Which of two reports of the agent's state to keep: the answer to `setMyState` can arrive after a
 * `myStatusChanged` event about a later change (a chat routed in right after the click), and
 * must not undo it. The later `stateChangedAt` wins; on a tie the incoming one, which may carry
 * news that does not move the state's clock (the number of chats).
 */
export function latestStatus<T extends { stateChangedAt: string }>(current: T | null, incoming: T): T {
  if (current && Date.parse(current.stateChangedAt) > Date.parse(incoming.stateChangedAt)) return current;
  return incoming;
}
