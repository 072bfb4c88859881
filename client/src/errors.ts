import type { GraphQLFormattedError } from 'graphql';

/** The codes Parley puts in an error's `extensions.code`: what a client can act on. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** A request Parley could not read: not JSON, a subscription sent over HTTP. */
  BAD_REQUEST = 'BAD_REQUEST',
  EMAIL_NOT_CONFIGURED = 'EMAIL_NOT_CONFIGURED',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** Anything unexpected, masked by the server (its log has the detail). */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Parley answered with GraphQL errors: the operation was refused or failed there. Never retried by the client. */
export class ParleyError extends Error {
  override readonly name = 'ParleyError';

  constructor(
    /** The errors as Parley sent them, `extensions` included. */
    readonly errors: readonly GraphQLFormattedError[],
    /** The HTTP status of the answer; null over the WebSocket. */
    readonly status: number | null = null,
  ) {
    super(errors.map((e) => (codeOf(e) ? `${codeOf(e)}: ${e.message}` : e.message)).join('; ') || 'GraphQL error');
  }

  /** Each error's `extensions.code`, in order (an error without one is left out). */
  get codes(): string[] {
    return this.errors.map(codeOf).filter((code): code is string => code !== undefined);
  }

  /** The first error's code: most answers carry one error. */
  get code(): string | undefined {
    return this.codes[0];
  }

  has(code: ErrorCode | string): boolean {
    return this.codes.includes(code);
  }
}

const codeOf = (error: GraphQLFormattedError): string | undefined => {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
};

/** Why a request got no GraphQL answer. */
export enum TransportFailure {
  /** The connection failed or was cut before an answer came. */
  NETWORK = 'NETWORK',
  /** No answer within the time limit: the request may or may not have been carried out. */
  TIMEOUT = 'TIMEOUT',
  /** An HTTP status without a GraphQL body (a proxy's 502, a 503 while the server restarts). */
  HTTP_STATUS = 'HTTP_STATUS',
}

/** No GraphQL answer came back. `transient` says whether trying again may help. */
export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get transient(): boolean {
    return this.failure !== TransportFailure.HTTP_STATUS || (this.status !== null && this.status >= 500);
  }
}

/** The server closed the socket for good: a revoked key or session (4401), a protocol error. */
export class SocketClosedError extends Error {
  override readonly name = 'SocketClosedError';

  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(`The socket was closed: ${code}${reason ? ` ${reason}` : ''}`);
  }
}

/** What requests, retries and streams under way end with when the client is closed. */
export class ClientClosedError extends Error {
  override readonly name = 'ClientClosedError';

  constructor() {
    super('The client is closed');
  }
}

/**
 * Whether a failed attempt may be tried again: nothing came back (cut, time limit, or a 5xx with no
 * GraphQL body: a proxy's 502, a restarting server). An answer with GraphQL errors is the server's
 * word, whatever its status (a refusal may come with a 500 too), and is never tried again.
 */
export function isTransient(err: unknown): boolean {
  return err instanceof TransportError && err.transient;
}

/** What graphql-ws hands a sink's `error`, as one of this client's errors. */
export function fromSocketError(err: unknown): Error {
  if (Array.isArray(err)) return new ParleyError(err as GraphQLFormattedError[]);
  if (err instanceof Error) return err;
  if (isCloseEvent(err)) return new SocketClosedError(err.code, err.reason);
  // The ws library reports a failed connection as an ErrorEvent carrying the cause.
  const cause = (err as { error?: unknown } | null)?.error ?? err;
  return new TransportError(TransportFailure.NETWORK, `The socket failed: ${cause instanceof Error ? cause.message : String(cause)}`, null, { cause });
}

const isCloseEvent = (v: unknown): v is { code: number; reason: string } => typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'number' && 'reason' in v;
