/**
 * The shift-start sign-in storm (issue 18): an office signs in all at once from one address, and the
 * service goes on. Sign-ins spend none of the allowance of callers without a token; their passwords
 * are checked one at a time here (PASSWORD_HASH_CONCURRENCY=1, as on a two-core machine), first come
 * first served, and while they wait, people already signed in are answered, reconnect, get chats and
 * receive messages: none of that hashes a password. A queue longer than the process takes is told
 * when to come back. A hash made with argon2's old defaults is made again at OWASP's minimum when its
 * owner signs in.
 */
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiProcess, METRICS_TOKEN, startApi } from './support/api.js';
import { queryTestDatabase } from './support/database.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect, type TestWsClient } from './support/ws-client.js';
import { adminToken, createCampaign, createPerson, PASSWORD, POST, SIGN_IN, signInFrom, startWidgetChat, untilConnected } from './support/world.js';

/** The office: every sign-in here comes through the proxy from this one address. */
const OFFICE = '203.0.113.50';
const OFFICE_SIZE = 220;
/** Sign-ins queued while a signed-in agent works: seconds of hashing, one at a time. */
const QUEUED = 100;
const ANONYMOUS_PER_MINUTE = 5;

let storm: ApiProcess;
let cramped: ApiProcess;
let admin: string;
const office: { email: string }[] = [];
const sockets: TestWsClient[] = [];

beforeAll(async () => {
  const prefix = inject('pubsubPrefix');
  [storm, cramped] = await Promise.all([
    startApi({
      PUBSUB_PREFIX: `${prefix}-storm`,
      TRUST_PROXY: 'true',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_PER_MINUTE),
      SIGN_IN_FAILURES_PER_ACCOUNT: '10',
      SIGN_IN_FAILURES_PER_ADDRESS: '100',
      PASSWORD_HASH_CONCURRENCY: '1',
    }),
    startApi({ PUBSUB_PREFIX: `${prefix}-cramped`, TRUST_PROXY: 'true', PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '2' }),
  ]);
  admin = await adminToken(storm.url);
  const tag = randomBytes(3).toString('hex');
  const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
  for (let i = 0; i < OFFICE_SIZE; i += 10) {
    const batch = Array.from({ length: Math.min(10, OFFICE_SIZE - i) }, (_, j) => ({ email: `office-${tag}-${i + j}@tests.parley.dev`, name: `Agent ${i + j}`, password: PASSWORD, role: 'AGENT' }));
    await Promise.all(batch.map((input) => ok(storm.url, CREATE, { input }, admin)));
    office.push(...batch);
  }
}, 240_000);

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await Promise.all([storm?.stop(), cramped?.stop()]);
});

/** Passwords waiting for their turn in the process now, as /metrics tells. */
async function hashesWaiting(api: ApiProcess): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return Number(/^parley_password_hashes_waiting (\d+)/m.exec(text)?.[1]);
}

/** The sign-ins of the office's first `count` people at once; `settled` counts those answered so far. */
function signInAtOnce(api: ApiProcess, count = OFFICE_SIZE) {
  const answers = office.slice(0, count).map((p) => signInFrom(api.url, OFFICE, p.email));
  const progress = { settled: 0, all: Promise.all(answers) };
  for (const answer of answers) void answer.then(() => progress.settled++);
  return progress;
}

describe('a sign-in storm from one office address', () => {
  it('signs everyone in, however small the allowance of callers without a token, and leaves that allowance unspent', async () => {
    const answers = await signInAtOnce(storm).all;
    expect(answers.filter((a) => a.token).length).toBe(OFFICE_SIZE);
    // Anything else from the office without a token still spends the address's allowance, all of it unspent.
    const anonymous = () => fetch(`${storm.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': OFFICE }, body: '{"query":"{ __typename }"}' });
    for (let i = 0; i < ANONYMOUS_PER_MINUTE; i++) expect((await anonymous()).status).toBe(200);
    expect((await anonymous()).status).toBe(429);
    // And sign-ins go on past it.
    expect((await signInFrom(storm.url, OFFICE, office[0]!.email)).token).toBeDefined();
  }, 240_000);

  it('keeps answering a signed-in agent, reconnecting it, giving it chats and delivering messages while sign-ins queue', async () => {
    const agent = await createPerson(storm.url, admin, 'AGENT');
    const open = connect(storm.wsUrl, agent.token);
    open.subscribe('subscription { interactionChanged { kind } }');
    sockets.push(open);
    await untilConnected(storm.url, agent.token);
    const campaign = await createCampaign(storm.url, admin, { routingStrategy: 'LEAST_BUSY', memberIds: [agent.id] });

    const signIns = signInAtOnce(storm, QUEUED);
    await expect.poll(() => hashesWaiting(storm), { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);

    // A session's request, and a socket reconnecting with its token, check no password.
    expect((await ok(storm.url, '{ me { id } }', {}, agent.token)).me.id).toBe(agent.id);
    const again = connect(storm.wsUrl, agent.token);
    sockets.push(again);
    expect(await again.subscribe('{ me { id } }').waitFor(1, 10_000)).toEqual([{ me: { id: agent.id } }]);
    // A customer's chat goes to the agent, and the customer's message reaches it.
    const chat = await startWidgetChat(storm.url, campaign.id);
    expect((await ok(storm.url, 'query($id: ID!) { interaction(id: $id) { agent { id } } }', { id: chat.id }, agent.token)).interaction.agent).toEqual({ id: agent.id });
    const messages = again.subscribe('subscription($id: ID!) { messageAdded(interactionId: $id, afterSequence: 0) { body } }', { id: chat.id });
    await ok(storm.url, POST, { input: { interactionId: chat.id, body: 'Hello, anyone there?', clientMessageId: 'storm-1' } }, chat.visitorToken);
    await messages.until((events) => events.some((e) => e.messageAdded.body === 'Hello, anyone there?'), 10_000);

    expect(signIns.settled).toBeLessThan(QUEUED);
    expect((await signIns.all).filter((a) => a.token).length).toBe(QUEUED);
  }, 240_000);

  it('tells sign-ins past the queue’s length to come back later, with RATE_LIMITED and when', async () => {
    const answers = await signInAtOnce(cramped, 40).all;
    const refused = answers.filter((a) => !a.token);
    expect(refused.length).toBeGreaterThan(0);
    expect(answers.length - refused.length).toBeGreaterThanOrEqual(3); // one checked and two waiting, at least
    for (const r of refused) {
      expect(r).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(r.retryAfter).toBe(r.retryAfterSeconds);
    }
    // Once the queue has room, those refused sign in.
    const late = office[answers.findIndex((a) => !a.token)]!;
    expect((await signInFrom(cramped.url, OFFICE, late.email)).token).toBeDefined();
  }, 60_000);
});

describe('a password hashed with older parameters', () => {
  it('is hashed again at OWASP’s minimum when its owner signs in, and still only that password signs in', async () => {
    const person = office[1]!;
    const old = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    expect(old).toContain('m=65536');
    await queryTestDatabase('update users set password_hash = $1 where email = $2', [old, person.email]);

    expect((await signInFrom(storm.url, OFFICE, person.email)).token).toBeDefined();
    const [stored] = await queryTestDatabase<{ password_hash: string }>('select password_hash from users where email = $1', [person.email]);
    // `$argon2id$v=19$m=19456,p=1,t=2$<salt>$<hash>`, its parameters in whatever order argon2 writes them.
    const [, type, version, parameters] = stored!.password_hash.split('$');
    expect([type, version, Object.fromEntries(new URLSearchParams(parameters!.replaceAll(',', '&')))]).toEqual(['argon2id', 'v=19', { m: '19456', t: '2', p: '1' }]);

    expect((await signInFrom(storm.url, OFFICE, person.email)).token).toBeDefined();
    expectCode(await gql(storm.url, SIGN_IN, { e: person.email, p: 'not-the-password' }), 'UNAUTHENTICATED');
  });
});
