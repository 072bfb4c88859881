import { type Em, one, rows } from '../../db/sql.js';
import { ACTIVE_CHATS_SQL } from '../agents/agent.sql.js';
import type { MessageView } from '../messages/message.view.js';
import { sendSystemText } from './system-messages.js';

export interface Assignment {
  assigned: boolean;
  /** The agent's chats and maximum as counted under its lock, before this one. */
  active: number;
  max: number;
  greeting: MessageView | null;
}

/**
 * Gives a waiting chat to an agent, inside the caller's transaction: the one way a chat is taken,
 * by the agent's own hand or by routing. The agent's row is locked first and counted after: in READ
 * COMMITTED a statement that waited for a lock still reads from the snapshot it started with, so a
 * count inside the locking statement could miss a concurrent take. The rest is one statement, and
 * writes nothing when the chat is no longer waiting or the agent is full.
 */
export async function assignWithin(
  tx: Em,
  interactionId: string,
  agentId: string,
  actor: { kind: string; id: string | null },
  greeting: string | null,
): Promise<Assignment> {
  await rows(tx, 'select 1 from users where id = ? for update', [agentId]);
  // clock_timestamp, not now(): the transaction may have waited for its locks since it began.
  const row = await one<{ active: number; max: number; assigned: boolean }>(
    tx,
    `with agent as (select u.max_concurrent_chats as max, ${ACTIVE_CHATS_SQL} as active from users u where u.id = ?),
     taken as (
       update interactions i set phase = 'IN_SERVICE', agent_id = ?, assigned_at = clock_timestamp(), updated_at = now(), status = 'IN_PROGRESS'
        where i.id = ? and i.phase = 'WAITING' and (select active < max from agent) returning i.id, i.contact_id, i.tray_id),
     contact as (update contacts set previous_state = state, state = 'AGENT', state_changed_at = now()
                  where id in (select contact_id from taken) and state <> 'AGENT' returning id),
     status as (update agent_status set last_assigned_at = clock_timestamp(), idle_since = null where user_id = ? and exists (select 1 from taken) returning user_id),
     trail as (insert into interaction_events (interaction_id, type, actor_kind, actor_id, data, created_at)
               select id, 'TAKEN', ?, ?, jsonb_build_object('agentId', ?::text, 'trayId', tray_id), now() from taken returning id)
     select (select active from agent) as active, (select max from agent) as max, exists (select 1 from taken) as assigned`,
    [agentId, agentId, interactionId, agentId, actor.kind, actor.id, agentId],
  );
  const assigned = row!.assigned;
  return { assigned, active: row!.active, max: row!.max, greeting: assigned ? await sendSystemText(tx, interactionId, greeting) : null };
}
