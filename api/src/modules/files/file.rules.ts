import { createHmac, timingSafeEqual } from 'node:crypto';
import { Phase } from '../interactions/interaction.enums.js';

/** What may be uploaded, by type read from the content (never the client's word). SVG and HTML never: they could run script. */
const ACCEPTED = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'audio/mpeg',
  'audio/ogg',
  'audio/opus',
  'audio/wav',
  'audio/x-wav',
  'audio/webm',
  'audio/mp4',
  'audio/x-m4a',
  'audio/aac',
  'video/webm',
  'video/mp4',
  'text/plain',
]);

export const MAX_RECORDING_SECONDS = 600;

export const acceptedType = (mime: string): boolean => ACCEPTED.has(mime);

/** Audio and video are measured: their length is checked and shown. */
export const isRecording = (mime: string): boolean => mime.startsWith('audio/') || mime.startsWith('video/');

/**
 * A container holding only sound is audio, whatever its signature says: browsers record audio
 * messages as WebM, which signatures alone read as video.
 */
export function soundOnlyType(mime: string, hasVideo: boolean | undefined): string {
  if (hasVideo !== false) return mime;
  if (mime === 'video/webm') return 'audio/webm';
  if (mime === 'video/mp4') return 'audio/mp4';
  return mime;
}

/** Content no signature recognises is text when it is valid UTF-8 without NUL bytes; otherwise it is refused. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Why a recording is refused, or null: it must be measurable and last at most ten minutes. */
export function recordingRefusal(durationSeconds: number | null | undefined): string | null {
  if (durationSeconds == null || !Number.isFinite(durationSeconds)) return 'Could not read how long this recording lasts';
  return durationSeconds > MAX_RECORDING_SECONDS ? 'Audio and video messages last at most 10 minutes' : null;
}

/**
 * Control characters (C0, DEL, C1) and the invisible marks that reorder text (bidirectional
 * embeddings, overrides and isolates, LRM, RLM, ALM): with U+202E "invoice\u202Efdp.exe" shows
 * as "invoiceexe.pdf" to whoever is asked to open it.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name as stored and shown: no path, no control or reordering characters, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(HIDDEN_IN_NAMES, '').trim().slice(0, 200);
  return clean || 'file';
}

/** A conversation takes files until it is closed; after that nothing could carry them. */
export const takesUploads = (phase: Phase): boolean => phase !== Phase.CLOSED;

/** Shown in the browser only for types that cannot run script; anything else is downloaded. */
export const inlineType = (mime: string): boolean => mime.startsWith('image/') || mime.startsWith('audio/') || mime.startsWith('video/') || mime === 'application/pdf';

/** A download link's signature: the file and the time it stops working, with the server's secret. */
export function signDownload(secret: string, fileId: string, expiresAt: number): string {
  return createHmac('sha256', secret).update(`${fileId}.${expiresAt}`).digest('base64url');
}

export function verifyDownload(secret: string, fileId: string, expiresAt: number, signature: string, nowSeconds: number): boolean {
  if (!Number.isInteger(expiresAt) || expiresAt < nowSeconds) return false;
  const expected = Buffer.from(signDownload(secret, fileId, expiresAt));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
