import { type Em, one, rows } from '../../db/sql.js';
import type { Context } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { badInput, forbidden, notFound } from '../../shared/errors.js';
import { Topic } from '../../shared/topics.js';
import { requireSupervisor, requireUser } from '../auth/guards.js';
import { routeForAgent } from '../routing/routing.service.js';
import { Role } from '../users/user.enums.js';
import { type AgentStatusView, loadStatus } from './agent.queries.js';
import { MyState } from './agent.type.js';

/**
 * Re-derives an agent's state and, when it differs from the one last published, stores the new
 * state with the time of the change and tells subscribers.
 */
export async function refreshAgent(deps: Deps, userId: string): Promise<AgentStatusView | null> {
  const em = deps.orm.em.fork();
  const status = await loadStatus(em, userId, deps.config.PRESENCE_GRACE_MS);
  if (!status) return null;
  // Becoming FREE starts the idle time that LONGEST_IDLE ranks agents by.
  const changed = await one<{ state_changed_at: Date }>(
    em,
    `update agent_status set state = ?, state_changed_at = now(), idle_since = case when ? = 'FREE' then now() else idle_since end
      where user_id = ? and state <> ? returning state_changed_at`,
    [status.state, status.state, userId, status.state],
  );
  if (!changed) return status;
  const view = { ...status, stateChangedAt: new Date(changed.state_changed_at).toISOString() };
  await Promise.all([deps.topics.publish(Topic.AGENT, userId, view), deps.topics.publish(Topic.AGENTS, undefined, view)]);
  return view;
}

/** After presence, pause or capacity changed: publish the new state, then give the agent waiting chats it can now take. */
export async function agentChanged(deps: Deps, userId: string): Promise<void> {
  // Routing first: the state told afterwards then already counts what routing gave the agent.
  await routeForAgent(deps, userId);
  await refreshAgent(deps, userId);
}

async function requireReason(em: Em, reasonId: string | null | undefined): Promise<string> {
  if (!reasonId) throw badInput('Choose a pause reason', 'pauseReasonId');
  const reason = await one(em, 'select id from pause_reasons where id = ? and active', [reasonId]);
  if (!reason) throw notFound('Pause reason');
  return reasonId;
}

async function setPause(ctx: Context, userId: string, reasonId: string | null): Promise<AgentStatusView> {
  const target = await one<{ role: Role }>(ctx.em, 'select role from users where id = ? and active', [userId]);
  if (!target) throw notFound('Agent');
  if (target.role !== Role.AGENT) throw badInput('Only agents pause', 'userId');
  if (reasonId) await rows(ctx.em, 'update agent_status set paused = true, pause_reason_id = ?, paused_at = now() where user_id = ?', [reasonId, userId]);
  else await rows(ctx.em, 'update agent_status set paused = false, pause_reason_id = null, paused_at = null where user_id = ?', [userId]);
  await routeForAgent(ctx.deps, userId);
  return (await refreshAgent(ctx.deps, userId))!;
}


/** An agent makes itself available, or pauses with a reason (open chats go on; no new ones come). */
export async function setMyState(ctx: Context, state: MyState, reasonId?: string | null): Promise<AgentStatusView> {
  const viewer = requireUser(ctx.viewer);
  if (viewer.role !== Role.AGENT) throw forbidden('Only agents have a working state');
  return setPause(ctx, viewer.userId, state === MyState.PAUSED ? await requireReason(ctx.em, reasonId) : null);
}

export async function pauseAgent(ctx: Context, userId: string, reasonId: string): Promise<AgentStatusView> {
  requireSupervisor(ctx.viewer);
  return setPause(ctx, userId, await requireReason(ctx.em, reasonId));
}

export async function resumeAgent(ctx: Context, userId: string): Promise<AgentStatusView> {
  requireSupervisor(ctx.viewer);
  return setPause(ctx, userId, null);
}
