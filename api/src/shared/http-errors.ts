import type { Response } from 'express';
import { isExpectedCode } from './errors.js';
import type { Deps } from './deps.js';

/** A refusal of a plain HTTP route (not GraphQL) with its status, e.g. a file too large. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Plain HTTP routes answer errors in the GraphQL shape, so a client reads every error the same way. */
export const fail = (res: Response, status: number, code: string, message: string): void => void res.status(status).json({ errors: [{ message, extensions: { code } }] });

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429 };

/** Answers what a route threw: a refusal or a Parley error as itself, anything else as a masked 500. */
export function answerError(res: Response, err: unknown, deps: Deps): void {
  if (err instanceof HttpRefusal) return fail(res, err.status, 'BAD_USER_INPUT', err.message);
  const code = (err as { extensions?: { code?: string } }).extensions?.code;
  if (isExpectedCode(code)) return fail(res, STATUS[code!] ?? 400, code!, (err as Error).message);
  deps.log.error({ err }, 'HTTP request failed');
  fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong');
}
