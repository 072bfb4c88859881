/**
 * Abuse at the sizes of issue 7: depth 100, 10,000 aliases, a 1 MB document, batches of a thousand
 * operations, introspection floods, fragment cycles and explosions, over HTTP and over WebSocket.
 * Each is refused with a code and a message a client can read (or, for a frame over the socket's
 * size limit, the WebSocket close code for it), and all the while a normal client goes on being
 * answered: its latency under each attack is measured and printed. The server runs with its
 * default limits, as shipped.
 */
import { performance } from 'node:perf_hooks';
import { getIntrospectionQuery } from 'graphql';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, METRICS_TOKEN, startApi } from './support/api.js';
import { adminToken, createPerson } from './support/world.js';

let api: ApiProcess;
let attacker: string;
let normal: string;
const figures: { attack: string; requests: number; p50: number; p95: number; max: number }[] = [];
let rssAtStart = 0;

const ANONYMOUS_PER_MINUTE = 150;

beforeAll(async () => {
  api = await startApi({
    // Its own rate-limit counters, and an allowance for callers without a token small enough for a flood to reach.
    PUBSUB_PREFIX: `${inject('pubsubPrefix')}-abuse`,
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(ANONYMOUS_PER_MINUTE),
  });
  const admin = await adminToken(api.url);
  attacker = (await createPerson(api.url, admin, 'SUPERVISOR')).token;
  normal = (await createPerson(api.url, admin, 'SUPERVISOR')).token;
  rssAtStart = await residentMemory();
});

afterAll(async () => {
  if (figures.length) {
    console.log(
      `\nA normal client's latency (HTTP and WebSocket queries, one after another) during each attack:\n` +
        `  ${'attack'.padEnd(44)} requests   p50 ms   p95 ms   max ms\n` +
        figures.map((f) => `  ${f.attack.padEnd(44)} ${String(f.requests).padStart(8)} ${f.p50.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)} ${f.max.toFixed(1).padStart(8)}`).join('\n'),
    );
  }
  await api?.stop();
});

// ---------------------------------------------------------------------------------------------
// The attacks.

const ME = '{ me { id name } }';
/** __type(1) fields(2) type(3), 96 ofType, name: 100 levels of valid fields. */
const DEPTH_100 = `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(96)}name${' }'.repeat(96)} } } } }`;
/** The same under __schema, which graphql-armor's depth count leaves out. */
const INTROSPECTION_DEPTH_100 = `{ __schema { types { ${'ofType { '.repeat(97)}name${' }'.repeat(97)} } } }`;
const ALIASES_10_000 = `{${' x:me{id}'.repeat(10_000)} }`;
const DOCUMENT_1_MB = `{ me { id } } #${'x'.repeat(1_048_576)}`;
const FRAGMENT_CYCLE = '{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }';
const FRAGMENT_SPREADS_3_000 = `{ ${'...F '.repeat(3_000)}} fragment F on Query { me { id } }`;
/** F40 spreads F39 twice, which spreads F38 twice...: 2^40 spreads if anything walked them naively. */
const FRAGMENT_EXPLOSION = `{ ...F40 } ${Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ')} fragment F0 on Query { me { id } }`;
const SUBSCRIPTION = 'subscription { interactionChanged { kind } }';

describe('refused over HTTP and WebSocket, while a normal client is served', () => {
  it('depth 100 of valid fields', async () => {
    await underLoad('depth 100 (__type)', async () => {
      expectRefusal(await post({ query: DEPTH_100 }, attacker), 'QUERY_TOO_COMPLEX', /depth limit of 12 exceeded, found 100/, 'MAX_QUERY_DEPTH');
      expectRefusal(await overSocket(DEPTH_100), 'QUERY_TOO_COMPLEX', /depth limit of 12 exceeded, found 100/, 'MAX_QUERY_DEPTH');
    });
  });

  it('depth 100 under __schema', async () => {
    await underLoad('depth 100 (__schema)', async () => {
      expectRefusal(await post({ query: INTROSPECTION_DEPTH_100 }, attacker), 'QUERY_TOO_COMPLEX', /Introspection depth limit of 20 exceeded, found 100/, 'INTROSPECTION_DEPTH');
      expectRefusal(await overSocket(INTROSPECTION_DEPTH_100), 'QUERY_TOO_COMPLEX', /Introspection depth limit of 20 exceeded, found 100/, 'INTROSPECTION_DEPTH');
    });
  });

  it('10,000 aliases', async () => {
    await underLoad('10,000 aliases', async () => {
      const http = await post({ query: ALIASES_10_000 }, attacker);
      expect(http.status).toBe(413);
      expectRefusal(http, 'QUERY_TOO_COMPLEX', /the limit is 16384/, 'MAX_DOCUMENT_BYTES');
      expectRefusal(await overSocket(ALIASES_10_000), 'QUERY_TOO_COMPLEX', /the limit is 16384/, 'MAX_DOCUMENT_BYTES');
    });
  });

  it('a 1 MB document, and a body over the 2 MB JSON limit', async () => {
    await underLoad('1 MB document', async () => {
      const http = await post({ query: DOCUMENT_1_MB }, attacker);
      expect(http.status).toBe(413);
      expectRefusal(http, 'QUERY_TOO_COMPLEX', /The document has 10\d{5} bytes; the limit is 16384/, 'MAX_DOCUMENT_BYTES');
      const tooBig = await post(JSON.stringify({ query: `{ me { id } } #${'x'.repeat(3_000_000)}` }), attacker);
      expect(tooBig.status).toBe(413);
      expectRefusal(tooBig, 'QUERY_TOO_COMPLEX', /over the size limit/, 'BODY_BYTES');
      const garbage = await post('{"query": "{ me { id } }"', attacker);
      expect(garbage.status).toBe(400);
      expectRefusal(garbage, 'BAD_REQUEST', /not valid JSON/);
      // A frame this size is over the socket's limit: the server closes it with "message too big".
      const socket = await RawSocket.open(api.wsUrl, attacker);
      socket.start('big', DOCUMENT_1_MB);
      const outcome = await socket.outcome('big');
      expect(outcome).toMatchObject({ kind: 'closed', code: 1009 });
    });
  });

  it('a batch of 1,000 operations', async () => {
    await underLoad('batch of 1,000 operations', async () => {
      const http = await post(
        Array.from({ length: 1000 }, () => ({ query: ME })),
        attacker,
      );
      expect(http.status).toBe(400);
      expectRefusal(http, 'BAD_REQUEST', /batching disabled/i);
      // graphql-ws has no batches, but a thousand operations sent at once on one socket are one.
      const socket = await RawSocket.open(api.wsUrl, attacker);
      for (let i = 0; i < 1000; i++) socket.start(`s${i}`, SUBSCRIPTION);
      await expect.poll(() => socket.refusals().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(800);
      await new Promise((r) => setTimeout(r, 300));
      const refusals = socket.refusals();
      expect(refusals.length).toBeLessThan(1000);
      for (const r of refusals) expectRefusal(r, 'RATE_LIMITED', /Too many operations open on this connection; the limit is 200/);
      // Completing subscriptions makes room: the socket itself is fine.
      const open = Array.from({ length: 1000 }, (_, i) => `s${i}`).filter((id) => !socket.settled(id));
      expect(open.length).toBeGreaterThan(0);
      for (const id of open) socket.complete(id);
      socket.start('after', ME);
      expect(await socket.outcome('after')).toMatchObject({ kind: 'data' });
      socket.close();
    });
  });

  it('an introspection flood: 200 at once from one address, one person, one socket', async () => {
    const full = getIntrospectionQuery();
    await underLoad('introspection flood, anonymous (HTTP)', async () => {
      const answers = await Promise.all(Array.from({ length: 200 }, () => post({ query: full }, null)));
      const served = answers.filter((a) => a.json?.data?.__schema);
      const limited = answers.filter((a) => a.status === 429);
      expect(served.length + limited.length).toBe(200);
      expect(served.length).toBeLessThanOrEqual(ANONYMOUS_PER_MINUTE);
      for (const a of limited) expectRefusal(a, 'RATE_LIMITED', /Too many requests; try again in \d+ s/);
      console.log(`anonymous introspection flood: ${served.length} answered, ${limited.length} refused RATE_LIMITED`);
    });
    await underLoad('introspection flood, signed in (HTTP)', async () => {
      const answers = await Promise.all(Array.from({ length: 200 }, () => post({ query: full }, attacker)));
      expect(answers.every((a) => a.json?.data?.__schema?.types?.length > 50)).toBe(true);
    });
    await underLoad('introspection flood, one socket (WS)', async () => {
      const socket = await RawSocket.open(api.wsUrl, attacker);
      for (let i = 0; i < 200; i++) socket.start(`i${i}`, full);
      const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => socket.outcome(`i${i}`, 60_000)));
      expect(outcomes.filter((o) => o.kind === 'data').length).toBeGreaterThan(0);
      for (const o of outcomes) if (o.kind !== 'data') expectRefusal(o, 'RATE_LIMITED', /limit is 200/);
      socket.close();
    });
    await underLoad('deep introspection flood (200 x depth 100)', async () => {
      const answers = await Promise.all(Array.from({ length: 200 }, () => post({ query: INTROSPECTION_DEPTH_100 }, attacker)));
      for (const a of answers) expectRefusal(a, 'QUERY_TOO_COMPLEX', /Introspection depth limit/, 'INTROSPECTION_DEPTH');
      const socket = await RawSocket.open(api.wsUrl, attacker);
      for (let i = 0; i < 200; i++) socket.start(`d${i}`, INTROSPECTION_DEPTH_100);
      for (let i = 0; i < 200; i++) expectRefusal(await socket.outcome(`d${i}`), 'QUERY_TOO_COMPLEX', /Introspection depth limit/, 'INTROSPECTION_DEPTH');
      socket.close();
    });
  });

  it('fragment cycles and 3,000 fragment spreads', async () => {
    await underLoad('fragment cycle, 3,000 spreads', async () => {
      expectRefusal(await post({ query: FRAGMENT_CYCLE }, attacker), 'GRAPHQL_VALIDATION_FAILED', /Cannot spread fragment "A" within itself via "B"/);
      expectRefusal(await overSocket(FRAGMENT_CYCLE), 'GRAPHQL_VALIDATION_FAILED', /Cannot spread fragment "A" within itself via "B"/);
      expectRefusal(await post({ query: FRAGMENT_SPREADS_3_000 }, attacker), 'QUERY_TOO_COMPLEX', /^The document has more than 2000 tokens; the limit is 2000$/, 'MAX_TOKENS');
      expectRefusal(await overSocket(FRAGMENT_SPREADS_3_000), 'QUERY_TOO_COMPLEX', /^The document has more than 2000 tokens; the limit is 2000$/, 'MAX_TOKENS');
    });
  });

  it('a fragment explosion (2^40 spreads): refused by its cost, computed once per fragment', async () => {
    await underLoad('fragment explosion', async () => {
      const t0 = performance.now();
      expectRefusal(await post({ query: FRAGMENT_EXPLOSION }, attacker), 'QUERY_TOO_COMPLEX', /Cost limit of 20000 exceeded/, 'MAX_QUERY_COST');
      expectRefusal(await overSocket(FRAGMENT_EXPLOSION), 'QUERY_TOO_COMPLEX', /Cost limit of 20000 exceeded/, 'MAX_QUERY_COST');
      const ms = performance.now() - t0;
      console.log(`fragment explosion refused over HTTP and WebSocket in ${ms.toFixed(0)} ms`);
      expect(ms).toBeLessThan(2000);
    });
  });

  it('the server is still up, healthy, and its memory bounded', async () => {
    expect(api.child.exitCode).toBeNull();
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const rss = await residentMemory();
    console.log(`resident memory: ${(rssAtStart / 2 ** 20).toFixed(0)} MB at start, ${(rss / 2 ** 20).toFixed(0)} MB after the attacks`);
    expect(rss).toBeLessThan(1024 * 2 ** 20);
    expect(api.output()).not.toMatch(/unexpected error|uncaught|FATAL/i);
  });
});

// ---------------------------------------------------------------------------------------------
// A normal client, measured while an attack runs.

/** Generous: two cores shared with the rest of the suite; an attack that stalls the server takes seconds. */
const P95_BOUND_MS = 4000;

async function underLoad(attack: string, run: () => Promise<void>): Promise<void> {
  const socket = await RawSocket.open(api.wsUrl, normal);
  const latencies: number[] = [];
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    // At least a few requests, even when the attack is over at once.
    for (let i = 0; running || i < 6; i++) {
      let t0 = performance.now();
      const http = await post({ query: ME }, normal);
      latencies.push(performance.now() - t0);
      if (!http.json?.data?.me?.id) failures.push(`HTTP ${http.status} ${http.text.slice(0, 200)}`);
      t0 = performance.now();
      socket.start(`probe${i}`, ME);
      const ws = await socket.outcome(`probe${i}`, 20_000);
      latencies.push(performance.now() - t0);
      if (ws.kind !== 'data') failures.push(`WS ${JSON.stringify(ws).slice(0, 200)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    await run();
  } finally {
    running = false;
    await loop;
    socket.close();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  figures.push({ attack, requests: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! });
  expect(failures, 'the normal client was refused or not answered').toEqual([]);
  expect(at(0.95), `p95 of the normal client during "${attack}"`).toBeLessThan(P95_BOUND_MS);
}

// ---------------------------------------------------------------------------------------------
// Transports, raw enough to send what a well-behaved client never would.

interface Refusal {
  status?: number;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** `limit`: the setting a QUERY_TOO_COMPLEX refusal names, so a client can tell which limit it met. */
function expectRefusal(answer: Refusal & { json?: any; kind?: string }, code: string, message: RegExp, limit?: string): void {
  const errors = answer.errors ?? answer.json?.errors;
  expect(errors?.length, JSON.stringify(answer).slice(0, 500)).toBeGreaterThan(0);
  expect(
    errors.map((e: any) => e.extensions?.code),
    JSON.stringify(errors).slice(0, 500),
  ).toContain(code);
  const messages = errors.filter((e: any) => e.extensions?.code === code).map((e: any) => e.message as string);
  expect(
    messages.some((m: string) => message.test(m)),
    `${JSON.stringify(messages).slice(0, 300)} should match ${message}`,
  ).toBe(true);
  if (limit) expect(errors.filter((e: any) => e.extensions?.code === code).map((e: any) => e.extensions.limit)).toContain(limit);
  for (const e of errors) {
    expect(e.extensions?.stacktrace).toBeUndefined();
    expect(e.message).not.toMatch(/\bat .+:\d+:\d+|node_modules|ECONN|relation "/);
  }
  expect(answer.json?.data ?? null).toBeNull();
}

async function post(body: unknown, token: string | null): Promise<{ status: number; json: any; text: string; errors?: any[] }> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the assertions on `json` say so.
  }
  return { status: res.status, json, text, errors: json?.errors };
}

/** One operation on a socket of its own, as the attacker. */
async function overSocket(query: string): Promise<Outcome> {
  const socket = await RawSocket.open(api.wsUrl, attacker);
  socket.start('op', query);
  const outcome = await socket.outcome('op');
  socket.close();
  return outcome;
}

type Outcome = { kind: 'data'; payload: any } | { kind: 'error'; errors: { message: string; extensions?: Record<string, unknown> }[] } | { kind: 'closed'; code: number; reason: string };

/** graphql-transport-ws by hand: every frame exactly as given, and the first answer per operation. */
class RawSocket {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly waiters = new Map<string, (o: Outcome) => void>();
  private closedWith: { code: number; reason: string } | null = null;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      if (m.type === 'next') this.settle(m.id, { kind: 'data', payload: m.payload });
      else if (m.type === 'error') this.settle(m.id, { kind: 'error', errors: m.payload });
      else if (m.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    });
    ws.on('close', (code, reason) => {
      this.closedWith = { code, reason: String(reason) };
      for (const id of [...this.waiters.keys()]) this.settle(id, { kind: 'closed', ...this.closedWith });
    });
    ws.on('error', () => undefined);
  }

  static async open(url: string, token: string | null): Promise<RawSocket> {
    const ws = new WebSocket(url, 'graphql-transport-ws');
    const socket = new RawSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} })));
      ws.on('message', (data) => JSON.parse(String(data)).type === 'connection_ack' && resolve());
      ws.once('close', (code) => reject(new Error(`socket closed with ${code} before connection_ack`)));
    });
    return socket;
  }

  start(id: string, query: string): void {
    this.ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
  }

  complete(id: string): void {
    this.ws.send(JSON.stringify({ id, type: 'complete' }));
  }

  settled(id: string): boolean {
    return this.outcomes.has(id);
  }

  refusals(): (Outcome & { kind: 'error' })[] {
    return [...this.outcomes.values()].filter((o): o is Outcome & { kind: 'error' } => o.kind === 'error');
  }

  outcome(id: string, timeoutMs = 15_000): Promise<Outcome> {
    const known = this.outcomes.get(id);
    if (known) return Promise.resolve(known);
    if (this.closedWith) return Promise.resolve({ kind: 'closed', ...this.closedWith });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${id} in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(id, (o) => {
        clearTimeout(timer);
        resolve(o);
      });
    });
  }

  close(): void {
    this.ws.close();
  }

  private settle(id: string, outcome: Outcome): void {
    if (this.outcomes.has(id)) return;
    this.outcomes.set(id, outcome);
    this.waiters.get(id)?.(outcome);
    this.waiters.delete(id);
  }
}

async function residentMemory(): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const match = /^process_resident_memory_bytes (\d+)/m.exec(text);
  expect(match, 'process_resident_memory_bytes in /metrics').not.toBeNull();
  return Number(match![1]);
}
