import { randomBytes, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { HttpRefusal } from '../../shared/http-errors.js';
import { parseBuffer } from 'music-metadata';
import { type Em, one, pgArray, rows, type Row } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import { keyMayWrite } from '../auth/api-key.rules.js';
import type { Viewer } from '../auth/viewer.js';
import { authorOf, requireVisible } from '../interactions/interaction.access.js';
import { AuthorKind, Visibility } from '../messages/message.enums.js';
import type { Phase } from '../interactions/interaction.enums.js';
import { acceptedType, cleanFileName, isRecording, looksLikeText, recordingRefusal, signDownload, soundOnlyType, takesUploads, verifyDownload } from './file.rules.js';
import type { ObjectStore } from './file.store.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** Signs download links with the secret all processes share. */
    files: FileLinks;
    /** Where uploads' bytes live when not in PostgreSQL (FILE_STORE=s3). */
    objectStore: ObjectStore | null;
  }
}

export interface FileView {
  id: string;
  name: string;
  mime: string;
  size: number;
  durationSeconds: number | null;
}

export class UploadRefused extends HttpRefusal {}

/** The key an upload is owned by: the same identity its author's messages carry. */
export const ownerKeyOf = (viewer: Viewer): string => authorOf(viewer, AuthorKind.SYSTEM).key;

/**
 * Refuses an upload, before its bytes are read, from a key that only reads (it could never attach
 * it), and to a closed conversation. A visitor's files belong
 * to its one conversation, and its token outlives the close (the customer still reads the
 * transcript); staff files belong to no conversation until postMessage attaches them, which a
 * closed conversation refuses.
 */
export async function requireUploadsOpen(em: Em, viewer: Viewer): Promise<void> {
  if (viewer.kind === 'API_KEY' && !keyMayWrite(viewer.scopes)) throw forbidden('A READ key only reads');
  if (viewer.kind !== 'VISITOR') return;
  const row = await one<{ phase: Phase }>(em, 'select phase from interactions where id = ?', [viewer.interactionId]);
  if (!row || !takesUploads(row.phase)) throw conflict('This conversation is closed: it takes no more files');
}

/** Reads the type from the bytes, measures recordings, and stores the file for its uploader to attach. */
export async function storeUpload(em: Em, store: ObjectStore | null, viewer: Viewer, name: string | undefined, bytes: Buffer): Promise<FileView> {
  if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (bytes.length === 0) throw new UploadRefused(400, 'The file is empty');
  const detected = await fileTypeFromBuffer(bytes);
  let mime = detected?.mime ?? (looksLikeText(bytes) ? 'text/plain' : null);
  if (!mime || !acceptedType(mime)) throw new UploadRefused(415, 'Images, PDF, audio, video and text files are accepted');
  let durationSeconds: number | null = null;
  if (isRecording(mime)) {
    const format = await parseBuffer(bytes, { mimeType: mime, size: bytes.length }, { duration: true, skipCovers: true }).then(
      (m) => m.format,
      () => undefined,
    );
    const refusal = recordingRefusal(format?.duration);
    if (refusal) throw new UploadRefused(400, refusal);
    durationSeconds = Math.round(format!.duration! * 10) / 10;
    mime = soundOnlyType(mime, format!.hasVideo);
  }
  // With an object store, the bytes go there first: a row never names bytes that are not stored.
  const id = randomUUID();
  if (store) await store.put(id, bytes, mime);
  const row = await one(
    em,
    `insert into files (id, owner_key, interaction_id, name, mime, size, duration_seconds, data, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, now()) returning id, name, mime, size, duration_seconds`,
    [id, ownerKeyOf(viewer), viewer.kind === 'VISITOR' ? viewer.interactionId : null, cleanFileName(name), mime, bytes.length, durationSeconds, store ? null : bytes],
  );
  return toFileView(row!);
}

const toFileView = (r: Row): FileView => ({ id: r.id, name: r.name, mime: r.mime, size: r.size, durationSeconds: r.duration_seconds });

/**
 * Attaches uploads to a message just sent, inside its transaction: each must be the author's own and
 * not yet sent with another message, or nothing is sent.
 */
export async function attachWithin(tx: Em, fileIds: readonly string[], ownerKey: string, interactionId: string, messageId: string): Promise<void> {
  if (fileIds.length === 0) return;
  const attached = await rows(tx, 'update files set message_id = ?, interaction_id = ? where id = any(?::uuid[]) and owner_key = ? and message_id is null returning id', [
    messageId,
    interactionId,
    pgArray([...new Set(fileIds)]),
    ownerKey,
  ]);
  if (attached.length !== new Set(fileIds).size) throw badInput('An attachment is unknown, not yours, or already sent', 'attachmentIds');
}

/** The files of messages, by message, for the attachments a client reads. */
export async function filesOfMessages(em: Em, messageIds: readonly string[]): Promise<Map<string, FileView[]>> {
  const found = await rows(em, 'select id, message_id, name, mime, size, duration_seconds from files where message_id = any(?::uuid[]) order by created_at, id', [pgArray([...messageIds])]);
  const byMessage = new Map<string, FileView[]>();
  for (const r of found) byMessage.set(r.message_id, [...(byMessage.get(r.message_id) ?? []), toFileView(r)]);
  return byMessage;
}

/** A file by id, for a signed link: the link itself is the permission, checked when it was given. */
export async function fileById(em: Em, fileId: string): Promise<(FileView & { data: Buffer | null }) | null> {
  const row = await one(em, 'select id, name, mime, size, duration_seconds, data from files where id = ?', [fileId]);
  return row ? { ...toFileView(row), data: row.data } : null;
}

/**
 * A file for download, if this caller may have it: the uploader its own unsent file; otherwise whoever
 * may see the interaction and the message (a customer never an internal one). Anything else is NOT_FOUND.
 */
export async function fileFor(ctx: Context, fileId: string): Promise<FileView & { data: Buffer | null }> {
  const row = await one(
    ctx.em,
    `select f.id, f.name, f.mime, f.size, f.duration_seconds, f.data, f.owner_key, f.message_id, m.interaction_id, m.visibility
       from files f left join messages m on m.id = f.message_id where f.id = ?`,
    [fileId],
  );
  if (!row) throw notFound('File');
  if (row.message_id === null) {
    if (ctx.viewer.kind === 'ANONYMOUS' || row.owner_key !== ownerKeyOf(ctx.viewer)) throw notFound('File');
  } else {
    await requireVisible(ctx, row.interaction_id);
    if (row.visibility === Visibility.INTERNAL && ctx.viewer.kind !== 'USER') throw notFound('File');
  }
  return { ...toFileView(row), data: row.data };
}

/** A file's bytes, wherever they live; null when the object store has lost them. */
export async function bytesOf(store: ObjectStore | null, file: { id: string; data: Buffer | null }): Promise<Buffer | null> {
  return file.data ?? (store ? store.get(file.id) : null);
}

/** Signs short-lived download links with a secret every process shares (made by the first to start). */
export class FileLinks {
  private constructor(private readonly secret: string) {}

  static async load(em: Em): Promise<FileLinks> {
    await rows(em, "insert into app_secrets (name, value) values ('download-links', ?) on conflict do nothing", [randomBytes(32).toString('base64url')]);
    const row = await one<{ value: string }>(em, "select value from app_secrets where name = 'download-links'");
    return new FileLinks(row!.value);
  }

  /** A link that works for `seconds` without a token, for <img>, <audio> and e-mail. */
  url(fileId: string, seconds = 3600): string {
    const expires = Math.floor(Date.now() / 1000) + seconds;
    return `/files/${fileId}?expires=${expires}&signature=${signDownload(this.secret, fileId, expires)}`;
  }

  /** Whether a link was made here for this file and has not expired. */
  verify(fileId: string, expiresAt: number, signature: string): boolean {
    return verifyDownload(this.secret, fileId, expiresAt, signature, Math.floor(Date.now() / 1000));
  }
}
