import { GraphQLError } from 'graphql';

/** The codes a client can act on; everything else is masked as INTERNAL_SERVER_ERROR. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** Something needs outgoing e-mail (SMTP_URL) and this server has none. */
  EMAIL_NOT_CONFIGURED = 'EMAIL_NOT_CONFIGURED',
  /** The mail server did not take an e-mail: it refused the address, or could not be reached. */
  EMAIL_NOT_SENT = 'EMAIL_NOT_SENT',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * Codes produced by graphql-js and Apollo itself for a bad request; they are safe to show. Not
 * INTERNAL_SERVER_ERROR: Apollo gives that code to every unexpected error before formatError sees
 * it, so passing it through showed a driver's message (the SQL text included) to the client.
 */
const PASS_THROUGH = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export class ParleyError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (message: string, field?: string) => new ParleyError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const unauthenticated = (message = 'Sign in first') => new ParleyError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'Not allowed') => new ParleyError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new ParleyError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string) => new ParleyError(ErrorCode.CONFLICT, message);

/** RATE_LIMITED saying when to try again, over HTTP with 429 and Retry-After. */
export function rateLimited(message: (seconds: number) => string, msBeforeNext: number): ParleyError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ParleyError(ErrorCode.RATE_LIMITED, message(retryAfterSeconds), {
    retryAfterSeconds,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
}

export function isExpectedCode(code: unknown): boolean {
  return typeof code === 'string' && PASS_THROUGH.has(code);
}

export interface FormattedErrorLike {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * Shows expected errors as they are and replaces anything else by a generic one, so a driver
 * message or a stack never reaches a client. `log` receives the original for the operator.
 */
export function maskError(shown: FormattedErrorLike, original: unknown, log: (err: unknown) => void): FormattedErrorLike {
  const formatted = asLimitRefusal(shown);
  const code = formatted.extensions?.code;
  if (isExpectedCode(code)) {
    // `http` (status and headers, e.g. Retry-After) is for the transport, not the client's payload.
    const { stacktrace: _drop, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log(original);
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** graphql-js's parser stops at the token limit with a syntax error of its own. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th\w+ (\d+) tokens/;

/**
 * A limit's refusal answers QUERY_TOO_COMPLEX with the limit named, on every transport, whichever
 * layer met it: Apollo and graphql-ws give parse and validation failures their own codes over ours.
 */
function asLimitRefusal(error: FormattedErrorLike): FormattedErrorLike {
  const tokens = TOKEN_LIMIT.exec(error.message);
  if (tokens) {
    return {
      ...error,
      message: `The document has more than ${tokens[1]} tokens; the limit is ${tokens[1]}`,
      extensions: { ...error.extensions, code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'MAX_TOKENS' },
    };
  }
  // Only over the codes those layers give; anything else (an unexpected error) stays masked.
  const code = error.extensions?.code;
  if (typeof error.extensions?.limit === 'string' && (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED')) {
    return { ...error, extensions: { ...error.extensions, code: ErrorCode.QUERY_TOO_COMPLEX } };
  }
  return error;
}
