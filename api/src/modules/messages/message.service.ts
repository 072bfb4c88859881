import { type Em, one, pgArray, type Prepared, prepared, rows } from '../../db/sql.js';
import { conflict } from '../../shared/errors.js';
import { ActorKind, InteractionStatus } from '../interactions/interaction.enums.js';
import { AuthorKind, Visibility } from './message.enums.js';
import { MESSAGE_VIEW_COLUMNS, type MessageView, toMessageView } from './message.view.js';

export interface Author {
  kind: AuthorKind;
  id: string | null;
  name: string | null;
  /** A key's avatar; people and the customer have none. */
  avatarUrl?: string | null;
  /** The identity a client message id is unique for, e.g. "user:<id>". */
  key: string;
}

export const SYSTEM_AUTHOR: Author = { kind: AuthorKind.SYSTEM, id: null, name: null, key: 'system' };

/**
 * The MESSAGE_ADDED events of the public messages a statement inserts: one more data-modifying CTE
 * over `inserted` (a CTE returning MESSAGE_VIEW_COLUMNS), so a message joins the event feed, and so
 * the webhooks, in the statement that stores it. The actor kind is `actor`, or the statement's
 * next parameter when null. `attachments: false` when none of the messages carries any: the files
 * are then not looked up.
 */
export function messageAddedSql(inserted: string, actor: ActorKind | null, { attachments = true }: { attachments?: boolean } = {}): string {
  const files = attachments
    ? `coalesce((select jsonb_agg(jsonb_build_object('id', f.id, 'name', f.name, 'mimeType', f.mime, 'size', f.size) order by f.name)
                 from files f where f.id::text = any(i.attachment_ids)), '[]'::jsonb)`
    : `'[]'::jsonb`;
  return `insert into interaction_events (interaction_id, type, actor_kind, actor_id, data, created_at)
     select i.interaction_id, 'MESSAGE_ADDED', ${actor === null ? '?::text' : `'${actor}'`}, i.author_id,
            jsonb_build_object('messageId', i.id, 'sequence', i.sequence, 'body', i.body,
              'author', jsonb_build_object('kind', i.author_kind, 'id', i.author_id, 'name', i.author_name, 'avatarUrl', i.author_avatar_url),
              'attachments', ${files}),
            now()
       from ${inserted} i where i.visibility = 'PUBLIC'`;
}

/** Who a message's author is as the event trail names actors: by the identity its key carries. */
export function actorKindOf(author: Author): ActorKind {
  if (author.key.startsWith('user:')) return ActorKind.USER;
  if (author.key.startsWith('key:')) return ActorKind.API_KEY;
  if (author.key.startsWith('contact:')) return ActorKind.CONTACT;
  return ActorKind.SYSTEM;
}

export interface NewMessage {
  body: string;
  clientMessageId: string | null;
  visibility: Visibility;
  attachmentIds: string[];
}

/** The earlier message an author sent with this client id, if any. */
export async function findByClientId(em: Em, interactionId: string, authorKey: string, clientMessageId: string): Promise<MessageView | null> {
  const row = await one(em, `select ${MESSAGE_VIEW_COLUMNS} from messages where interaction_id = ? and author_key = ? and client_message_id = ?`, [interactionId, authorKey, clientMessageId]);
  return row ? toMessageView(row) : null;
}

export interface Appended {
  message: MessageView;
  /** The customer wrote while the chat waited for them, so it went back to IN_PROGRESS. */
  statusChanged: boolean;
  /** The chat's revision after the send (a status change counts). */
  revision: number;
  /** The campaign's, as it stands now (a view kept from an earlier send may hold an older one). */
  noAnswerTimeoutSeconds: number | null;
}

/**
 * How fresh a customer's last-message time is kept, in seconds: a hundredth of the session window
 * it is read for, at most ten. Writing it rewrites the contact's row and all six of its indexes
 * (the activity and expiry indexes read it, so the update is never HOT), and a customer typing a
 * line every few seconds would write it with each. The contacts list does not tell ten seconds,
 * nor a window of a day 1%; a window of seconds (tests) keeps it fine.
 */
const activityGrainSeconds = (sessionWindowSeconds: number): number => Math.min(10, sessionWindowSeconds / 100);

/** The customer a message is from, with the grain its last-message time is kept at. */
export interface Writer {
  contactId: string;
  grainSeconds: number;
}

/** The customer `contactId` writing, under a session window of `sessionWindowSeconds` (CONTACT_EXPIRY_SECONDS). */
export const customerWriting = (contactId: string, sessionWindowSeconds: number): Writer => ({ contactId, grainSeconds: activityGrainSeconds(sessionWindowSeconds) });

/**
 * When this process last wrote each customer's last-message time (Date.now()): within the grain
 * since, a message leaves the contact's row out of its statement altogether, rather than have the
 * statement look and write nothing. Another process's writes are not known here, and cost only the look.
 */
const touchedAt = new Map<string, number>();
const MAX_TOUCHED = 50_000;

/**
 * What one send's statement holds beyond the append itself: the customer's last-message time, the
 * attachments' details in the trail, the campaign's no-answer timeout (for an agent's message).
 * Each shape is its own prepared statement; one that leaves a part out opens none of its tables.
 */
interface AppendShape {
  touch: boolean;
  attachments: boolean;
  timeout: boolean;
  /**
   * The customer writes to a chat that may be waiting for them, and so sets it IN_PROGRESS again.
   * Otherwise the statement sets only the bookkeeping columns, which the revision trigger does not
   * watch (Migration20261206000030): it does not run at all.
   */
  resume: boolean;
}

const appendStatements = new Map<string, Prepared>();

function appendStatement(shape: AppendShape): Prepared {
  const key = `${+shape.touch}${+shape.attachments}${+shape.timeout}${+shape.resume}`;
  let statement = appendStatements.get(key);
  if (statement) return statement;
  statement = prepared(
    `append_message_${key}`,
    `with ${shape.resume ? 'previous as (select status from interactions where id = ?),' : ''}
     bumped as (
       update interactions
          set last_sequence = last_sequence + 1, updated_at = now()
              ${shape.resume ? `, status = case when status = 'WAITING_FOR_CUSTOMER' then 'IN_PROGRESS'::interaction_status else status end` : ''}
        where id = ? and phase <> 'CLOSED'
          and (?::integer is null or (revision = ?::integer and (select ct.state::text from contacts ct where ct.id = contact_id) = ?::text))
          and not exists (select 1 from messages where interaction_id = ? and author_key = ?::text and client_message_id = ?::text)
        returning id, last_sequence, revision, campaign_id),
     ${
       shape.touch
         ? `touched as (update contacts set last_message_at = now()
                         where id = ? and exists (select 1 from bumped) and (last_message_at is null or last_message_at < now() - make_interval(secs => ?::float8))
                         returning id),`
         : ''
     }
     inserted as (
       insert into messages (id, interaction_id, sequence, body, author_kind, author_id, author_name, author_avatar_url, author_key, visibility, client_message_id, attachment_ids, created_at)
       select gen_random_uuid(), b.id, b.last_sequence, ?::text, ?::author_kind, ?::uuid, ?::text, ?::text, ?::text, ?::visibility, ?::text, ?::text[], clock_timestamp() from bumped b
       returning ${MESSAGE_VIEW_COLUMNS}),
     trail as (${messageAddedSql('inserted', null, { attachments: shape.attachments })})
     select inserted.*, ${shape.resume ? `(select status from previous) = 'WAITING_FOR_CUSTOMER'` : 'false'} as status_changed, b.revision,
            ${shape.timeout ? '(select no_answer_timeout_seconds from campaigns where id = b.campaign_id)' : 'null::integer'} as no_answer_timeout_seconds,
            ${shape.touch ? 'exists (select 1 from touched)' : 'false'} as touched
       from inserted, bumped b`,
  );
  appendStatements.set(key, statement);
  return statement;
}

/**
 * What a send on a view read earlier was decided on: the chat's revision (its row and participants,
 * bumped by the database) and its contact's state (read by the visibility rule, kept on the contact).
 */
export interface DecidedOn {
  revision: number;
  contactState: string;
  /** The chat's status then (the revision moves with it). */
  status: InteractionStatus;
}

/**
 * Inserts a message with the interaction's next sequence in ONE statement: the UPDATE that
 * bumps the sequence, the customer's last-message time and the INSERT commit or fail together,
 * so a failed insert (a duplicate client id) leaves no gap, and a send costs one round trip.
 * Concurrent writers to one interaction queue on its row lock, so sequences are handed out in
 * commit order. Returns null when the interaction is closed, this client id was already used, or
 * (`atRevision`, a send decided on a view read earlier) the chat changed since that view.
 */
export async function appendMessage(em: Em, interactionId: string, author: Author, message: NewMessage, writer: Writer | null = null, atRevision: DecidedOn | null = null): Promise<Appended | null> {
  const fromContact = author.kind === AuthorKind.CONTACT;
  const customer = fromContact ? writer : null;
  const touch = customer !== null && (touchedAt.get(customer.contactId) ?? 0) + customer.grainSeconds * 1000 <= Date.now();
  // A chat decided on at a revision where it was not waiting for its customer is not waiting now either, or the append finds the revision moved.
  const resume = fromContact && (atRevision === null || atRevision.status === InteractionStatus.WAITING_FOR_CUSTOMER);
  const shape = { touch, attachments: message.attachmentIds.length > 0, timeout: author.kind === AuthorKind.AGENT, resume };
  const row = await one(em, appendStatement(shape), [
    ...(resume ? [interactionId] : []),
    interactionId,
    atRevision?.revision ?? null,
    atRevision?.revision ?? null,
    atRevision?.contactState ?? null,
    interactionId,
    author.key,
    message.clientMessageId,
    ...(touch ? [customer!.contactId, customer!.grainSeconds] : []),
    message.body,
    author.kind,
    author.id,
    author.name,
    author.avatarUrl ?? null,
    author.key,
    message.visibility,
    message.clientMessageId,
    pgArray(message.attachmentIds),
    actorKindOf(author),
  ]);
  if (row?.touched) {
    if (touchedAt.size >= MAX_TOUCHED) touchedAt.clear();
    touchedAt.set(customer!.contactId, Date.now());
  }
  return row ? { message: toMessageView(row), statusChanged: row.status_changed === true, revision: row.revision, noAnswerTimeoutSeconds: row.no_answer_timeout_seconds } : null;
}

/** Idempotent send: the same client id with the same body returns the original; with another body it is a CONFLICT. */
export function sameSend(existing: MessageView, message: NewMessage): MessageView {
  if (existing.body !== message.body) throw conflict('This clientMessageId was already used for another message');
  return existing;
}

export async function listMessages(em: Em, interactionId: string, afterSequence: number, first: number, includeInternal: boolean): Promise<MessageView[]> {
  const result = await rows(
    em,
    `select ${MESSAGE_VIEW_COLUMNS} from messages
      where interaction_id = ? and sequence > ? and (visibility = 'PUBLIC' or ?)
      order by sequence limit ?`,
    [interactionId, afterSequence, includeInternal, first],
  );
  return result.map(toMessageView);
}

export const canReadInternal = (viewerKind: string): boolean => viewerKind === 'USER';
