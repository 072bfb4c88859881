import type { AgentState } from '../../gql/graphql';

/** Why a supervisor cannot watch an agent's screen right now, or null when they can ask. */
export type ScreenBlock = 'notAllowed' | 'offline' | null;

/**
 * Only an agent who allows screen monitoring (their user's `mayMonitorScreen`, false while the
 * people are still loading) and is signed in can be asked; the API refuses the first anyway.
 */
export function screenBlock(agent: { state: AgentState }, allowed: boolean): ScreenBlock {
  if (!allowed) return 'notAllowed';
  return agent.state === 'DISCONNECTED' ? 'offline' : null;
}
