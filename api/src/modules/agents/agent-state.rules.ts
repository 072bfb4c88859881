/** What supervisors see of an agent, with the time of its last change. */
export enum AgentState {
  DISCONNECTED = 'DISCONNECTED',
  FREE = 'FREE',
  BUSY = 'BUSY',
  FREE_IN_BREAK = 'FREE_IN_BREAK',
  BUSY_IN_BREAK = 'BUSY_IN_BREAK',
}

/** The facts an agent's state is derived from, so the state cannot disagree with them. */
export interface AgentPresence {
  connected: boolean;
  /** A pause with a reason is on: no new chats are routed, the open ones go on. */
  paused: boolean;
  activeChats: number;
}

/** An agent's presence with the capacity it was configured with. */
export interface AgentCapacity extends AgentPresence {
  maxConcurrentChats: number;
}

/** A state and the instant it began, for "time since the last state change". */
export interface AgentStateSince {
  state: AgentState;
  since: Date;
}

/** The state for these facts: disconnected wins, busy is one active chat or more, in break is a pause on. */
export function deriveAgentState({ connected, paused, activeChats }: AgentPresence): AgentState {
  // A disconnected agent may still hold chats until they go back to their trays; it shows as disconnected.
  if (!connected) return AgentState.DISCONNECTED;
  const busy = activeChats > 0;
  if (paused) return busy ? AgentState.BUSY_IN_BREAK : AgentState.FREE_IN_BREAK;
  return busy ? AgentState.BUSY : AgentState.FREE;
}

/** Whether moving from `prev` (null: never seen) to `next` is a change worth publishing and stamping. */
export function stateChanged(prev: AgentState | null, next: AgentState): boolean {
  return prev !== next;
}

/** The state after new facts, keeping the old start time when nothing changed so heartbeats do not reset the clock. */
export function nextStateSince(prev: AgentStateSince | null, presence: AgentPresence, now: Date): AgentStateSince {
  const state = deriveAgentState(presence);
  return prev && !stateChanged(prev.state, state) ? prev : { state, since: now };
}

/** Whether a pause is on, whatever the chats. */
export function isInBreak(state: AgentState): boolean {
  return state === AgentState.FREE_IN_BREAK || state === AgentState.BUSY_IN_BREAK;
}

/** Whether routing may hand this agent one more chat: connected, not paused, below its maximum. */
export function canReceiveChats({ connected, paused, activeChats, maxConcurrentChats }: AgentCapacity): boolean {
  return connected && !paused && activeChats < maxConcurrentChats;
}

/**
 * Whether an agent's presence lapsed: no heartbeat ever, or none for longer than the grace.
 * Exactly at the grace it is still present. Pick a grace of a few heartbeat intervals, so one
 * late beat does not disconnect an agent.
 */
export function presenceExpired(lastHeartbeatAt: Date | null, now: Date, graceMs: number): boolean {
  return lastHeartbeatAt === null || now.getTime() - lastHeartbeatAt.getTime() > graceMs;
}
