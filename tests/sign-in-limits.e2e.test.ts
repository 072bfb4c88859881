/**
 * Guessing passwords, as an attacker would: failed sign-ins are limited per account and per client
 * address, counted in Redis by every process, and past a limit sign-in answers RATE_LIMITED, the
 * right password included, until the window ends; a person who gets in starts again from no
 * failures. Sign-ins spend no allowance of callers without a token, and nothing rides along with a
 * sign-in past that allowance. Two processes share the counts (three failures an account, eight an
 * address, a minute's window); a third has a window of two seconds.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { adminToken, createPerson, PASSWORD, type Person, signInFrom } from './support/world.js';

const PER_ACCOUNT = 3;
const PER_ADDRESS = 8;

let a: ApiProcess;
let b: ApiProcess;
let brief: ApiProcess;
let admin: string;

/** A client address of its own for each test, so no test spends another's failures. */
let addresses = 0;
const address = () => `198.51.100.${++addresses}`;

beforeAll(async () => {
  const guarded = {
    TRUST_PROXY: 'true',
    SIGN_IN_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
    SIGN_IN_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
    SIGN_IN_FAILURE_WINDOW_SECONDS: '60',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2',
  };
  const prefix = inject('pubsubPrefix');
  [a, b, brief] = await Promise.all([
    startApi({ ...guarded, PUBSUB_PREFIX: `${prefix}-sign-in` }),
    startApi({ ...guarded, PUBSUB_PREFIX: `${prefix}-sign-in` }),
    startApi({ ...guarded, PUBSUB_PREFIX: `${prefix}-sign-in-brief`, SIGN_IN_FAILURE_WINDOW_SECONDS: '2' }),
  ]);
  admin = await adminToken(a.url);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), brief?.stop()]);
});

const agent = () => createPerson(a.url, admin, 'AGENT');
const wrong = (url: string, from: string, person: Pick<Person, 'email'>) => signInFrom(url, from, person.email, `not-${randomBytes(4).toString('hex')}`);

describe('guessing one account’s password', () => {
  it('is refused after three failures on any process, the right password too, whoever sends it', async () => {
    const victim = await agent();
    const attacker = address();
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await wrong(i % 2 ? b.url : a.url, attacker, victim)).code).toBe('UNAUTHENTICATED');
    const refused = await wrong(b.url, attacker, victim);
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.retryAfter).toBe(refused.retryAfterSeconds);
    // The right password tells nothing either, and the victim's own office is refused too.
    expect((await signInFrom(a.url, attacker, victim.email)).code).toBe('RATE_LIMITED');
    expect((await signInFrom(a.url, address(), victim.email)).code).toBe('RATE_LIMITED');
  });

  it('is refused the same way for an e-mail nobody has, so the limit tells which exist no more than the password check does', async () => {
    const nobody = { email: `nobody-${randomBytes(4).toString('hex')}@tests.parley.dev` };
    const from = address();
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await wrong(a.url, from, nobody)).code).toBe('UNAUTHENTICATED');
    expect((await wrong(a.url, from, nobody)).code).toBe('RATE_LIMITED');
  });

  it('all at once gets no more guesses than one by one', async () => {
    const victim = await agent();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => wrong(i % 2 ? b.url : a.url, address(), victim)));
    expect(answers.filter((r) => r.code === 'UNAUTHENTICATED')).toHaveLength(PER_ACCOUNT);
    expect(answers.filter((r) => r.code === 'RATE_LIMITED')).toHaveLength(30 - PER_ACCOUNT);
  });

  it('is let through again when the window has passed, and the right password signs in', async () => {
    const victim = await createPerson(brief.url, admin, 'AGENT');
    const from = address();
    for (let i = 0; i < PER_ACCOUNT; i++) await wrong(brief.url, from, victim);
    const refused = await signInFrom(brief.url, from, victim.email);
    expect(refused.code).toBe('RATE_LIMITED');
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterSeconds! * 1000));
    expect((await signInFrom(brief.url, from, victim.email)).token).toBeDefined();
  });

  it('starts again from no failures once its owner signs in', async () => {
    const person = await agent();
    const from = address();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < PER_ACCOUNT - 1; i++) expect((await wrong(a.url, from, person)).code).toBe('UNAUTHENTICATED');
      expect((await signInFrom(b.url, address(), person.email, PASSWORD)).token).toBeDefined();
    }
  });
});

describe('guessing from one address', () => {
  it('lets other people there sign in until the address has failed eight times, then refuses it alone', async () => {
    const office = address();
    const people = await Promise.all(Array.from({ length: 5 }, agent));
    // Two failures each for four people: under each account's limit, the address's eighth failure.
    for (const person of people.slice(0, 4)) {
      expect((await wrong(a.url, office, person)).code).toBe('UNAUTHENTICATED');
      expect((await signInFrom(b.url, office, people[4]!.email)).token).toBeDefined();
      expect((await wrong(b.url, office, person)).code).toBe('UNAUTHENTICATED');
    }
    expect((await signInFrom(a.url, office, people[4]!.email)).code).toBe('RATE_LIMITED');
    expect((await signInFrom(b.url, office, people[0]!.email)).code).toBe('RATE_LIMITED');
    // The same people from elsewhere are not refused: the address was.
    expect((await signInFrom(a.url, address(), people[4]!.email)).token).toBeDefined();
  });
});

describe('the allowance of callers without a token', () => {
  /** A request without a token through the proxy for `from`: its status and error codes. */
  const send = async (url: string, from: string, query: string) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: res.status, codes: body.errors?.map((e) => e.extensions?.code) ?? [] };
  };

  it('is spent by anything that rides along with a sign-in, and never by a sign-in alone', async () => {
    const person = await agent();
    const from = address();
    const signInAnd = (more: string) => `mutation { signIn(email: "${person.email}", password: "${PASSWORD}") { token } ${more} }`;
    // Within the allowance of two, a sign-in with more in it runs as any request does.
    expect(await send(a.url, from, signInAnd('__typename'))).toEqual({ status: 200, codes: [] });
    expect(await send(b.url, from, signInAnd(`again: signIn(email: "${person.email}", password: "${PASSWORD}") { token }`))).toEqual({ status: 200, codes: [] });
    // Spent: whatever rides along is refused, before anything runs.
    expect(await send(a.url, from, signInAnd('__typename'))).toEqual({ status: 429, codes: ['RATE_LIMITED'] });
    expect(await send(b.url, from, `query Other { __typename } ${signInAnd('').replace('mutation', 'mutation In')}`)).toEqual({ status: 429, codes: ['RATE_LIMITED'] });
    // A sign-in alone goes on.
    for (let i = 0; i < 5; i++) expect((await signInFrom(i % 2 ? a.url : b.url, from, person.email)).token).toBeDefined();
  });
});
