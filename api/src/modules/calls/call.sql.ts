import { type Em, rows } from '../../db/sql.js';
import { callSeconds } from './call.rules.js';

/**
 * Whether the interaction in `alias` has a call ringing or going on: read in the statement that locks
 * or moves the chat, so the rare chat with a call is the only one that pays for ending it.
 */
export const hasOpenCallSql = (alias: string): string => `exists (select 1 from calls c where c.interaction_id = ${alias}.id and c.state in ('REQUESTED', 'ACCEPTED'))`;

/**
 * Ends the chat's ringing or running call inside the caller's transaction, when the chat leaves its
 * agent (closed, returned, transferred): nobody stays "on a call" for a chat they no longer hold.
 */
export async function endCallsWithin(tx: Em, interactionId: string): Promise<void> {
  const ended = await rows<{ id: string; kind: string; started_at: string | null; ended_at: string }>(
    tx,
    `update calls set state = 'ENDED', ended_at = now(), end_reason = 'CHAT_LEFT' where interaction_id = ? and state in ('REQUESTED', 'ACCEPTED') returning id, kind, started_at, ended_at`,
    [interactionId],
  );
  for (const c of ended) {
    const seconds = callSeconds(c.started_at ? new Date(c.started_at) : null, new Date(c.ended_at));
    await rows(tx, "insert into interaction_events (interaction_id, type, actor_kind, actor_id, data, created_at) values (?, 'CALL_ENDED', 'SYSTEM', null, ?::jsonb, now())", [
      interactionId,
      JSON.stringify({ callId: c.id, kind: c.kind, seconds }),
    ]);
  }
}
