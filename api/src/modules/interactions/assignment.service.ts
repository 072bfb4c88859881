import type { TrailActor } from './interaction.events.js';
import { type Em, rows, pgArray } from '../../db/sql.js';
import { messageAddedSql, SYSTEM_AUTHOR } from '../messages/message.service.js';
import { ActorKind } from './interaction.enums.js';
import { MESSAGE_VIEW_COLUMNS, type MessageView, toMessageView } from '../messages/message.view.js';

export interface PlannedAssignment {
  interactionId: string;
  agentId: string;
  /** The tray the chat was decided in; if it has moved since (a transfer), it is not assigned. Null: wherever it is. */
  trayId: string | null;
  /** The agent greeting to send on assignment, in the chat's language; null when the campaign has none. */
  greeting: string | null;
}

export interface Assigned {
  interactionId: string;
  agentId: string;
  greeting: MessageView | null;
}

export interface AssignOutcome {
  assigned: Assigned[];
  /** Per agent in the plan: its chats and maximum as counted under its lock, before this statement. */
  room: Map<string, { active: number; max: number }>;
}

/**
 * Locks agents' rows and their state rows, always in id order so that routing passes, takes and
 * state refreshes touching the same agents never deadlock. Counting their chats must come in a later
 * statement: in READ COMMITTED a statement that waited for a lock still reads from the snapshot it
 * started with.
 */
export async function lockAgents(tx: Em, agentIds: readonly string[]): Promise<void> {
  if (agentIds.length === 0) return;
  await rows(tx, 'select 1 from users u join agent_status s on s.user_id = u.id where u.id = any(?::uuid[]) order by u.id for update of u, s', [pgArray([...new Set(agentIds)])]);
}

/**
 * Gives waiting chats to agents, inside the caller's transaction and under the agents' locks: the
 * one way a chat is taken, by an agent's own hand or by routing, one at a time or a whole routing
 * pass at once. One statement: an agent is never given more chats than it has room for (in plan
 * order), a chat no longer waiting is skipped, and the contact's state, the agent's last assignment,
 * the trail and, at a chat's first assignment, the greeting (with the interaction's next sequence)
 * are written with it.
 */
export async function assignChats(tx: Em, plan: readonly PlannedAssignment[], actor: TrailActor): Promise<AssignOutcome> {
  if (plan.length === 0) return { assigned: [], room: new Map() };
  const input = JSON.stringify(plan.map((p, n) => ({ interaction_id: p.interactionId, agent_id: p.agentId, tray_id: p.trayId, greeting: p.greeting, n })));
  // clock_timestamp, not now(): the transaction may have waited for its locks since it began. Read
  // once, so a pass's chats share one assignment time rather than stamps in whatever order rows are updated.
  const found = await rows(
    tx,
    `with stamp as (select clock_timestamp() as at),
     plan as (select * from jsonb_to_recordset(?::jsonb) as p(interaction_id uuid, agent_id uuid, tray_id uuid, greeting text, n int)),
     room as (select u.id as agent_id, u.max_concurrent_chats as max,
                     (select count(*)::int from interactions i where i.agent_id = u.id and i.phase = 'IN_SERVICE') as active
                from users u where u.id in (select agent_id from plan)),
     -- The greeting goes once per chat: a chat given to an agent again (after a transfer, a return,
     -- a sign-out) was greeted at its first assignment.
     allowed as (select p.interaction_id, p.agent_id, p.tray_id, p.n, case when i.assigned_at is null then p.greeting end as greeting
                   from (select p.*, row_number() over (partition by p.agent_id order by p.n) as k from plan p) p
                   join room r on r.agent_id = p.agent_id
                   join interactions i on i.id = p.interaction_id
                  where r.active + p.k <= r.max),
     taken as (
       update interactions i
          set phase = 'IN_SERVICE', agent_id = a.agent_id, assigned_at = (select at from stamp), first_assigned_at = coalesce(i.first_assigned_at, (select at from stamp)), updated_at = now(), status = 'IN_PROGRESS',
              last_sequence = i.last_sequence + case when a.greeting is null then 0 else 1 end
         from allowed a
        where i.id = a.interaction_id and i.phase = 'WAITING' and (a.tray_id is null or i.tray_id = a.tray_id)
        returning i.id, i.contact_id, i.tray_id, i.agent_id, i.last_sequence, a.greeting),
     contact as (update contacts set previous_state = state, state = 'AGENT', state_changed_at = now()
                  where id in (select contact_id from taken) and state <> 'AGENT' returning id),
     status as (update agent_status set last_assigned_at = (select at from stamp), idle_since = null
                 where user_id in (select agent_id from taken) returning user_id),
     trail as (insert into interaction_events (interaction_id, type, actor_kind, actor_id, data, created_at)
               select id, 'TAKEN', ?, ?, jsonb_build_object('agentId', agent_id::text, 'trayId', tray_id), now() from taken returning id),
     greeted as (
       insert into messages (id, interaction_id, sequence, body, author_kind, author_id, author_name, author_key, visibility, client_message_id, attachment_ids, created_at)
       select gen_random_uuid(), t.id, t.last_sequence, t.greeting, ?, null, null, ?, 'PUBLIC', null, '{}', (select at from stamp) from taken t where t.greeting is not null
       returning ${MESSAGE_VIEW_COLUMNS}),
     greeted_trail as (${messageAddedSql('greeted', ActorKind.SYSTEM)})
     select 'taken' as kind, t.id as interaction_id, t.agent_id, null::int as active, null::int as max, to_jsonb(g) as greeting
       from taken t left join greeted g on g.interaction_id = t.id
     union all
     select 'room', null, r.agent_id, r.active, r.max, null from room r`,
    [input, actor.kind, actor.id, SYSTEM_AUTHOR.kind, SYSTEM_AUTHOR.key],
  );
  const room = new Map<string, { active: number; max: number }>();
  const assigned: Assigned[] = [];
  for (const r of found) {
    if (r.kind === 'room') room.set(r.agent_id, { active: r.active, max: r.max });
    else assigned.push({ interactionId: r.interaction_id, agentId: r.agent_id, greeting: r.greeting ? toMessageView(r.greeting) : null });
  }
  return { assigned, room };
}

export interface Assignment {
  assigned: boolean;
  /** The agent's chats and maximum as counted under its lock, before this one. */
  active: number;
  max: number;
  greeting: MessageView | null;
}

/** One chat to one agent (a take, a transfer to a person): the agent locked, then the one statement. */
export async function assignWithin(tx: Em, interactionId: string, agentId: string, actor: TrailActor, greeting: string | null, expectedTrayId: string | null = null): Promise<Assignment> {
  await lockAgents(tx, [agentId]);
  const outcome = await assignChats(tx, [{ interactionId, agentId, trayId: expectedTrayId, greeting }], actor);
  const room = outcome.room.get(agentId) ?? { active: 0, max: 0 };
  const taken = outcome.assigned[0];
  return { assigned: !!taken, active: room.active, max: room.max, greeting: taken?.greeting ?? null };
}
