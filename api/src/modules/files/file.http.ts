import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { createContext } from '../auth/request-context.js';
import type { Deps } from '../../shared/deps.js';
import { answerError, fail } from '../../shared/http-errors.js';
import { resolveViewer } from '../auth/auth.service.js';
import { credentialOf } from '../auth/tokens.js';
import { inlineType } from './file.rules.js';
import type { Em } from '../../db/sql.js';
import type { Viewer } from '../auth/viewer.js';
import { bytesOf, fileById, type FileView, fileFor, requireUploadsOpen, storeUpload } from './file.service.js';

/** Types a browser may send cross-site without asking first: refused, so no other site can upload in a user's name. */
const SIMPLE_TYPES = ['text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded'];

/** The caller of an upload, settled before its body is read. */
interface Uploader {
  em: Em;
  viewer: Viewer;
}

/**
 * POST /uploads: the file's bytes as the body (any non-form content type, e.g. application/octet-stream),
 * its name in `X-Filename`, the caller's token in `Authorization`. Answers the stored file's id, name,
 * type (read from the bytes) and, for recordings, length. GET /files/:id serves a file to a caller who
 * may see it (with a token), or through a signed link that expires; never so that it could run script.
 */
export function filesRouter(deps: Deps): Router {
  const router = Router();
  router.post(
    '/uploads',
    (req, res, next) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!type || SIMPLE_TYPES.includes(type)) return fail(res, 415, 'BAD_USER_INPUT', "Send the file's bytes with Content-Type: application/octet-stream");
      next();
    },
    // Who is asking, their allowance and their conversation, all before a byte of the body is read:
    // a stranger's 10 MB is turned away at once, never held in memory to be refused afterwards.
    async (req, res, next) => {
      try {
        const em = deps.orm.em.fork();
        const viewer = await resolveViewer(em, credentialOf(req.headers));
        if (viewer.kind === 'ANONYMOUS') return fail(res, 401, 'UNAUTHENTICATED', 'Sign in, or use the visitor token, to upload');
        await deps.limits.spend(viewer, req.ip ?? 'unknown');
        await requireUploadsOpen(em, viewer);
        res.locals.uploader = { em, viewer } satisfies Uploader;
        next();
      } catch (err) {
        answerError(res, err, deps);
      }
    },
    express.raw({ type: () => true, limit: deps.config.UPLOAD_MAX_BYTES }),
    async (req, res) => {
      try {
        const { em, viewer } = res.locals.uploader as Uploader;
        const name = typeof req.headers['x-filename'] === 'string' ? safeDecode(req.headers['x-filename']) : undefined;
        const stored: FileView = await storeUpload(em, deps.objectStore, viewer, name, req.body as Buffer);
        res.status(201).json(stored);
      } catch (err) {
        answerError(res, err, deps);
      }
    },
  );
  router.get('/files/:id', async (req, res) => {
    try {
      const { id } = req.params;
      const expires = Number(req.query.expires);
      const signature = typeof req.query.signature === 'string' ? req.query.signature : null;
      let file: FileView & { data: Buffer | null };
      if (signature) {
        if (!deps.files.verify(id, expires, signature)) return fail(res, 403, 'FORBIDDEN', 'This link is not valid or has expired');
        const found = await fileById(deps.orm.em.fork(), id);
        if (!found) return fail(res, 404, 'NOT_FOUND', 'File not found');
        file = found;
      } else {
        const em = deps.orm.em.fork();
        const viewer = await resolveViewer(em, credentialOf(req.headers));
        if (viewer.kind === 'ANONYMOUS') return fail(res, 401, 'UNAUTHENTICATED', 'Sign in, or use a download link');
        file = await fileFor(createContext(deps, viewer, em), id);
      }
      const bytes = await bytesOf(deps.objectStore, file);
      if (!bytes) return fail(res, 404, 'NOT_FOUND', 'File not found');
      res.set({
        'content-type': file.mime,
        'content-length': String(bytes.length),
        'x-content-type-options': 'nosniff',
        // Even if a browser were to render it, nothing in it may run or load.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'content-disposition': `${inlineType(file.mime) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'cache-control': 'private, max-age=600',
      });
      res.end(bytes);
    } catch (err) {
      answerError(res, err, deps);
    }
  });
  router.use((err: { type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (err?.type === 'entity.too.large') return fail(res, 413, 'BAD_USER_INPUT', `Files are at most ${Math.floor(deps.config.UPLOAD_MAX_BYTES / 1024)} KiB`);
    next(err);
  });
  return router;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
