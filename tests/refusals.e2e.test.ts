/**
 * One code per kind of refusal (issue 17), as an integrator meets them: a limit is QUERY_TOO_COMPLEX
 * naming the limit, a malformed id BAD_USER_INPUT, a subscription over HTTP BAD_REQUEST, and a key
 * sent in a way Parley does not read UNAUTHENTICATED, never an anonymous answer. Over HTTP and over
 * the WebSocket alike.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql } from './support/graphql.js';
import { adminToken, createApiKey, createCampaign } from './support/world.js';

let api: ApiProcess;
let admin: string;
let key: string;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  const campaign = await createCampaign(api.url, admin);
  key = await createApiKey(api.url, admin, ['READ'], [campaign.id]);
});

afterAll(async () => {
  await api?.stop();
});

/** One POST to /graphql with exactly these headers. */
async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
}

/** The outcome of one operation over a socket opened with these connection parameters: its data or its errors. */
function overSocket(query: string, connectionParams: Record<string, unknown>): Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }> {
  return new Promise((resolve, reject) => {
    const client = createClient({ url: api.wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
    const finish = (outcome: Parameters<typeof resolve>[0]) => {
      void client.dispose();
      resolve(outcome);
    };
    client.subscribe({ query }, { next: (r) => finish({ data: r.data, errors: r.errors as never }), error: (e) => (Array.isArray(e) ? finish({ errors: e }) : reject(e)), complete: () => finish({}) });
  });
}

/** How a socket opened with these connection parameters is closed by the server. */
function socketClosed(connectionParams: Record<string, unknown>): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(api.wsUrl, 'graphql-transport-ws');
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
    socket.once('message', (data) => reject(new Error(`answered instead of closed: ${String(data)}`)));
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

describe('every limit answers QUERY_TOO_COMPLEX and names itself', () => {
  it('31 aliases, over HTTP and WebSocket', async () => {
    const query = `{${Array.from({ length: 31 }, (_, i) => ` a${i}: me { id }`).join('')} }`;
    const http = await post({ query }, { authorization: `Bearer ${admin}` });
    expect(http.errors?.[0]).toMatchObject({ message: 'Aliases limit of 30 exceeded, found 31.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_ALIASES' } });
    const ws = await overSocket(query, { authorization: `Bearer ${admin}` });
    expect(ws.errors?.[0]).toMatchObject({ message: 'Aliases limit of 30 exceeded, found 31.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_ALIASES' } });
  });
});

describe('a malformed id', () => {
  it('is BAD_USER_INPUT, while a well-formed id of nothing is NOT_FOUND', async () => {
    const query = 'query($id: ID!) { interaction(id: $id) { id } }';
    const malformed = await gql(api.url, query, { id: 'not-an-id' }, admin);
    expect(expectCode(malformed, 'BAD_USER_INPUT')).toMatch(/malformed/);
    expectCode(await gql(api.url, query, { id: '00000000-0000-4000-8000-000000000000' }, admin), 'NOT_FOUND');
    const ws = await overSocket(`{ interaction(id: "not-an-id") { id } }`, { authorization: `Bearer ${admin}` });
    expect(ws.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a subscription sent over HTTP', () => {
  it('is BAD_REQUEST with 400, saying where subscriptions go', async () => {
    const answer = await post({ query: 'subscription { interactionChanged { kind } }' }, { authorization: `Bearer ${key}` });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(answer.errors?.[0]?.message).toMatch(/WebSocket/);
  });
});

describe('a credential Parley does not read', () => {
  const CAMPAIGNS = { query: '{ campaigns { id } }' };

  it('is UNAUTHENTICATED over HTTP, never answered as to a stranger', async () => {
    // The same key, read where Parley reads it, sees its campaign.
    expect((await post(CAMPAIGNS, { authorization: `Bearer ${key}` })).data.campaigns).toHaveLength(1);
    for (const headers of [{ 'x-api-key': key }, { authorization: `Token ${key}` }, { authorization: key }, { authorization: 'Bearer' }]) {
      const answer = await post(CAMPAIGNS, headers);
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.errors?.[0]?.message).toMatch(/Authorization: Bearer <token>/);
      expect(answer.data ?? null).toBeNull();
    }
    // No credential at all is still anonymous (the widget's first call carries none), and so are a
    // reverse proxy's Basic credentials and another header's value that is no Parley token.
    for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }, { 'x-api-key': 'the-proxy-s-own' }]) {
      expect((await post({ query: '{ __typename }' }, headers)).data, JSON.stringify(headers)).toEqual({ __typename: 'Query' });
    }
  });

  it('is refused by the file and report downloads too', async () => {
    const file = await fetch(`${api.url}/files/00000000-0000-4000-8000-000000000000`, { headers: { 'x-api-key': key } });
    expect(file.status).toBe(401);
    // Not the refusal of a caller with no credential: the one that says where the key goes.
    const body = await file.text();
    expect(body).toMatch(/UNAUTHENTICATED/);
    expect(body).toMatch(/x-api-key/);
    const report = await fetch(`${api.url}/reports/conversations.csv`, { headers: { authorization: `Token ${admin}` } });
    expect(report.status).toBe(401);
    expect(await report.text()).toMatch(/Authorization: Bearer <token>/);
  });

  it('closes a WebSocket with 4401 and the reason, and reads Authorization in any case (as GraphiQL sends it)', async () => {
    const refused = await socketClosed({ 'x-api-key': key });
    expect(refused.code).toBe(4401);
    expect(refused.reason).toMatch(/x-api-key/);
    const capitalised = await overSocket('{ campaigns { id } }', { Authorization: `Bearer ${key}` });
    expect(capitalised.data).toEqual({ campaigns: [expect.objectContaining({ id: expect.any(String) })] });
  });
});

describe('a refusal before anything runs', () => {
  it('is FORBIDDEN with 403 for a READ key’s mutation over HTTP, and the same code over the WebSocket', async () => {
    const mutation = 'mutation { createPauseReason(name: "Nope", icon: "x") { id } }';
    const http = await post({ query: mutation }, { authorization: `Bearer ${key}` });
    expect(http.status).toBe(403);
    expect(http.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const socket = await overSocket(mutation, { authorization: `Bearer ${key}` });
    expect(socket.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reasons = await post({ query: '{ pauseReasons { name } }' }, { authorization: `Bearer ${admin}` });
    expect(reasons.data.pauseReasons.map((r: { name: string }) => r.name)).not.toContain('Nope');
  });

  it('is a 400 naming the problem, not a server error, for an operationName that names no operation', async () => {
    const answer = await post({ query: 'query Mine { me { id } }', operationName: 'Other' }, { authorization: `Bearer ${admin}` });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(answer.errors?.[0]?.message).toMatch(/Other/);
  });
});
