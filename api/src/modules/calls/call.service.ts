import { type Em, isUniqueViolation, one, pgArray, rows, type Row } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { type Committed, committed, type DomainEvent } from '../domain-events/domain-event.js';
import type { Listener } from '../domain-events/dispatcher.js';
import type { Deps } from '../../shared/deps.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { type CallEventMessage, Topic } from '../../shared/topics.js';
import { enforce, requireVisible, trailActor } from '../interactions/interaction.access.js';
import { InteractionEventType } from '../interactions/interaction.enums.js';
import { recordEvent, SYSTEM_ACTOR, type TrailActor } from '../interactions/interaction.events.js';
import { dispatched } from '../domain-events/dispatcher.js';
import {
  CallAction,
  CallEndReason,
  CallKind,
  type CallSignalKind,
  CallState,
  callSeconds,
  endReasonOf,
  lostSide,
  mayMonitorScreen,
  maySignal,
  mayRequestCall,
  mayTakePart,
  nextCallState,
  sidesOf,
} from './call.rules.js';
import { logCallEvent, type UnloggedCallEvent } from './call.log.js';
import { requireSupervisor } from '../auth/guards.js';
import { requirePersonToActOn } from '../users/people.access.js';
import { transaction } from '../../db/transaction.js';

type CallView = CallEventMessage['call'];
type Party = 'CUSTOMER' | 'AGENT' | 'SUPERVISOR';

const COLUMNS = 'id, interaction_id, agent_id, supervisor_id, kind, state, requested_at, started_at, ended_at, end_reason, ended_by';
function toView(r: Row): CallView {
  const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);
  return {
    id: r.id,
    interactionId: r.interaction_id,
    agentId: r.agent_id,
    supervisorId: r.supervisor_id,
    kind: r.kind,
    state: r.state,
    requestedAt: iso(r.requested_at)!,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    seconds: r.ended_at ? callSeconds(r.started_at ? new Date(r.started_at) : null, new Date(r.ended_at)) : null,
    endReason: r.end_reason,
    endedBy: r.ended_by,
  };
}

/** Both parties hear a call's changes, once committed. */
export const callListener: Listener = async (deps, events) => {
  for (const e of events) if (e.kind === 'CALL_CHANGED') await tell(deps, e.event);
};

/** Stores the change in the caller's transaction; both parties hear it once committed. */
async function changedCall(tx: Em, event: UnloggedCallEvent): Promise<DomainEvent> {
  return { kind: 'CALL_CHANGED', event: await logCallEvent(tx, event) };
}

/** A customer hears on the interaction's channel, people on their own. */
async function tell(deps: Deps, event: CallEventMessage): Promise<void> {
  const { interactionId, agentId, supervisorId } = event.call;
  await Promise.all([
    ...(interactionId ? [deps.topics.publish(Topic.CALL, `interaction:${interactionId}`, event)] : []),
    deps.topics.publish(Topic.CALL, `user:${agentId}`, event),
    ...(supervisorId ? [deps.topics.publish(Topic.CALL, `user:${supervisorId}`, event)] : []),
    // Signals change nothing the monitor shows.
    ...(event.type === 'SIGNAL' ? [] : [deps.topics.publish(Topic.CALLS, undefined, { callId: event.call.id })]),
  ]);
}

/** Which side of this call the caller is, or NOT_FOUND: nobody else may touch or hear it. */
function partyOf(ctx: Context, call: CallView): Party {
  if (ctx.viewer.kind === 'VISITOR' && call.interactionId !== null && ctx.viewer.interactionId === call.interactionId) return 'CUSTOMER';
  if (ctx.viewer.kind === 'USER' && ctx.viewer.userId === call.agentId) return 'AGENT';
  if (ctx.viewer.kind === 'USER' && call.supervisorId !== null && ctx.viewer.userId === call.supervisorId) return 'SUPERVISOR';
  throw notFound('Call');
}

async function loadCall(em: Em, id: string, lock = false): Promise<CallView> {
  const row = await one(em, `select ${COLUMNS} from calls where id = ?${lock ? ' for update' : ''}`, [id]);
  if (!row) throw notFound('Call');
  return toView(row);
}

/** The customer asks the agent serving the chat for a call; the agent is told at once. */
export async function requestCall(ctx: Context, interactionId: string, kind: CallKind): Promise<Committed<CallView>> {
  if (ctx.viewer.kind !== 'VISITOR') throw forbidden('The customer asks for calls');
  const view = await requireVisible(ctx, interactionId);
  const campaign = (await one<{ allow_audio: boolean; allow_video: boolean }>(ctx.em, 'select allow_audio, allow_video from campaigns where id = ?', [view.campaign.id]))!;
  enforce(mayRequestCall({ allowAudio: campaign.allow_audio, allowVideo: campaign.allow_video }, kind, view.phase));
  try {
    const [call, told] = await transaction(ctx.em, async (tx) => {
      const row = await one(tx, `insert into calls (id, interaction_id, agent_id, kind, state, requested_at) values (gen_random_uuid(), ?, ?, ?, 'REQUESTED', now()) returning ${COLUMNS}`, [
        view.id,
        view.agent!.id,
        kind,
      ]);
      await recordEvent(tx, view.id, InteractionEventType.CALL_REQUESTED, trailActor(ctx.viewer), { kind });
      const call = toView(row!);
      return [call, await changedCall(tx, { type: 'REQUESTED', call, from: 'CUSTOMER', signal: null })] as const;
    });
    return committed(call, [told]);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A call is already ringing or going on');
    throw err;
  }
}

/** Accepts, declines or ends a call: the agent answers a ringing call; either side ends it. */
export async function actOnCall(ctx: Context, callId: string, action: CallAction): Promise<Committed<CallView>> {
  enforce(mayTakePart(ctx.viewer.kind));
  const [call, told] = await transaction(ctx.em, async (tx) => {
    const current = await loadCall(tx, callId, true);
    const party = partyOf(ctx, current);
    if (action !== CallAction.END && party !== 'AGENT') throw forbidden('The agent answers calls');
    const next = enforce(nextCallState(current.state as CallState, action));
    return moveCall(tx, callId, next, { reason: endReasonOf(action), by: party, actor: trailActor(ctx.viewer) });
  });
  return committed(call, [told]);
}

/**
 * Moves a locked call to its next state, in its chat's trail too (screen monitoring has no chat),
 * and stores the event both parties hear: the end says why, and whose action or connection ended it.
 */
async function moveCall(tx: Em, callId: string, next: CallState, end: { reason: CallEndReason | null; by: Party; actor: TrailActor }): Promise<readonly [CallView, DomainEvent]> {
  const over = next === CallState.DECLINED || next === CallState.ENDED;
  const row = await one(
    tx,
    `update calls set state = ?, started_at = case when ? = 'ACCEPTED' then now() else started_at end,
            ended_at = case when ? then now() else ended_at end, end_reason = ?, ended_by = ?
      where id = ? returning ${COLUMNS}`,
    [next, next, over, over ? end.reason : null, over ? end.by : null, callId],
  );
  const call = toView(row!);
  const type = next === CallState.ACCEPTED ? InteractionEventType.CALL_STARTED : next === CallState.DECLINED ? InteractionEventType.CALL_DECLINED : InteractionEventType.CALL_ENDED;
  const reason = end.reason === CallEndReason.CONNECTION_LOST ? { reason: end.reason, connectionOf: end.by } : {};
  if (call.interactionId) await recordEvent(tx, call.interactionId, type, end.actor, { callId, kind: call.kind, ...(call.seconds !== null ? { seconds: call.seconds } : {}), ...reason });
  return [call, await changedCall(tx, { type: call.state as CallEventMessage['type'], call, from: end.by, signal: null })] as const;
}

/** Ends a call whose party stayed away past the grace period, unless it ended meanwhile. */
async function endLostCall(deps: Deps, callId: string, lost: Party): Promise<Committed<CallView | null>> {
  const em = deps.orm.em.fork() as Em;
  const moved = await transaction(em, async (tx) => {
    const current = await loadCall(tx, callId, true);
    if (current.state !== CallState.REQUESTED && current.state !== CallState.ACCEPTED) return null;
    return moveCall(tx, callId, CallState.ENDED, { reason: CallEndReason.CONNECTION_LOST, by: lost, actor: SYSTEM_ACTOR });
  });
  return moved ? committed(moved[0], [moved[1]]) : committed(null, []);
}

/**
 * Ends the open calls one of whose parties has had no call stream for longer than the grace period
 * (see call.presence.ts); a party back within it finds its call going on. Every process may run it:
 * each end is decided under the call's lock.
 */
export async function endLostCalls(deps: Deps): Promise<void> {
  const em = deps.orm.em.fork() as Em;
  const open = await rows<{ id: string; interaction_id: string | null; agent_id: string; supervisor_id: string | null; age_ms: number }>(
    em,
    `select id, interaction_id, agent_id, supervisor_id, extract(epoch from now() - requested_at) * 1000 as age_ms from calls where state in ('REQUESTED', 'ACCEPTED')`,
  );
  if (open.length === 0) return;
  const sides = new Map(open.map((c) => [c.id, sidesOf({ interactionId: c.interaction_id, agentId: c.agent_id, supervisorId: c.supervisor_id })]));
  const keys = [...new Set([...sides.values()].flat().map((side) => side.key))];
  const seen = await rows<{ party: string; away_ms: number }>(
    em,
    'select party, extract(epoch from now() - max(seen_at)) * 1000 as away_ms from call_listeners where party = any(?::text[]) group by party',
    [pgArray(keys)],
  );
  const away = new Map(seen.map((s) => [s.party, Number(s.away_ms)]));
  for (const call of open) {
    const callSides = sides.get(call.id)!;
    const lost = lostSide(
      callSides.map((side) => away.get(side.key) ?? null),
      Number(call.age_ms),
      deps.config.CALL_DROP_GRACE_MS,
    );
    if (lost !== null) await dispatched(deps, endLostCall(deps, call.id, callSides[lost]!.party));
  }
}

/** A supervisor asks to watch an agent's screen, if the agent allows it; the agent accepts or declines like a call. */
export async function requestScreen(ctx: Context, agentId: string): Promise<Committed<CallView>> {
  requireSupervisor(ctx.viewer);
  const viewer = ctx.viewer;
  if (viewer.kind !== 'USER') throw forbidden('Supervisors sign in to watch a screen');
  await requirePersonToActOn(ctx.em, viewer, agentId);
  const target = await one<{ role: string; may_monitor_screen: boolean }>(ctx.em, 'select role, may_monitor_screen from users where id = ? and active', [agentId]);
  if (!target) throw notFound('Agent');
  enforce(mayMonitorScreen({ role: target.role, mayMonitorScreen: target.may_monitor_screen }));
  const [call, told] = await transaction(ctx.em, async (tx) => {
    const row = await one(
      tx,
      `insert into calls (id, interaction_id, agent_id, supervisor_id, kind, state, requested_at) values (gen_random_uuid(), null, ?, ?, 'SCREEN', 'REQUESTED', now()) returning ${COLUMNS}`,
      [agentId, viewer.userId],
    );
    const call = toView(row!);
    return [call, await changedCall(tx, { type: 'REQUESTED', call, from: 'SUPERVISOR', signal: null })] as const;
  });
  return committed(call, [told]);
}

const MAX_SIGNAL = 64 * 1024;

/**
 * Passes a WebRTC offer, answer or ICE candidate to the other party only. It is stored like the
 * call's changes, under the call's lock, so a party whose socket dropped hears it on its return.
 */
export async function sendCallSignal(ctx: Context, callId: string, kind: CallSignalKind, payload: string): Promise<boolean> {
  enforce(mayTakePart(ctx.viewer.kind));
  if (payload.length > MAX_SIGNAL) throw badInput('A signal is at most 64 KiB', 'payload');
  const event = await transaction(ctx.em, async (tx) => {
    const call = await loadCall(tx, callId, true);
    const from = partyOf(ctx, call);
    enforce(maySignal(call.state as CallState));
    return logCallEvent(tx, { type: 'SIGNAL', call, from, signal: { kind, payload } });
  });
  // Nothing but the signal changed: it goes straight to the other party, not through the after-commit seam.
  await tell(ctx.deps, event);
  return true;
}
