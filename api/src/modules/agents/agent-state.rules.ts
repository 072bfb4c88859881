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

/** The state for these facts: disconnected wins, busy is one active chat or more, in break is a pause on. */
export function deriveAgentState({ connected, paused, activeChats }: AgentPresence): AgentState {
  // A disconnected agent may still hold chats until they go back to their trays; it shows as disconnected.
  if (!connected) return AgentState.DISCONNECTED;
  const busy = activeChats > 0;
  if (paused) return busy ? AgentState.BUSY_IN_BREAK : AgentState.FREE_IN_BREAK;
  return busy ? AgentState.BUSY : AgentState.FREE;
}

/** Whether routing may hand this agent one more chat: connected, not paused, below its maximum. */
export function canReceiveChats({ connected, paused, activeChats, maxConcurrentChats }: AgentCapacity): boolean {
  return connected && !paused && activeChats < maxConcurrentChats;
}
