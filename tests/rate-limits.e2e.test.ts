/**
 * Rate limits per signed-in person, API key, visitor and (without a token) client address, counted in
 * Redis so every API process spends from one allowance, over HTTP and WebSocket alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { connect } from './support/ws-client.js';
import { adminToken, createApiKey, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

let setup: ApiProcess;
let a: ApiProcess;
let b: ApiProcess;
let agent: Person;
let other: Person;
let key: string;
let visitorToken: string;
let visitorChat: string;
let campaignId: string;

const ME = '{ me { id } }';

beforeAll(async () => {
  setup = await startApi();
  const admin = await adminToken(setup.url);
  agent = await createPerson(setup.url, admin, 'AGENT');
  other = await createPerson(setup.url, admin, 'AGENT');
  const campaign = await createCampaign(setup.url, admin);
  campaignId = campaign.id;
  key = await createApiKey(setup.url, admin, ['READ']);
  const chat = await startWidgetChat(setup.url, campaign.id);
  visitorToken = chat.visitorToken;
  visitorChat = chat.id;
  // Two processes with small allowances and their own counters.
  const limited = {
    PUBSUB_PREFIX: `${inject('pubsubPrefix')}-limits`,
    RATE_LIMIT_USER_PER_MINUTE: '6',
    RATE_LIMIT_API_KEY_PER_MINUTE: '4',
    RATE_LIMIT_VISITOR_PER_MINUTE: '3',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2',
  };
  [a, b] = await Promise.all([startApi(limited), startApi(limited)]);
});

afterAll(async () => {
  await Promise.all([setup?.stop(), a?.stop(), b?.stop()]);
});

describe('rate limits', () => {
  it('a person spends one allowance across processes and transports, then gets RATE_LIMITED with Retry-After', async () => {
    for (let i = 0; i < 4; i++) await ok(i % 2 ? b.url : a.url, ME, {}, agent.token);
    // A subscription started over WebSocket spends from the same allowance.
    const ws = connect(a.wsUrl, agent.token);
    const sub = ws.subscribe('subscription { interactionChanged { kind } }');
    await ok(b.url, ME, {}, agent.token);
    await new Promise((r) => setTimeout(r, 200));
    expect(sub.errors).toEqual([]);

    const refused = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` },
      body: JSON.stringify({ query: ME }),
    });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = await refused.json();
    expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    expect(body.errors[0].message).toMatch(/too many requests/i);

    // Over WebSocket too, with the same clear error.
    const late = ws.subscribe('subscription { interactionChanged { kind } }');
    await expect.poll(() => late.errors.length, { timeout: 2000 }).toBe(1);
    expect(JSON.stringify(late.errors)).toContain('RATE_LIMITED');
    await ws.dispose();

    // Someone else is not held up.
    await ok(b.url, ME, {}, other.token);
  });

  it('API keys, visitors and callers without a token each have their own allowance', async () => {
    for (let i = 0; i < 4; i++) await ok(i % 2 ? b.url : a.url, '{ campaigns { id } }', {}, key);
    expectCode(await gql(a.url, '{ campaigns { id } }', {}, key), 'RATE_LIMITED');

    const VISITOR = 'query($id: ID!) { interaction(id: $id) { id } }';
    const asVisitor = async (url: string) => gql(url, VISITOR, { id: visitorChat }, visitorToken);
    for (let i = 0; i < 3; i++) expect((await asVisitor(i % 2 ? b.url : a.url)).errors).toBeUndefined();
    expectCode(await asVisitor(b.url), 'RATE_LIMITED');

    const START = 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken } }';
    const start = (url: string) => gql(url, START, { i: { campaignId, channel: 'WEBCHAT', contact: { name: 'Anon' } } });
    expect((await start(a.url)).errors).toBeUndefined();
    expect((await start(b.url)).errors).toBeUndefined();
    const third = await start(a.url);
    expectCode(third, 'RATE_LIMITED');
    expect(third.status).toBe(429);
  });

  it('behind a trusted proxy, callers without a token are counted by the address it forwards', async () => {
    const proxied = await startApi({ PUBSUB_PREFIX: `${inject('pubsubPrefix')}-proxied`, TRUST_PROXY: 'true', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2' });
    try {
      const from = (address: string) =>
        fetch(`${proxied.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ query: '{ __typename }' }) });
      for (let i = 0; i < 2; i++) expect((await from('203.0.113.7')).status).toBe(200);
      expect((await from('203.0.113.7')).status).toBe(429);
      // Another office behind the same proxy has its own allowance.
      expect((await from('198.51.100.9')).status).toBe(200);
    } finally {
      await proxied.stop();
    }
  });

  it('behind a trusted proxy, a WebSocket is counted by the address it forwards too, as over HTTP', async () => {
    const proxied = await startApi({ PUBSUB_PREFIX: `${inject('pubsubPrefix')}-proxied-ws`, TRUST_PROXY: 'true', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '2' });
    /** One operation on a socket the proxy opened for `address`: its errors' codes, none when answered. */
    const from = (address: string) =>
      new Promise<string[]>((resolve, reject) => {
        const forwarded = class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers: { 'x-forwarded-for': address } });
          }
        };
        const client = createClient({ url: proxied.wsUrl, webSocketImpl: forwarded, retryAttempts: 0 });
        const finish = (codes: string[]) => {
          void client.dispose();
          resolve(codes);
        };
        client.subscribe(
          { query: '{ __typename }' },
          {
            next: () => undefined,
            error: (e) => (Array.isArray(e) ? finish(e.map((x: { extensions?: { code?: string } }) => x.extensions?.code ?? '')) : reject(e)),
            complete: () => finish([]),
          },
        );
      });
    try {
      for (let i = 0; i < 2; i++) expect(await from('203.0.113.7')).toEqual([]);
      expect(await from('203.0.113.7')).toEqual(['RATE_LIMITED']);
      // Another office behind the same proxy has its own allowance.
      expect(await from('198.51.100.9')).toEqual([]);
    } finally {
      await proxied.stop();
    }
  });
});
