/**
 * The server's edges: GraphQL over HTTP (GET and POST, the graphql-response media type, CSRF
 * prevention), the same limits over HTTP and WebSocket, probes, metrics, the offline explorer,
 * a graceful drain on SIGTERM, and configuration refused at start with a clear message.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, METRICS_TOKEN, startApi } from './support/api.js';
import { gql } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken } from './support/world.js';

let api: ApiProcess;
let admin: string;

beforeAll(async () => {
  api = await startApi({ MAX_QUERY_DEPTH: '3', MAX_ALIASES: '15', MAX_DOCUMENT_BYTES: '8192' });
  admin = await adminToken(api.url);
});

afterAll(async () => {
  await api?.stop();
});

// The schema has no cycles; its deepest path is five levels, so this server allows three.
const tooDeep = '{ interactions { edges { node { campaign { id } } } } }';
const shallow = '{ me { teams { id } } }';
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;

describe('GraphQL over HTTP', () => {
  it('answers a GET query, and in application/graphql-response+json when asked', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { accept: 'application/graphql-response+json', authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(((await res.json()) as any).data.me.id).toBeTruthy();
  });

  it('refuses a mutation over GET', async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`, {
      headers: { authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(405);
  });

  it('blocks requests a browser could send cross-site without a preflight (CSRF)', async () => {
    const simpleGet = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(simpleGet.status).toBe(400);
    const textPlainPost = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(textPlainPost.status).toBe(400);
  });

  it('refuses a compressed body, and a body streamed past the size limit, in the GraphQL shape', async () => {
    const compressed = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ query: '{ __typename }' })),
    });
    expect(compressed.status).toBe(415);
    expect((await compressed.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    // Without a Content-Length the limit is found while reading.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(256 * 1024);
      req.write(`{"query": "{ __typename }", "pad": "`);
      for (let i = 0; i < 12; i++) req.write(chunk);
      req.end('"}');
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).errors[0]).toMatchObject({ message: 'The request body is over the size limit', extensions: { code: 'QUERY_TOO_COMPLEX' } });
    // The same address is served at once afterwards.
    expect((await gql(api.url, '{ __typename }', {}, admin)).errors).toBeUndefined();
  });

  it('lets a client still sending a body over the limit read its 413, rather than a reset connection', async () => {
    // fetch writes the whole body before it reads the answer: a server that closed at once would reset it mid-write (EPIPE).
    for (const megabytes of [2.1, 3, 6]) {
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(megabytes * 1024 * 1024) }),
      });
      expect(res.status, `${megabytes} MB`).toBe(413);
      expect((await res.json()).errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'BODY_BYTES' });
    }
    expect((await gql(api.url, '{ __typename }', {}, admin)).errors).toBeUndefined();
  });

  it('refuses batched operations', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.status).toBe(400);
  });
});

describe('limits, the same on HTTP and WebSocket', () => {
  it('refuses a query deeper than the limit', async () => {
    const http = await gql(api.url, tooDeep, {}, admin);
    expect(http.errors?.[0]?.message).toMatch(/depth/i);
    const ws = connect(api.wsUrl, admin);
    const sub = ws.subscribe(tooDeep);
    await expect(sub.waitFor(1, 2000)).rejects.toThrow(/depth/i);
    await ws.dispose();
  });

  it('refuses too many aliases', async () => {
    expect((await gql(api.url, aliases(20), {}, admin)).errors?.[0]?.message).toMatch(/alias/i);
    const ws = connect(api.wsUrl, admin);
    await expect(ws.subscribe(aliases(20)).waitFor(1, 2000)).rejects.toThrow(/alias/i);
    await ws.dispose();
  });

  it('refuses a document over the size limit before parsing it', async () => {
    const big = `{ me { id } } # ${'x'.repeat(10_000)}`;
    const http = await gql(api.url, big, {}, admin);
    expect(http.status).toBe(413);
    const ws = connect(api.wsUrl, admin);
    await expect(ws.subscribe(big).waitFor(1, 2000)).rejects.toThrow(/limit/i);
    await ws.dispose();
  });

  it('keeps serving within the limits after refusing', async () => {
    expect((await gql(api.url, shallow, {}, admin)).errors).toBeUndefined();
    expect((await gql(api.url, aliases(10), {}, admin)).errors).toBeUndefined();
  });
});

describe('operations endpoints', () => {
  it('reports liveness and readiness of PostgreSQL and Redis', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ database: true, pubsub: true, distributed: true });
  });

  it('exposes Prometheus metrics, including GraphQL operations', async () => {
    await gql(api.url, '{ me { id } }', {}, admin);
    const text = await (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(text).toMatch(/parley_graphql_operations_total\{transport="http",type="query",outcome="ok"\} \d+/);
    expect(text).toMatch(/process_cpu_user_seconds_total/);
  });

  it('serves an API explorer whose scripts all come from this server', async () => {
    const html = await (await fetch(`${api.url}/explorer`)).text();
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const src of scripts) {
      expect(src.startsWith('/explorer/assets/')).toBe(true);
      const asset = await fetch(`${api.url}${src}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });
});

describe('lifecycle', () => {
  it('drains on SIGTERM: sockets are closed, the process exits 0', async () => {
    const own = await startApi();
    const token = await adminToken(own.url);
    const ws = connect(own.wsUrl, token);
    ws.subscribe('subscription { interactionChanged { kind } }');
    await new Promise((r) => setTimeout(r, 200));
    const exit = own.stop('SIGTERM');
    expect(await ws.closed).toBe(1001);
    expect(await exit).toBe(0);
  });

  it('refuses invalid configuration at start with a clear message', () => {
    const main = path.resolve(__dirname, '..', 'api', 'dist', 'main.js');
    const run = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, PORT: 'eighty', DATABASE_URL: 'mysql://x', PARLEY_ADMIN_EMAIL: 'a@b.co' },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toMatch(/PORT/);
    expect(run.stderr).toMatch(/DATABASE_URL/);
  });
});
