/**
 * The chats this tab is taking itself. Their arrival as "yours" on the live feed is the agent's own
 * doing, so nothing should announce it; other arrivals (routed, transferred) are news.
 */
const taking = new Set<string>();

export function markOwnTake(interactionId: string): void {
  taking.add(interactionId);
  // Long enough for the change to come back over the socket, short enough that a later transfer back to this agent is news.
  window.setTimeout(() => taking.delete(interactionId), 30_000);
}

export const isOwnTake = (interactionId: string): boolean => taking.has(interactionId);
