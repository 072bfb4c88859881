import { one, rows, type Em } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { type Committed, committed } from '../domain-events/domain-event.js';
import type { Listener } from '../domain-events/dispatcher.js';
import { badInput, forbidden, notFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { Topic } from '../../shared/topics.js';
import { requireUser } from '../auth/guards.js';
import { peopleSql } from '../auth/scope.rules.js';
import type { Role } from '../users/user.enums.js';
import { checkBody, mayWriteTo } from './internal-message.rules.js';

export interface InternalMessageView {
  id: string;
  fromUserId: string;
  fromName: string;
  toUserId: string;
  toName: string;
  body: string;
  clientMessageId: string | null;
  /** ISO 8601, as every view carries times: the same in a query's answer and on the bus. */
  createdAt: string;
}

const toView = (row: InternalMessageView): InternalMessageView => ({ ...row, createdAt: new Date(row.createdAt).toISOString() });

const VIEW_SQL = `select m.id, m.from_user_id as "fromUserId", f.name as "fromName", m.to_user_id as "toUserId", t.name as "toName",
                         m.body, m.client_message_id as "clientMessageId", m.created_at as "createdAt"
                    from internal_messages m join users f on f.id = m.from_user_id join users t on t.id = m.to_user_id`;

/** Sends a message to another person; sent again with the same clientMessageId, it answers the first one and tells nobody twice. */
export async function sendInternalMessage(ctx: Context, toUserId: string, body: string, clientMessageId: string | null): Promise<Committed<InternalMessageView>> {
  const me = requireUser(ctx.viewer);
  const checked = checkBody(body);
  if (!checked.ok) throw badInput(checked.reason, 'body');
  if (clientMessageId !== null && (clientMessageId.length < 1 || clientMessageId.length > 100)) throw badInput('clientMessageId is 1 to 100 characters', 'clientMessageId');
  // Only to someone within the sender's scope: a grouped person's group, anyone for the ungrouped.
  const inScope = peopleSql(me.scope, 'u.id');
  const people = await rows<{ id: string; role: Role }>(ctx.em, `select u.id, u.role from users u where u.active and (u.id = ? or (u.id = ? and ${inScope.sql}))`, [
    me.userId,
    toUserId,
    ...inScope.params,
  ]);
  const to = people.find((p) => p.id === toUserId);
  if (!to) throw notFound('User');
  if (!mayWriteTo({ id: me.userId, role: me.role }, to)) throw forbidden('Agents write to supervisors, not to other agents');
  const inserted = await one<{ id: string }>(
    ctx.em,
    `insert into internal_messages (id, from_user_id, to_user_id, body, client_message_id) values (?, ?, ?, ?, ?)
     on conflict (from_user_id, client_message_id) do nothing returning id`,
    [newId(), me.userId, toUserId, checked.body, clientMessageId],
  );
  const id = inserted?.id ?? (await one<{ id: string }>(ctx.em, 'select id from internal_messages where from_user_id = ? and client_message_id = ?', [me.userId, clientMessageId]))!.id;
  const message = toView((await one<InternalMessageView>(ctx.em, `${VIEW_SQL} where m.id = ?`, [id]))!);
  // A retry of a message already stored is not heard twice.
  return committed(message, inserted ? [{ kind: 'STAFF_MESSAGE', message }] : []);
}

/** Both people hear a staff message: the sender's other tabs too. */
export const staffMessageListener: Listener = async (deps, events) => {
  for (const e of events) {
    if (e.kind === 'STAFF_MESSAGE') await Promise.all([e.message.fromUserId, e.message.toUserId].map((userId) => deps.topics.publish(Topic.PERSON, userId, e.message)));
  }
};

/** The latest messages between the signed-in person and another, oldest first. */
export async function listInternalMessages(ctx: Context, withUserId: string, first: number): Promise<InternalMessageView[]> {
  const me = requireUser(ctx.viewer);
  if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first is between 1 and 500', 'first');
  const latest = await rows<InternalMessageView>(
    ctx.em,
    `${VIEW_SQL}
      where least(m.from_user_id, m.to_user_id) = least(?::uuid, ?::uuid) and greatest(m.from_user_id, m.to_user_id) = greatest(?::uuid, ?::uuid)
      order by m.created_at desc, m.id desc limit ?`,
    [me.userId, withUserId, me.userId, withUserId, first],
  );
  return latest.reverse().map(toView);
}

/** Every message to or from one person after a moment, oldest first: what a reconnecting screen missed. */
export async function internalMessagesSince(em: Em, userId: string, after: Date): Promise<InternalMessageView[]> {
  const found = await rows<InternalMessageView>(em, `${VIEW_SQL} where (m.from_user_id = ? or m.to_user_id = ?) and m.created_at > ? order by m.created_at, m.id limit 500`, [userId, userId, after]);
  return found.map(toView);
}
