import { ApolloError, type ServerError } from '@apollo/client/core';
import type { GraphQLFormattedError } from 'graphql';

/** The server's error codes that the web app acts on (see the API's shared/errors.ts). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  EMAIL_NOT_CONFIGURED = 'EMAIL_NOT_CONFIGURED',
  EMAIL_NOT_SENT = 'EMAIL_NOT_SENT',
  /** Past a request limit, named in `extensions.limit` (a list too large for one request). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
}

/** The GraphQL errors carried by whatever Apollo threw or handed to a link. */
export function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] {
  if (error instanceof ApolloError) {
    if (error.graphQLErrors.length > 0) return error.graphQLErrors;
    return error.networkError ? graphQLErrorsOf(error.networkError) : [];
  }
  // An HTTP error status (e.g. 400 for invalid variables) still carries GraphQL errors in its body.
  const body = (error as Partial<ServerError> | null)?.result;
  if (typeof body === 'object' && body !== null && Array.isArray(body.errors)) return body.errors as GraphQLFormattedError[];
  return [];
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return graphQLErrorsOf(error).some((e) => e.extensions?.code === code);
}

/** How long a RATE_LIMITED refusal asks to wait, in whole seconds; null for any other answer. */
export function retryAfterOf(error: unknown): number | null {
  const limited = graphQLErrorsOf(error).find((e) => e.extensions?.code === ErrorCode.RATE_LIMITED);
  const seconds = limited?.extensions?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : null;
}

/** The server's own words, when it gave any; callers fall back to a translated generic text. */
export function errorMessage(error: unknown): string | null {
  return graphQLErrorsOf(error)[0]?.message ?? null;
}

/**
 * True when the request may not have reached the server or its answer was lost, so sending it
 * again (idempotently) is the right move. A 4xx or a GraphQL error is an answer: do not retry.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApolloError) || !error.networkError || error.graphQLErrors.length > 0) return false;
  const status = (error.networkError as Partial<ServerError>).statusCode;
  return status === undefined || status >= 500;
}

/** vue-i18n's `t`, as far as these texts need it. */
export type Translate = (key: string) => string;

/** Codes whose server text is English and generic: the reader gets a translated one (texts in ./i18n.ts). */
const TRANSLATED: Partial<Record<string, string>> = {
  [ErrorCode.UNAUTHENTICATED]: 'apiError.unauthenticated',
  [ErrorCode.FORBIDDEN]: 'apiError.forbidden',
  [ErrorCode.NOT_FOUND]: 'apiError.notFound',
  [ErrorCode.CONFLICT]: 'apiError.conflict',
  [ErrorCode.RATE_LIMITED]: 'apiError.rateLimited',
  [ErrorCode.EMAIL_NOT_CONFIGURED]: 'apiError.emailNotConfigured',
  [ErrorCode.EMAIL_NOT_SENT]: 'apiError.emailNotSent',
};

/**
 * What to tell the reader about a refusal with this code, in their language. BAD_USER_INPUT keeps
 * the server's words (they name the field or the limit); no code at all means no answer came.
 */
export function textForCode(code: string | null, serverMessage: string | null, t: Translate): string {
  if (code === null) return t('apiError.network');
  if (code === ErrorCode.BAD_USER_INPUT && serverMessage) return serverMessage;
  const key = TRANSLATED[code];
  return key ? t(key) : t('apiError.unknown');
}

/** The reader's text for whatever a GraphQL request threw (see textForCode). */
export function errorText(error: unknown, t: Translate): string {
  const first = graphQLErrorsOf(error)[0];
  const code = first?.extensions?.code;
  if (first) return textForCode(typeof code === 'string' ? code : ErrorCode.BAD_USER_INPUT, first.message, t);
  return textForCode(error instanceof ApolloError && error.networkError ? null : 'UNKNOWN', null, t);
}
