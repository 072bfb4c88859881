/**
 * Sign-ins are limited by their failures, per account and per address, and never by their number:
 * a request that is a sign-in alone spends no address allowance, anything more does. Counted in
 * memory here (the same limiter, without Redis); the e2e tests count in Redis across the API.
 */
import { describe, expect, it } from 'vitest';
import { isSignInAlone, RateLimits } from '../rate-limits.js';
import { SignInLimits, SignInOutcome } from '../sign-in-limits.js';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';
const alone = (query: unknown, operationName: unknown = undefined) => isSignInAlone({ query, operationName }, 2000);

/** Codes of what `attempt` threw, or 'ADMITTED'. */
const outcome = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'ADMITTED',
    (e: { extensions?: { code?: string } }) => e.extensions?.code,
  );

describe('a request that is a sign-in alone', () => {
  it('is one mutation selecting signIn and nothing else, whatever its alias or operation name', () => {
    expect(alone(SIGN_IN)).toBe(true);
    expect(alone('mutation { in: signIn(email: "a", password: "b") { token user { id } } }')).toBe(true);
    expect(alone(`query Q { me { id } } ${SIGN_IN.replace('mutation', 'mutation S')}`, 'S')).toBe(true);
  });

  it('is not one that carries anything more, or that does not parse', () => {
    expect(alone('mutation { signIn(email: "a", password: "b") { token } startInteraction(input: {}) { visitorToken } }')).toBe(false);
    expect(alone('mutation { a: signIn(email: "a", password: "b") { token } b: signIn(email: "c", password: "d") { token } }')).toBe(false);
    expect(alone('mutation { ...F } fragment F on Mutation { signIn(email: "a", password: "b") { token } }')).toBe(false);
    expect(alone(`query Q { me { id } } ${SIGN_IN.replace('mutation', 'mutation S')}`, 'Q')).toBe(false);
    expect(alone(`query Q { signIn } ${SIGN_IN.replace('mutation', 'mutation S')}`)).toBe(false);
    expect(alone('{ signIn }')).toBe(false);
    expect(alone('mutation { signIn(')).toBe(false);
    // Past the token limit: refused, unparsed, as the server would refuse it.
    expect(alone(`mutation { signIn(email: "a", password: "b") { token ${'__typename '.repeat(2500)}} }`)).toBe(false);
    expect(alone(undefined)).toBe(false);
    expect(alone(SIGN_IN, 42)).toBe(false);
  });

  it('spends nothing of the address allowance without a token, and a caller with one spends as ever', async () => {
    const limits = new RateLimits({ USER: 1, API_KEY: 0, VISITOR: 0, ANONYMOUS: 1 }, 'unit', null, 2000);
    const anonymous = { kind: 'ANONYMOUS' } as const;
    for (let i = 0; i < 5; i++) await limits.spend(anonymous, '203.0.113.7', { query: SIGN_IN, operationName: undefined });
    await limits.spend(anonymous, '203.0.113.7', { query: '{ __typename }', operationName: undefined });
    expect(await outcome(limits.spend(anonymous, '203.0.113.7', { query: '{ __typename }', operationName: undefined }))).toBe('RATE_LIMITED');
    expect(await outcome(limits.spend(anonymous, '203.0.113.7'))).toBe('RATE_LIMITED');
  });
});

describe('failed sign-ins', () => {
  const limits = () => new SignInLimits({ perAccount: 3, perAddress: 5, windowSeconds: 60 }, 'unit', null);

  it('refuse an account past its failures, the right password included, whatever the address', async () => {
    const guard = limits();
    for (let i = 0; i < 3; i++) await (await guard.admit('ana@example.com', `198.51.100.${i}`)).settle(SignInOutcome.FAILED);
    const refused = await guard.admit('ana@example.com', '198.51.100.9').catch((e: unknown) => e);
    expect(refused).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) }, message: expect.stringMatching(/^Too many failed sign-ins/) });
    expect(await outcome(guard.admit('bea@example.com', '198.51.100.9'))).toBe('ADMITTED');
  });

  it('count guesses sent at once for one account as if sent one by one', async () => {
    const guard = limits();
    const attempts = await Promise.all(Array.from({ length: 6 }, () => outcome(guard.admit('ana@example.com', '198.51.100.1'))));
    expect(attempts.filter((a) => a === 'ADMITTED')).toHaveLength(3);
    expect(attempts.filter((a) => a === 'RATE_LIMITED')).toHaveLength(3);
  });

  it('refuse an address past its failures, over any accounts', async () => {
    const guard = limits();
    for (let i = 0; i < 5; i++) await (await guard.admit(`person${i}@example.com`, '203.0.113.7')).settle(SignInOutcome.FAILED);
    expect(await outcome(guard.admit('someone@example.com', '203.0.113.7'))).toBe('RATE_LIMITED');
    expect(await outcome(guard.admit('someone@example.com', '203.0.113.8'))).toBe('ADMITTED');
  });

  it('are forgotten for an account that signs in, and not counted when the password was never checked', async () => {
    const guard = limits();
    for (let i = 0; i < 2; i++) await (await guard.admit('ana@example.com', '203.0.113.7')).settle(SignInOutcome.FAILED);
    await (await guard.admit('ana@example.com', '203.0.113.7')).settle(SignInOutcome.PASSED);
    for (let i = 0; i < 2; i++) await (await guard.admit('ana@example.com', '203.0.113.7')).settle(SignInOutcome.FAILED);
    for (let i = 0; i < 5; i++) await (await guard.admit('ana@example.com', '203.0.113.8')).settle(SignInOutcome.UNDECIDED);
    expect(await outcome(guard.admit('ana@example.com', '203.0.113.7'))).toBe('ADMITTED');
  });

  it('any number of sign-ins that succeed from one address are never refused', async () => {
    const guard = limits();
    for (let i = 0; i < 50; i++) await (await guard.admit(`agent${i}@example.com`, '203.0.113.7')).settle(SignInOutcome.PASSED);
    expect(await outcome(guard.admit('agent50@example.com', '203.0.113.7'))).toBe('ADMITTED');
  });
});
