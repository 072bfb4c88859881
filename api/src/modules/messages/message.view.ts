import type { Row } from '../../db/sql.js';
import type { AuthorKind, Visibility } from './message.enums.js';

export interface MessageView {
  id: string;
  interactionId: string;
  sequence: number;
  body: string;
  clientMessageId: string | null;
  author: { kind: AuthorKind; id: string | null; name: string | null; avatarUrl: string | null };
  visibility: Visibility;
  attachmentIds: string[];
  createdAt: string;
}

export const MESSAGE_VIEW_COLUMNS = 'id, interaction_id, sequence, body, client_message_id, author_kind, author_id, author_name, author_avatar_url, visibility, attachment_ids, created_at';

export function toMessageView(r: Row): MessageView {
  return {
    id: r.id,
    interactionId: r.interaction_id,
    sequence: r.sequence,
    body: r.body,
    clientMessageId: r.client_message_id,
    author: { kind: r.author_kind, id: r.author_id, name: r.author_name, avatarUrl: r.author_avatar_url ?? null },
    visibility: r.visibility,
    attachmentIds: r.attachment_ids ?? [],
    createdAt: new Date(r.created_at).toISOString(),
  };
}
