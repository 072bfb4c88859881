/**
 * Faults: two API processes on one database and their own Redis carry FAULT_MESSAGES messages over
 * 50 conversations while Redis is killed and started again, Redis drops the processes' subscriber
 * connections, one process is killed (SIGKILL) and started again, and a share of the clients lose
 * their sockets. Afterwards every subscriber holds
 * exactly the stored messages of its conversation, once each, in order, and every send is stored
 * once. The figures are printed. `npm run faults` runs it with 10,000 messages.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type ApiProcess, startApi } from './support/api.js';
import { queryTestDatabase } from './support/database.js';
import { ok } from './support/graphql.js';
import { adminToken, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

/** Sends per second over all conversations, so the faults land while messages flow. */
const RATE = Number(process.env.FAULT_RATE ?? 100);
const CONVERSATIONS = 50;
const MESSAGES = Math.max(200, Number(process.env.FAULT_MESSAGES ?? 1000));
/**
 * These conversations send their last message while the API's subscriber connections are cut off
 * from Redis, then stay quiet: no later message reveals the lost publish, only the API's catch-up can.
 */
const QUIET = 5;
/** Messages of conversation `index`: two for a quiet one, the rest shared by the others. */
const messagesOf = (index: number): number => {
  if (index < QUIET) return 2;
  const share = (MESSAGES - 2 * QUIET) / (CONVERSATIONS - QUIET);
  return Math.floor(share) + (index - QUIET < Math.round((share % 1) * (CONVERSATIONS - QUIET)) ? 1 : 0);
};
const DROP_SHARE = 0.3;
const SUBSCRIBE = 'subscription($id: ID!, $after: Int) { messageAdded(interactionId: $id, afterSequence: $after) { sequence } }';
const POST = 'mutation($input: PostMessageInput!) { postMessage(input: $input) { sequence clientMessageId } }';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** A redis-server of this test's own, on a fixed port, that it can kill and start again. */
class OwnRedis {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + 10_000;
    while (!(await this.answers())) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on ${this.port} did not start`);
      await sleep(20);
    }
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect(this.port, '127.0.0.1');
      const done = (v: boolean) => {
        socket.destroy();
        resolve(v);
      };
      socket.setTimeout(500, () => done(false));
      socket.on('error', () => done(false));
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (d) => done(String(d).startsWith('+PONG')));
    });
  }

  /** A connection for commands, one reply at a time, that stays open while Redis refuses new ones. */
  async control(): Promise<{ send(command: string): Promise<string>; close(): void }> {
    const socket = net.connect(this.port, '127.0.0.1');
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return {
      send: (command) =>
        new Promise((resolve) => {
          socket.once('data', (d) => resolve(String(d).trim()));
          socket.write(`${command}\r\n`);
        }),
      close: () => socket.destroy(),
    };
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

interface Conversation {
  index: number;
  id: string;
  visitorToken: string;
  agent: Person;
}

type Home = 'A' | 'B';
const procs = {} as Record<Home, ApiProcess>;
const other = (h: Home): Home => (h === 'A' ? 'B' : 'A');

/**
 * A client following one conversation as a real one would: graphql-ws by hand, so its socket can be
 * cut without a goodbye; on any loss it reconnects, first to its own process, then to the other,
 * resuming after the last sequence it received.
 */
class Subscriber {
  /** Every sequence received, in arrival order, duplicates included. */
  readonly received: number[] = [];
  last = 0;
  connects = 0;
  /** The process it is subscribed on, null while it reconnects. */
  on: Home | null = null;
  readonly errors: string[] = [];
  private socket: WebSocket | null = null;
  private stopped = false;

  constructor(
    readonly conversation: Conversation,
    readonly token: string,
    readonly home: Home,
    readonly seesInternal: boolean,
  ) {}

  start(): void {
    this.connect(0);
  }

  private connect(attempt: number): void {
    if (this.stopped) return;
    const target = attempt % 2 === 0 ? this.home : other(this.home);
    const ws = new WebSocket(procs[target].wsUrl, 'graphql-transport-ws');
    this.socket = ws;
    let lost = false;
    const retry = (why?: string) => {
      if (lost) return;
      lost = true;
      this.on = null;
      if (why) this.errors.push(why);
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      if (!this.stopped) setTimeout(() => this.connect(attempt + 1), 100);
    };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${this.token}` } })));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type === 'connection_ack') {
        this.connects++;
        this.on = target;
        attempt = -1; // once connected, a later loss tries this process's home first again
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIBE, variables: { id: this.conversation.id, after: this.last } } }));
      } else if (msg.type === 'next') {
        if (msg.payload.errors) return retry(JSON.stringify(msg.payload.errors));
        const sequence = msg.payload.data.messageAdded.sequence as number;
        this.received.push(sequence);
        if (sequence > this.last) this.last = sequence;
      } else if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
      else if (msg.type === 'error' || msg.type === 'complete') retry(`${msg.type} ${JSON.stringify(msg.payload ?? null)}`);
    });
    ws.on('close', () => retry());
    ws.on('error', () => retry());
  }

  /** Cuts the socket with no close frame, as a lost network does. */
  drop(): void {
    this.socket?.terminate();
  }

  stop(): void {
    this.stopped = true;
    this.socket?.removeAllListeners();
    this.socket?.on('error', () => undefined);
    this.socket?.terminate();
  }
}

let redis: OwnRedis;
let conversations: Conversation[] = [];
let subscribers: Subscriber[] = [];
/** B while it starts again, so a test that fails meanwhile still stops it. */
let restarting: Promise<ApiProcess> | null = null;
const env = () => ({ REDIS_URL: redis.url });

beforeAll(async () => {
  redis = new OwnRedis(await freePort());
  await redis.start();
  [procs.A, procs.B] = await Promise.all([startApi(env()), startApi(env())]);
  const admin = await adminToken(procs.A.url);
  const campaign = await createCampaign(procs.A.url, admin, { routingStrategy: 'MANUAL' });
  const agents: Person[] = [];
  for (let i = 0; i < CONVERSATIONS / 10; i++) agents.push(await createPerson(procs.A.url, admin, 'AGENT', { maxConcurrentChats: 10 }));
  conversations = await Promise.all(
    Array.from({ length: CONVERSATIONS }, async (_, index) => {
      const chat = await startWidgetChat(index % 2 ? procs.B.url : procs.A.url, campaign.id, `Faulty ${index}`);
      const agent = agents[index % agents.length]!;
      await ok(procs.A.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
      return { index, id: chat.id, visitorToken: chat.visitorToken, agent };
    }),
  );
}, 120_000);

afterAll(async () => {
  for (const s of subscribers) s.stop();
  const late = await restarting?.catch(() => null);
  await Promise.allSettled([procs.A?.stop(), procs.B?.stop(), late?.stop()]);
  await redis?.kill();
});

/** What is stored now: per conversation, the last sequence each kind of subscriber can see. */
async function storedNow(): Promise<Map<string, { all: number; pub: number }>> {
  const found = await queryTestDatabase<{ id: string; last_all: number; last_public: number | null }>(
    `select interaction_id::text as id, max(sequence) as last_all, max(sequence) filter (where visibility = 'PUBLIC') as last_public
       from messages where interaction_id::text = any($1::text[]) group by interaction_id`,
    [conversations.map((c) => c.id)],
  );
  return new Map(found.map((r) => [r.id, { all: Number(r.last_all), pub: Number(r.last_public ?? 0) }]));
}

const caughtUp = (targets: Map<string, { all: number; pub: number }>) => () =>
  subscribers.every((s) => {
    const t = targets.get(s.conversation.id);
    return !t || s.last >= (s.seesInternal ? t.all : t.pub);
  });

it(
  `${MESSAGES} messages over ${CONVERSATIONS} conversations survive a Redis restart, a killed process and dropped clients`,
  async () => {
    subscribers = conversations.flatMap((c) => {
      // Each conversation has a follower on each process; which side is the customer alternates.
      const [visitorHome, agentHome]: Home[] = c.index % 2 ? ['B', 'A'] : ['A', 'B'];
      return [new Subscriber(c, c.visitorToken, visitorHome, false), new Subscriber(c, c.agent.token, agentHome, true)];
    });
    subscribers.forEach((s) => s.start());
    await until(() => subscribers.every((s) => s.connects > 0), 20_000, 'every subscriber to connect');

    // Senders: one at a time per conversation, customer and agent in turn, alternately to A and B,
    // each send retried with the same clientMessageId (to the other process first) until it is stored.
    let stored = 0;
    let attempts = 0;
    /** Set while B is dead, to count the sends that met it so. */
    let bDown = false;
    let attemptsOnDeadB = 0;
    let failedAttempts = 0;
    const failures = new Map<string, number>();
    const acknowledged = new Map<string, number>();
    /** Milliseconds from a send's first attempt to its acknowledgement. */
    const latencies: number[] = [];
    let ticket = 0;
    let cut!: () => void;
    const subscribersCut = new Promise<void>((r) => (cut = r));
    let quietWaiting = 0;
    let quietDone = 0;
    const sendStarted = Date.now();

    async function send(c: Conversation, k: number): Promise<void> {
      const token = k % 2 ? c.agent.token : c.visitorToken;
      const clientMessageId = `fault-${c.index}-${k}`;
      const began = Date.now();
      for (let attempt = 0; attempt < 400; attempt++) {
        const target: Home = (c.index + k + attempt) % 2 ? 'B' : 'A';
        attempts++;
        if (bDown && target === 'B') attemptsOnDeadB++;
        try {
          const res = await fetch(`${procs[target].url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: POST, variables: { input: { interactionId: c.id, body: `message ${k} of ${c.index}`, clientMessageId } } }),
            signal: AbortSignal.timeout(15_000),
          });
          const body = (await res.json()) as any;
          if (body.data?.postMessage) {
            acknowledged.set(clientMessageId, body.data.postMessage.sequence);
            latencies.push(Date.now() - began);
            stored++;
            return;
          }
          const why = body.errors?.[0]?.message ?? `HTTP ${res.status}`;
          failures.set(why, (failures.get(why) ?? 0) + 1);
        } catch (err: any) {
          const why = String(err?.cause?.code ?? err?.name ?? err);
          failures.set(why, (failures.get(why) ?? 0) + 1);
        }
        failedAttempts++;
        await sleep(Math.min(50 * (attempt + 1), 500));
      }
      throw new Error(`${clientMessageId} was never stored: ${JSON.stringify([...failures])}`);
    }

    async function converse(c: Conversation): Promise<void> {
      const quiet = c.index < QUIET;
      for (let k = 0; k < messagesOf(c.index); k++) {
        const isLast = k === messagesOf(c.index) - 1;
        if (quiet && isLast) {
          quietWaiting++;
          await subscribersCut;
        } else if (!quiet) {
          const due = sendStarted + (ticket++ * 1000) / RATE;
          if (due > Date.now()) await sleep(due - Date.now());
        }
        await send(c, k);
      }
      if (quiet) quietDone++;
    }

    // Faults, one after another, each when enough has been stored; catch-up is measured from the
    // fault until every subscriber holds what was stored just before it.
    const figures: Record<string, number | string> = {};
    const catchUps: Promise<void>[] = [];
    /** `includingDuring`: catch up to what was stored once the fault is over, not only before it. */
    async function fault(name: string, at: () => boolean, act: (t0: number) => Promise<void>, includingDuring = false, affected?: (s: Subscriber) => boolean): Promise<void> {
      await until(at, 600_000, `the moment for ${name}`);
      const before = await storedNow();
      const t0 = Date.now();
      if (affected) {
        const cut = subscribers.filter(affected).map((s) => ({ s, connects: s.connects }));
        figures[`clients cut by ${name}`] = cut.length;
        catchUps.push(
          until(() => cut.every((c) => c.s.connects > c.connects), 60_000, `reconnects after ${name}`).then(
            () => void (figures[`clients cut by ${name}: all resubscribed after (ms)`] = Date.now() - t0),
            () => void (figures[`clients cut by ${name}: all resubscribed after (ms)`] = 'never (60 s)'),
          ),
        );
      }
      figures[`${name} at`] = `${((t0 - sendStarted) / 1000).toFixed(1)} s, ${stored} stored`;
      const measure = (target: typeof before) =>
        catchUps.push(
          until(caughtUp(target), 60_000, `catch-up after ${name}`).then(
            () => void (figures[`catch-up after ${name} (ms)`] = Date.now() - t0),
            () => void (figures[`catch-up after ${name} (ms)`] = 'never (60 s)'),
          ),
        );
      if (!includingDuring) measure(before);
      await act(t0);
      figures[`${name} took (ms)`] = Date.now() - t0;
      if (includingDuring) measure(await storedNow());
    }
    const progress = (share: number) => () => stored >= MESSAGES * share;
    const faults = (async () => {
      await fault('Redis restart', progress(0.15), async () => {
        await redis.kill();
        await sleep(500);
        await redis.start();
      });
      // Redis closes the subscriber connections (as it does to one whose output buffer overflows) and,
      // at its connection limit, refuses them while the quiet conversations send: those publishes reach nobody.
      await fault(
        'Redis dropping subscribers, refusing them 1 s',
        () => progress(0.3)() && quietWaiting === QUIET,
        async (t0) => {
          const control = await redis.control();
          try {
            expect(await control.send('CONFIG SET maxclients 1')).toBe('+OK');
            expect(await control.send('CLIENT KILL TYPE pubsub')).toMatch(/^:[1-9]/);
            cut();
            await until(() => quietDone === QUIET, 60_000, 'the quiet conversations to send');
            await sleep(Math.max(0, 1000 - (Date.now() - t0)));
          } finally {
            await control.send('CONFIG SET maxclients 10000');
            control.close();
          }
        },
        true,
      );
      const dropped = (s: Subscriber) => subscribers.indexOf(s) % Math.round(1 / DROP_SHARE) === 0;
      await fault('dropping clients', progress(0.45), async () => subscribers.filter(dropped).forEach((s) => s.drop()), false, dropped);
      await fault(
        'SIGKILL of B and its restart',
        progress(0.6),
        async () => {
          bDown = true;
          await procs.B.stop('SIGKILL');
          restarting = startApi(env());
          procs.B = await restarting;
          bDown = false;
        },
        false,
        (s) => s.on === 'B',
      );
    })();

    await Promise.all([...conversations.map(converse), faults]);
    const sendSeconds = (Date.now() - sendStarted) / 1000;
    await Promise.all(catchUps);

    // Quiet period: everyone reaches what is stored, then a second more for anything late or repeated.
    const final = await storedNow();
    const quietStarted = Date.now();
    // Missing the time limit is reported by the counts below, with the figures.
    figures['final catch-up after the last send (ms)'] = await until(caughtUp(final), 30_000, 'every subscriber to reach the stored messages').then(
      () => Date.now() - quietStarted,
      () => 'never (30 s)',
    );
    await sleep(1000);
    subscribers.forEach((s) => s.stop());

    const rows = await queryTestDatabase<{ id: string; sequence: number; visibility: string; client_message_id: string | null }>(
      `select interaction_id::text as id, sequence, visibility, client_message_id
       from messages where interaction_id::text = any($1::text[]) order by interaction_id, sequence`,
      [conversations.map((c) => c.id)],
    );
    const byConversation = new Map<string, typeof rows>();
    for (const r of rows) (byConversation.get(r.id) ?? byConversation.set(r.id, []).get(r.id)!).push(r);
    const clientIds = rows.map((r) => r.client_message_id).filter((id): id is string => id?.startsWith('fault-') ?? false);

    let delivered = 0;
    let duplicates = 0;
    let gaps = 0;
    let reordered = 0;
    const mismatched: string[] = [];
    for (const s of subscribers) {
      const expected = (byConversation.get(s.conversation.id) ?? []).filter((r) => s.seesInternal || r.visibility === 'PUBLIC').map((r) => r.sequence);
      const seen = new Set<number>();
      let highest = 0;
      for (const sequence of s.received) {
        if (seen.has(sequence)) duplicates++;
        else if (sequence < highest) reordered++;
        seen.add(sequence);
        highest = Math.max(highest, sequence);
      }
      gaps += expected.filter((q) => !seen.has(q)).length;
      delivered += s.received.length;
      if (JSON.stringify(s.received) !== JSON.stringify(expected)) mismatched.push(`${s.conversation.index}/${s.home}: got ${s.received.length}, stored ${expected.length}`);
    }

    Object.assign(figures, {
      messages: MESSAGES,
      conversations: CONVERSATIONS,
      subscribers: subscribers.length,
      'send attempts': attempts,
      'failed attempts (retried)': failedAttempts,
      'attempts meeting B dead': attemptsOnDeadB,
      'sent (acknowledged)': acknowledged.size,
      'stored (by clientMessageId)': clientIds.length,
      'delivered (all subscribers)': delivered,
      'delivered per subscriber (fewest, most)': `${Math.min(...subscribers.map((s) => s.received.length))}, ${Math.max(...subscribers.map((s) => s.received.length))}`,
      'expected deliveries': subscribers.reduce((n, s) => n + (byConversation.get(s.conversation.id) ?? []).filter((r) => s.seesInternal || r.visibility === 'PUBLIC').length, 0),
      duplicates,
      gaps,
      reordered,
      'subscriber reconnects': subscribers.reduce((n, s) => n + s.connects - 1, 0),
      'subscription errors (then resubscribed)':
        subscribers
          .flatMap((s) => s.errors)
          .slice(0, 3)
          .join(' | ') || 0,
      'sending time (s)': sendSeconds.toFixed(1),
      'send to acknowledgement p50, p99, max (ms)': [0.5, 0.99, 1].map((q) => latencies.sort((x, y) => x - y)[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]).join(', '),
      'message rate (stored/s)': `${(acknowledged.size / sendSeconds).toFixed(0)} (paced at ${RATE}/s)`,
      'failure kinds': JSON.stringify(Object.fromEntries(failures)),
    });
    console.log(
      `\nFault test figures\n${Object.entries(figures)
        .map(([k, v]) => `  ${k.padEnd(44)} ${v}`)
        .join('\n')}\n`,
    );

    // Every send stored exactly once, with the sequence its sender was told.
    expect(acknowledged.size).toBe(MESSAGES);
    expect(clientIds).toHaveLength(MESSAGES);
    expect(new Set(clientIds).size).toBe(MESSAGES);
    for (const r of rows) if (r.client_message_id?.startsWith('fault-')) expect(acknowledged.get(r.client_message_id)).toBe(r.sequence);
    // Every subscriber holds exactly its conversation's stored messages, once each, in order.
    expect({ duplicates, gaps, reordered, mismatched }).toEqual({ duplicates: 0, gaps: 0, reordered: 0, mismatched: [] });
    // Every recovery the figures time did happen within its limit: a "never" is a failure, not a figure.
    expect(Object.entries(figures).filter(([, v]) => String(v).startsWith('never'))).toEqual([]);
  },
  Math.max(180_000, MESSAGES * 40),
);
