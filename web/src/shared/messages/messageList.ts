import type { ChatMessageFragment } from '../../gql/graphql';
import type { UploadedFile } from '../uploads/uploadFile';

export type ChatMessage = ChatMessageFragment;

/** A file the message itself still has to upload (a recording), with the bearer to upload it with. */
export interface OwnUpload {
  file: File;
  token: string | null;
}

/** What the composer hands over to send: text, files already uploaded, or both; or a recording to upload first. */
export interface OutgoingMessage {
  body: string;
  attachments: readonly UploadedFile[];
  upload?: OwnUpload;
}

/** A message typed here and not yet confirmed by the server. */
export interface PendingMessage {
  clientMessageId: string;
  body: string;
  attachments: readonly UploadedFile[];
  /** Still to upload before sending; gone once uploaded (its file is then among `attachments`). */
  upload: OwnUpload | null;
  state: 'uploading' | 'sending' | 'failed';
  /** What to tell the reader when the upload or the send failed, in their language. */
  error: string | null;
}

/**
 * Adds messages to a list kept in sequence order. A sequence already present is dropped: the
 * query, the subscription's replay after a reconnect and the send's own answer may all carry it.
 */
export function mergeMessages(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const bySequence = new Map(list.map((message) => [message.sequence, message]));
  for (const message of incoming) if (!bySequence.has(message.sequence)) bySequence.set(message.sequence, message);
  return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
}

/** The cursor to resume from: the highest sequence held, 0 for none. */
export function lastSequence(list: readonly ChatMessage[]): number {
  return list.at(-1)?.sequence ?? 0;
}

/** Pending messages the server has not confirmed yet (a confirmed one carries its clientMessageId). */
export function unconfirmed(pending: readonly PendingMessage[], list: readonly ChatMessage[]): PendingMessage[] {
  const confirmed = new Set(list.map((message) => message.clientMessageId).filter(Boolean));
  return pending.filter((p) => !confirmed.has(p.clientMessageId));
}

/** A line of the chat's history shown between its messages (a transfer, a join, a status), not a message. */
export interface ThreadEntry {
  id: string;
  at: string;
  /** What kind of line it is (tests and styles find them by it). */
  key: string;
  text: string;
  note: string;
}

export type ThreadItem = { kind: 'message'; at: string; message: ChatMessage } | { kind: 'entry'; at: string; entry: ThreadEntry };

/** Messages and history lines in one time order; at the same instant the line comes first, as it caused the message. */
export function interleave(messages: readonly ChatMessage[], entries: readonly ThreadEntry[]): ThreadItem[] {
  const items: ThreadItem[] = [
    ...entries.map((entry) => ({ kind: 'entry' as const, at: entry.at, entry })),
    ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
  ];
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
