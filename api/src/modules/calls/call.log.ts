import { type Em, one, rows, type Row } from '../../db/sql.js';
import type { CallEventMessage } from '../../shared/topics.js';
import type { CallListener } from './call.rules.js';

/** A call event before it is stored, which gives it its cursor. */
export type UnloggedCallEvent = Omit<CallEventMessage, 'cursor'>;

/**
 * Stores a call event in the caller's transaction, so a party that reconnects can hear it again.
 * One call's events commit in cursor order: each after the first is stored under the call's row lock.
 */
export async function logCallEvent(em: Em, event: UnloggedCallEvent): Promise<CallEventMessage> {
  const { call } = event;
  const row = await one<{ seq: string }>(
    em,
    `insert into call_events (call_id, interaction_id, agent_id, supervisor_id, type, from_party, signal, call) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) returning seq::text`,
    [call.id, call.interactionId, call.agentId, call.supervisorId, event.type, event.from, event.signal ? JSON.stringify(event.signal) : null, JSON.stringify(call)],
  );
  return { ...event, cursor: row!.seq };
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

function toEvent(r: Row): CallEventMessage {
  return { type: r.type, call: json(r.call), from: r.from_party, signal: r.signal === null ? null : json(r.signal), cursor: r.seq };
}

/** A listener's stored events after a cursor, oldest first: the same ones its channel carried. */
export async function callEventsAfter(em: Em, listener: CallListener, after: string, limit: number): Promise<CallEventMessage[]> {
  const mine = listener.kind === 'CUSTOMER' ? 'interaction_id = ?' : '(agent_id = ? or supervisor_id = ?)';
  const who = listener.kind === 'CUSTOMER' ? [listener.interactionId] : [listener.userId, listener.userId];
  const found = await rows(em, `select seq::text, type, from_party, signal, call from call_events where ${mine} and seq > ?::bigint order by seq limit ?`, [...who, after, limit]);
  return found.map(toEvent);
}

/** Where the stored events end: a stream resumed from here hears only what comes next. */
export async function latestCursor(em: Em): Promise<string> {
  return (await one<{ seq: string }>(em, 'select coalesce(max(seq), 0)::text as seq from call_events'))!.seq;
}

/** Events are kept a day: long past any reconnection that could still resume a call. */
export async function forgetOldCallEvents(em: Em): Promise<void> {
  await rows(em, "delete from call_events where created_at < now() - interval '1 day'");
}
