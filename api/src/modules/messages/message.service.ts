import { type Em, isUniqueViolation, one, rows } from '../../db/sql.js';
import { conflict } from '../../shared/errors.js';
import { AuthorKind, Visibility } from './message.enums.js';
import { MESSAGE_VIEW_COLUMNS, type MessageView, toMessageView } from './message.view.js';

export interface Author {
  kind: AuthorKind;
  id: string | null;
  name: string | null;
  /** The identity a client message id is unique for, e.g. "user:<id>". */
  key: string;
}

export const SYSTEM_AUTHOR: Author = { kind: AuthorKind.SYSTEM, id: null, name: null, key: 'system' };

export interface NewMessage {
  body: string;
  clientMessageId: string | null;
  visibility: Visibility;
  attachmentIds: string[];
}

/** The earlier message an author sent with this client id, if any. */
export async function findByClientId(em: Em, interactionId: string, authorKey: string, clientMessageId: string): Promise<MessageView | null> {
  const row = await one(em, `select ${MESSAGE_VIEW_COLUMNS} from messages where interaction_id = ? and author_key = ? and client_message_id = ?`, [
    interactionId,
    authorKey,
    clientMessageId,
  ]);
  return row ? toMessageView(row) : null;
}

/**
 * Inserts a message with the interaction's next sequence, inside the caller's transaction. The
 * sequence comes from an UPDATE on the interaction row, so concurrent writers to one interaction
 * queue on that row lock and sequences have no gaps once committed.
 */
export async function appendMessage(em: Em, interactionId: string, author: Author, message: NewMessage): Promise<MessageView | null> {
  const bumped = await one<{ last_sequence: number }>(
    em,
    "update interactions set last_sequence = last_sequence + 1, updated_at = now() where id = ? and phase <> 'CLOSED' returning last_sequence",
    [interactionId],
  );
  if (!bumped) return null;
  const row = await one(
    em,
    `insert into messages (id, interaction_id, sequence, body, author_kind, author_id, author_name, author_key, visibility, client_message_id, attachment_ids, created_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], clock_timestamp()) returning ${MESSAGE_VIEW_COLUMNS}`,
    [
      interactionId,
      bumped.last_sequence,
      message.body,
      author.kind,
      author.id,
      author.name,
      author.key,
      message.visibility,
      message.clientMessageId,
      `{${message.attachmentIds.join(',')}}`,
    ],
  );
  return toMessageView(row!);
}

/** Idempotent send: the same client id with the same body returns the original; with another body it is a CONFLICT. */
export function sameSend(existing: MessageView, message: NewMessage): MessageView {
  if (existing.body !== message.body) throw conflict('This clientMessageId was already used for another message');
  return existing;
}

export { isUniqueViolation };

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
export { Visibility };
