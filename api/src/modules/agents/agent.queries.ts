import { peopleSql, type Scope } from '../auth/scope.rules.js';
import { ACTIVE_CHATS_SQL, CONNECTED_SQL } from './agent.sql.js';
import { type Em, rows, pgArray, prepared, type Row } from '../../db/sql.js';
import { type AgentState, deriveAgentState } from './agent-state.rules.js';

/** An agent as the monitor, routing and the agent's own screen see it. */
export interface AgentStatusView {
  userId: string;
  name: string;
  state: AgentState;
  stateChangedAt: string;
  connected: boolean;
  paused: boolean;
  pauseReason: { id: string; name: string; icon: string } | null;
  activeChats: number;
  maxConcurrentChats: number;
}

/**
 * Connected means some socket of the agent was heartbeated within the grace period, so a process
 * that died without saying goodbye stops counting by itself.
 */
export const STATUS_SQL = `
select u.id as user_id, u.name, u.max_concurrent_chats, s.paused, s.state, s.state_changed_at,
       pr.id as pause_reason_id, pr.name as pause_reason_name, pr.icon as pause_reason_icon,
       ${CONNECTED_SQL} as connected, ${ACTIVE_CHATS_SQL} as active_chats
  from users u
  join agent_status s on s.user_id = u.id
  left join pause_reasons pr on pr.id = s.pause_reason_id`;

export function toStatusView(r: Row): AgentStatusView {
  return {
    userId: r.user_id,
    name: r.name,
    state: deriveAgentState({ connected: r.connected, paused: r.paused, activeChats: r.active_chats }),
    stateChangedAt: new Date(r.state_changed_at).toISOString(),
    connected: r.connected,
    paused: r.paused,
    pauseReason: r.pause_reason_id ? { id: r.pause_reason_id, name: r.pause_reason_name, icon: r.pause_reason_icon } : null,
    activeChats: r.active_chats,
    maxConcurrentChats: r.max_concurrent_chats,
  };
}

export async function loadStatus(em: Em, userId: string, graceMs: number): Promise<AgentStatusView | null> {
  return (await loadStatuses(em, [userId], graceMs))[0] ?? null;
}

/** Read after every change of an agent's chats or presence: planned once per connection. */
const STATUSES_BY_ID = prepared('agent_statuses', `${STATUS_SQL} where u.id = any(?::uuid[])`);

export async function loadStatuses(em: Em, userIds: readonly string[], graceMs: number): Promise<AgentStatusView[]> {
  return (await rows(em, STATUSES_BY_ID, [graceMs, pgArray(userIds)])).map(toStatusView);
}

export async function listStatuses(em: Em, graceMs: number, scope: Scope): Promise<AgentStatusView[]> {
  const inScope = peopleSql(scope, 'u.id');
  return (await rows(em, `${STATUS_SQL} where u.role = 'AGENT' and u.active and ${inScope.sql} order by u.name`, [graceMs, ...inScope.params])).map(toStatusView);
}
