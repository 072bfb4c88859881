import { type Em, one, pgArray, prepared, rows } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { batchedSoonPer } from '../../shared/batched-soon.js';
import type { Deps } from '../../shared/deps.js';
import { badInput, forbidden, notFound } from '../../shared/errors.js';
import { Topic } from '../../shared/topics.js';
import { requireSupervisor, requireUser } from '../auth/guards.js';
import { committed, type Committed } from '../domain-events/domain-event.js';
import { distinct, type Listener } from '../domain-events/dispatcher.js';
import { requirePersonToActOn } from '../users/people.access.js';
import { Role } from '../users/user.enums.js';
import { type AgentStatusView, loadStatuses } from './agent.queries.js';
import { MyState } from './agent.type.js';
import { transaction } from '../../db/transaction.js';

const STORE_STATES = prepared(
  'agent_store_states',
  `update agent_status s set state = n.state, state_changed_at = now(),
        idle_since = case when n.state = 'FREE' then now() else s.idle_since end
   from jsonb_to_recordset(?::jsonb) as n(user_id uuid, state text)
  where s.user_id = n.user_id and s.state <> n.state
  returning s.user_id, s.state_changed_at`,
);

/**
 * Re-derives agents' states and, for each that differs from the one last published, stores the new
 * state with the time of the change and tells subscribers. Two statements for any number of agents.
 */
export async function refreshAgents(deps: Deps, userIds: readonly string[]): Promise<AgentStatusView[]> {
  if (userIds.length === 0) return [];
  const em = deps.orm.em.fork();
  const statuses = await loadStatuses(em, userIds, deps.config.PRESENCE_GRACE_MS);
  if (statuses.length === 0) return [];
  // Becoming FREE starts the idle time that LONGEST_IDLE ranks agents by. Several agents' rows are
  // locked in id order first, as routing locks them, so a refresh and a pass never deadlock.
  const update = (tx: Em) => rows<{ user_id: string; state_changed_at: Date }>(tx, STORE_STATES, [JSON.stringify(statuses.map((st) => ({ user_id: st.userId, state: st.state })))]);
  const changed =
    statuses.length === 1
      ? await update(em)
      : await transaction(em, async (tx) => {
          await rows(tx, 'select 1 from agent_status where user_id = any(?::uuid[]) order by user_id for update', [pgArray(statuses.map((st) => st.userId))]);
          return update(tx);
        });
  const at = new Map(changed.map((c) => [c.user_id, new Date(c.state_changed_at).toISOString()]));
  const views = statuses.map((st) => (at.has(st.userId) ? { ...st, stateChangedAt: at.get(st.userId)! } : st));
  await Promise.all(views.filter((v) => at.has(v.userId)).map((v) => tell(deps, v)));
  return views;
}

/** An agent's state goes to its own screens and to the supervisors' list. */
const tell = (deps: Deps, v: AgentStatusView) =>
  deps.topics.publishAll<Topic.AGENT | Topic.AGENTS>(
    [
      [Topic.AGENT, v.userId],
      [Topic.AGENTS, undefined],
    ],
    v,
  );

/** Agents whose states several commits asked for at once are read, and stored, in one statement. */
const refreshSoon = batchedSoonPer(async (deps: Deps, userIds: string[]) => new Map((await refreshAgents(deps, userIds)).map((v) => [v.userId, v])));

/** After routing has run: the state told then already counts what routing gave the agents. */
export const agentStateListener: Listener = async (deps, events) => {
  const agents = new Set([...distinct(events, 'AGENT_CAPACITY', (e) => e.agentId), ...distinct(events, 'AGENT_STATE', (e) => e.agentId)]);
  await Promise.all([...agents].map((id) => refreshSoon(deps, id)));
  const shown = events.flatMap((e) => (e.kind === 'AGENT_SHOWN' && !agents.has(e.status.userId) ? [e.status] : []));
  await Promise.all(shown.map((v) => tell(deps, v)));
};

/** An agent's state as stored, once what its last change caused has been told. */
export async function agentStatus(deps: Deps, userId: string): Promise<AgentStatusView> {
  return (await loadStatuses(deps.orm.em.fork(), [userId], deps.config.PRESENCE_GRACE_MS))[0]!;
}

async function requireReason(em: Em, reasonId: string | null | undefined): Promise<string> {
  if (!reasonId) throw badInput('Choose a pause reason', 'pauseReasonId');
  const reason = await one(em, 'select id from pause_reasons where id = ? and active', [reasonId]);
  if (!reason) throw notFound('Pause reason');
  return reasonId;
}

/** Answers the agent paused or resumed, whose state the commit's listeners then tell. */
async function setPause(ctx: Context, userId: string, reasonId: string | null): Promise<Committed<string>> {
  const target = await one<{ role: Role }>(ctx.em, 'select role from users where id = ? and active', [userId]);
  if (!target) throw notFound('Agent');
  if (target.role !== Role.AGENT) throw badInput('Only agents pause', 'userId');
  if (reasonId) await rows(ctx.em, 'update agent_status set paused = true, pause_reason_id = ?, paused_at = now() where user_id = ?', [reasonId, userId]);
  else await rows(ctx.em, 'update agent_status set paused = false, pause_reason_id = null, paused_at = null where user_id = ?', [userId]);
  return committed(userId, [{ kind: 'AGENT_CAPACITY', agentId: userId }]);
}

/** An agent makes itself available, or pauses with a reason (open chats go on; no new ones come). */
export async function setMyState(ctx: Context, state: MyState, reasonId?: string | null): Promise<Committed<string>> {
  const viewer = requireUser(ctx.viewer);
  if (viewer.role !== Role.AGENT) throw forbidden('Only agents have a working state');
  return setPause(ctx, viewer.userId, state === MyState.PAUSED ? await requireReason(ctx.em, reasonId) : null);
}

export async function pauseAgent(ctx: Context, userId: string, reasonId: string): Promise<Committed<string>> {
  requireSupervisor(ctx.viewer);
  await requirePersonToActOn(ctx.em, ctx.viewer, userId);
  return setPause(ctx, userId, await requireReason(ctx.em, reasonId));
}

export async function resumeAgent(ctx: Context, userId: string): Promise<Committed<string>> {
  requireSupervisor(ctx.viewer);
  await requirePersonToActOn(ctx.em, ctx.viewer, userId);
  return setPause(ctx, userId, null);
}
