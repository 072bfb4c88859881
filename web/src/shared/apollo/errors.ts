import { ApolloError, type ServerError } from '@apollo/client/core';
import type { GraphQLFormattedError } from 'graphql';

/** The server's error codes that the web app acts on (see the API's shared/errors.ts). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
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
