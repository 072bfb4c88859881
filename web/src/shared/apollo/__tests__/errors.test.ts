import { ApolloError } from '@apollo/client/core';
import { describe, expect, it } from 'vitest';
import { errorText, retryAfterOf, textForCode } from '../errors';

const t = (key: string) => `<${key}>`;
const refused = (code: string | undefined, message: string) => new ApolloError({ graphQLErrors: [{ message, extensions: code ? { code } : {} }] });

describe('what the reader is told about a refusal', () => {
  it('keeps the server words for bad input, which name the field', () => {
    expect(textForCode('BAD_USER_INPUT', 'body is too long', t)).toBe('body is too long');
    expect(errorText(refused('BAD_USER_INPUT', 'email is not valid'), t)).toBe('email is not valid');
  });

  it('translates the generic refusals instead of showing English', () => {
    expect(errorText(refused('FORBIDDEN', 'Not allowed'), t)).toBe('<apiError.forbidden>');
    expect(errorText(refused('NOT_FOUND', 'Interaction not found'), t)).toBe('<apiError.notFound>');
    expect(errorText(refused('CONFLICT', 'Already taken'), t)).toBe('<apiError.conflict>');
    expect(errorText(refused('UNAUTHENTICATED', 'Sign in first'), t)).toBe('<apiError.unauthenticated>');
    expect(errorText(refused('RATE_LIMITED', 'Too many requests; try again in 3 s'), t)).toBe('<apiError.rateLimited>');
    expect(errorText(refused('EMAIL_NOT_SENT', 'The mail server did not take the reply: 550 No such mailbox'), t)).toBe('<apiError.emailNotSent>');
  });

  it('says the connection failed when no answer came', () => {
    expect(errorText(new ApolloError({ networkError: new TypeError('Failed to fetch') }), t)).toBe('<apiError.network>');
    expect(textForCode(null, null, t)).toBe('<apiError.network>');
  });

  it('falls back to a generic text for anything else', () => {
    expect(errorText(refused('INTERNAL_SERVER_ERROR', 'Something went wrong'), t)).toBe('<apiError.unknown>');
    expect(errorText(new Error('boom'), t)).toBe('<apiError.unknown>');
  });
});

describe('how long a refusal asks to wait', () => {
  it('reads the seconds of a RATE_LIMITED refusal, and nothing from any other', () => {
    const limited = new ApolloError({ graphQLErrors: [{ message: 'Too many attempts', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 } }] });
    expect(retryAfterOf(limited)).toBe(42);
    expect(retryAfterOf(refused('RATE_LIMITED', 'no seconds given'))).toBeNull();
    expect(retryAfterOf(refused('UNAUTHENTICATED', 'Wrong e-mail or password'))).toBeNull();
    expect(retryAfterOf(new Error('boom'))).toBeNull();
  });
});
