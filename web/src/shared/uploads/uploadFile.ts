import { textForCode, type Translate } from '../apollo/errors';
import { progressOf } from './uploadRules';

/** The stored file, as POST /uploads answers it. */
export interface UploadedFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  durationSeconds: number | null;
}

/** A refused or failed upload; `message` is the server's own words when it gave any. */
export class UploadError extends Error {
  constructor(
    message: string | null,
    readonly code: string | null,
  ) {
    super(message ?? '');
  }
}

/** What to tell the reader about a failed upload, in their language (see textForCode). */
export function uploadErrorText(error: unknown, t: Translate): string {
  return error instanceof UploadError ? textForCode(error.code, error.message || null, t) : textForCode(null, null, t);
}

export interface UploadTransfer {
  done: Promise<UploadedFile>;
  abort: () => void;
}

const UPLOAD_URL = '/uploads';

function errorOf(xhr: XMLHttpRequest): UploadError {
  try {
    const body = JSON.parse(xhr.responseText) as { errors?: { message?: string; extensions?: { code?: string } }[] };
    const first = body.errors?.[0];
    return new UploadError(first?.message ?? null, first?.extensions?.code ?? null);
  } catch {
    return new UploadError(null, null);
  }
}

/**
 * Sends one file's bytes to the API. XMLHttpRequest rather than fetch: only it reports upload
 * progress. The body is the raw file (no form encoding), so the server reads the type from the bytes.
 */
export function uploadFile(file: Blob & { name: string }, token: string | null, onProgress: (share: number) => void): UploadTransfer {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedFile>((resolve, reject) => {
    xhr.upload.addEventListener('progress', (event) => onProgress(progressOf(event.loaded, event.total)));
    xhr.addEventListener('load', () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as UploadedFile);
      else reject(errorOf(xhr));
    });
    xhr.addEventListener('error', () => reject(new UploadError(null, null)));
    xhr.addEventListener('abort', () => reject(new UploadError(null, 'ABORTED')));
    xhr.open('POST', UPLOAD_URL);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-Filename', encodeURIComponent(file.name));
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
