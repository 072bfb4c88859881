import { type Em, isUniqueViolation, one, type Row } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { type Committed, committed, type DomainEvent } from '../domain-events/domain-event.js';
import type { Listener } from '../domain-events/dispatcher.js';
import type { Deps } from '../../shared/deps.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { type CallEventMessage, Topic } from '../../shared/topics.js';
import { enforce, requireVisible, trailActor } from '../interactions/interaction.access.js';
import { InteractionEventType } from '../interactions/interaction.enums.js';
import { recordEvent } from '../interactions/interaction.events.js';
import { CallAction, CallKind, type CallSignalKind, CallState, callSeconds, mayMonitorScreen, maySignal, mayRequestCall, mayTakePart, nextCallState } from './call.rules.js';
import { requireSupervisor } from '../auth/guards.js';
import { requirePersonToActOn } from '../users/people.access.js';

type CallView = CallEventMessage['call'];
type Party = 'CUSTOMER' | 'AGENT' | 'SUPERVISOR';

const COLUMNS = 'id, interaction_id, agent_id, supervisor_id, kind, state, requested_at, started_at, ended_at';
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
  };
}

/** Both parties hear a call's changes, once committed. */
export const callListener: Listener = async (deps, events) => {
  for (const e of events) if (e.kind === 'CALL_CHANGED') await tell(deps, e.event);
};

const changedCall = (event: CallEventMessage): DomainEvent => ({ kind: 'CALL_CHANGED', event });

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
  let call: CallView;
  try {
    call = await ctx.em.transactional(async (tx) => {
      const row = await one(tx, `insert into calls (id, interaction_id, agent_id, kind, state, requested_at) values (gen_random_uuid(), ?, ?, ?, 'REQUESTED', now()) returning ${COLUMNS}`, [
        view.id,
        view.agent!.id,
        kind,
      ]);
      await recordEvent(tx, view.id, InteractionEventType.CALL_REQUESTED, trailActor(ctx.viewer), { kind });
      return toView(row!);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('A call is already ringing or going on');
    throw err;
  }
  return committed(call, [changedCall({ type: 'REQUESTED', call, from: 'CUSTOMER', signal: null })]);
}

/** Accepts, declines or ends a call: the agent answers a ringing call; either side ends it. */
export async function actOnCall(ctx: Context, callId: string, action: CallAction): Promise<Committed<CallView>> {
  enforce(mayTakePart(ctx.viewer.kind));
  const { call, party } = await ctx.em.transactional(async (tx) => {
    const current = await loadCall(tx, callId, true);
    const party = partyOf(ctx, current);
    if (action !== CallAction.END && party !== 'AGENT') throw forbidden('The agent answers calls');
    const next = enforce(nextCallState(current.state as CallState, action));
    const row = await one(
      tx,
      `update calls set state = ?, started_at = case when ? = 'ACCEPTED' then now() else started_at end,
              ended_at = case when ? in ('DECLINED', 'ENDED') then now() else ended_at end
        where id = ? returning ${COLUMNS}`,
      [next, next, next, callId],
    );
    const call = toView(row!);
    const type = next === CallState.ACCEPTED ? InteractionEventType.CALL_STARTED : next === CallState.DECLINED ? InteractionEventType.CALL_DECLINED : InteractionEventType.CALL_ENDED;
    // A call belongs to a chat's trail; screen monitoring has no chat.
    if (call.interactionId) await recordEvent(tx, call.interactionId, type, trailActor(ctx.viewer), { callId, kind: call.kind, ...(call.seconds !== null ? { seconds: call.seconds } : {}) });
    return { call, party };
  });
  return committed(call, [changedCall({ type: call.state as CallEventMessage['type'], call, from: party, signal: null })]);
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
  const row = await one(
    ctx.em,
    `insert into calls (id, interaction_id, agent_id, supervisor_id, kind, state, requested_at) values (gen_random_uuid(), null, ?, ?, 'SCREEN', 'REQUESTED', now()) returning ${COLUMNS}`,
    [agentId, viewer.userId],
  );
  const call = toView(row!);
  return committed(call, [changedCall({ type: 'REQUESTED', call, from: 'SUPERVISOR', signal: null })]);
}

const MAX_SIGNAL = 64 * 1024;

/** Passes a WebRTC offer, answer or ICE candidate to the other party only; nothing is stored. */
export async function sendCallSignal(ctx: Context, callId: string, kind: CallSignalKind, payload: string): Promise<boolean> {
  enforce(mayTakePart(ctx.viewer.kind));
  if (payload.length > MAX_SIGNAL) throw badInput('A signal is at most 64 KiB', 'payload');
  const call = await loadCall(ctx.em, callId);
  const from = partyOf(ctx, call);
  enforce(maySignal(call.state as CallState));
  // Relayed, never stored: no commit, so it goes straight to the other party, not through the after-commit seam.
  await tell(ctx.deps, { type: 'SIGNAL', call, from, signal: { kind, payload } });
  return true;
}
