// npm run bench, on loopback, in one run: this machine's own speed (calibrate.mjs); Parley's message
// pipeline next to a hand-written raw pipeline (ws + pg + Redis, no GraphQL), latency at a fixed
// rate and sustained throughput; the same on two API processes; one event to many subscribers
// (fanout.mjs); a burst of webhook events to a healthy receiver, alone and beside a hook that never
// answers (webhooks.mjs); routing, the monitor snapshot and the supervisor's monitor screen in Chromium over a
// seeded center (engine.mjs, monitor-screen.mjs). Writes bench/results/<date>.{md,json} (report.mjs)
// and stops everything it started.
// One section alone: `node bench/run.mjs --only fanout` (see SECTIONS), its figures printed as JSON.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { benchMonitor, benchRawRouting, benchRouting, gql, percentile, post as postHttp, round, saturate, seedMonitorCenter, sleep } from './engine.mjs';
import { calibrate } from './calibrate.mjs';
import { benchDay } from './day.mjs';
import { benchFanout } from './fanout.mjs';
import { benchMonitorScreen } from './monitor-screen.mjs';
import { benchWebhooks } from './webhooks.mjs';
import { machineBusy, Usage } from './proc-usage.mjs';
import { summaryLines, writeReport } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE = Number(process.env.BENCH_RATE ?? 200);
// A stall of the machine (another tenant) of 100 ms delays 20 messages at 200/s, as many as a p99
// of 10 s holds: 30 s per pipeline, in turns, lets a pipeline's tail say more than whether a stall fell on it.
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 30);
// The latency after a burst is that of the 10 s that follow it (issue 16).
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 10);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10);
// The throughput is measured in this many windows per pipeline, the pipelines taking turns (see throughputOf).
const THROUGHPUT_ROUNDS = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 5);
const CHATS = Number(process.env.BENCH_CHATS ?? 50);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
// Customers writing at once before the latency is measured: four per chat.
const BURST = Number(process.env.BENCH_BURST ?? 200);
const SCREEN_SECONDS = Number(process.env.BENCH_SCREEN_SECONDS ?? 20);
const FANOUT_SIZES = (process.env.BENCH_FANOUT_SIZES ?? '100,1000,5000').split(',').map(Number);
// A p99 needs a hundred samples; 5,000 subscribers get 30 so the run stays well within 15 minutes.
const FANOUT_ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 100);
// `--only fanout` (or BENCH_ONLY=...) runs one section and prints its figures as JSON, writing no results file.
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : process.env.BENCH_ONLY;

// PostgreSQL's Unix socket, when the database is on this machine (Debian's place for it).
const SOCKET_DIR = process.env.BENCH_SOCKET_DIR ?? '/var/run/postgresql';
const hasSocket = () => new URL(ADMIN_URL).hostname.match(/^(127\.0\.0\.1|localhost)$/) && fs.existsSync(path.join(SOCKET_DIR, `.s.PGSQL.${new URL(ADMIN_URL).port || 5432}`));

/** The same database reached over the Unix socket (`?host=`, as libpq names it). */
function overSocket(databaseUrl) {
  const u = new URL(databaseUrl);
  u.hostname = 'localhost';
  u.searchParams.set('host', SOCKET_DIR);
  return u.toString();
}

const children = [];
const databases = [];

async function admin(sql) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

async function createDatabase(label) {
  const name = `parley_bench_${label}_${Date.now().toString(36)}`;
  await admin(`create database "${name}"`);
  databases.push(name);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

function start(script, env) {
  // BENCH_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the servers under load.
  const execArgv = process.env.BENCH_NODE_OPTIONS ? process.env.BENCH_NODE_OPTIONS.split(' ') : [];
  // Servers run as deployed (the Dockerfile sets NODE_ENV=production; graphql-js checks more in development).
  const child = fork(script, [], { env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env }, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.on('message', (m) => m?.type === 'ready' && resolve({ child, port: m.port }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** Paces `total` sends at `rate` per second, round-robin over chats. */
async function paced(total, rate, send) {
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(send(i));
  }
  await Promise.all(pending);
}

/**
 * A pipeline under measurement: `post(chat, body)` sends, its subscribers call
 * `deliveries.onDelivered(body)`, `usage` reads its processes' CPU, `close()` lets go of its sockets.
 */

/**
 * Latency at a fixed rate, from just before the send to the subscriber's frame, of each pipeline:
 * warmed first, then RATE * LATENCY_SECONDS posts in `rounds` windows each, the pipelines taking
 * turns as for the throughput (a stall of the machine lands on one window of one pipeline, not on
 * the whole of whichever ran then). `burst` (one pipeline): that many posts sent at once, spread
 * over the chats, just before, as when a hundred customers write in the same second; its latency is
 * then that of the 10 s after it, in one window.
 */
async function latencyOf(pipelines, { burst = 0, rounds = burst ? 1 : THROUGHPUT_ROUNDS } = {}) {
  for (const { chats, post, deliveries } of pipelines) {
    deliveries.onDelivered = () => {};
    await paced(Math.min(200, RATE), RATE, (i) => post(chats[i % chats.length], `warm-${i}`));
  }
  await sleep(300);
  const burstResult = burst ? await burstOf(pipelines[0], burst) : null;
  const total = RATE * (burst ? BURST_SECONDS : LATENCY_SECONDS);
  const samples = new Map(pipelines.map((p) => [p, []]));
  const series = [];
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const p of pipelines) {
      const sentAt = new Map();
      p.deliveries.onDelivered = (body) => {
        const t = sentAt.get(body);
        if (t === undefined) return;
        samples.get(p).push(performance.now() - t);
        if (process.env.BENCH_SERIES) series.push(`${p.name}:${Math.round(t)}:${Math.round(performance.now() - t)}`);
        sentAt.delete(body);
      };
      const count = Math.round(total / rounds);
      await paced(count, RATE, (i) => {
        const body = `lat-${n++}`;
        sentAt.set(body, performance.now());
        return p.post(p.chats[i % p.chats.length], body);
      });
      // Stragglers are waited for, a little: one that never comes is counted lost.
      for (let waited = 0; sentAt.size > 0 && waited < 2000; waited += 20) await sleep(20);
    }
  }
  if (process.env.BENCH_SERIES) console.error(series.filter((x) => Number(x.split(':').at(-1)) > 20).join(' '));
  return pipelines.map((p) => {
    const sorted = samples.get(p).sort((x, y) => x - y);
    const sent = Math.round(total / rounds) * rounds;
    return {
      latency: { rate: RATE, samples: sorted.length, lost: sent - sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1)), windows: rounds },
      burst: burstResult,
    };
  });
}

/** `posts` sent at once over the chats: when all were answered, and each answer's time. */
async function burstOf({ chats, post }, posts) {
  const t = performance.now();
  const answers = [];
  await Promise.all(
    Array.from({ length: posts }, async (_, i) => {
      const sent = performance.now();
      await post(chats[i % chats.length], `burst-${i}`);
      answers.push(performance.now() - sent);
    }),
  );
  answers.sort((a, b) => a - b);
  return { posts, allAnsweredMs: round(performance.now() - t), answer: { p50: round(percentile(answers, 50)), p99: round(percentile(answers, 99)) } };
}

/**
 * Sustained throughput of each pipeline: `rounds` windows each, taken in turn (raw, Parley, raw,
 * Parley, ...), so a change in the machine's speed during the run (another tenant on the host)
 * falls on every pipeline alike rather than on whichever ran then. In a window, IN_FLIGHT senders
 * post as fast as answers come; the window ends when every subscriber has what was sent.
 */
async function throughputOf(pipelines, seconds = THROUGHPUT_SECONDS, rounds = THROUGHPUT_ROUNDS) {
  const totals = new Map(pipelines.map((p) => [p, { sent: 0, delivered: 0, seconds: 0, cpu: null }]));
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const p of pipelines) {
      const total = totals.get(p);
      let delivered = 0;
      p.deliveries.onDelivered = () => delivered++;
      const t0 = performance.now();
      const before = p.usage?.mark();
      const sent = await saturate(seconds / rounds, IN_FLIGHT, (i) => p.post(p.chats[i % p.chats.length], `tp-${n++}-${i}`));
      total.seconds += (performance.now() - t0) / 1000;
      if (p.usage) total.cpu = addUsage(total.cpu, p.usage.spent(before, p.usage.mark()));
      for (let waited = 0; delivered < sent && waited < 5000; waited += 50) await sleep(50);
      total.sent += sent;
      total.delivered += delivered;
    }
  }
  return new Map(
    pipelines.map((p) => {
      const { sent, delivered, seconds: spent, cpu } = totals.get(p);
      return [p, { sent, delivered, perSecond: Math.round(sent / spent), allDelivered: delivered === sent, windows: rounds, cpu: cpu && cpuPerMessage(cpu, sent) }];
    }),
  );
}

/** One pipeline alone: its latency, then its throughput (unless `throughput: false`). */
async function measure(p, { burst = 0, throughput = true } = {}) {
  const [latency] = await latencyOf([p], { burst });
  const result = { name: p.name, ...latency };
  if (throughput) result.throughput = (await throughputOf([p])).get(p);
  printResult(result);
  return result;
}

function printResult(result) {
  const { name, latency, burst, throughput: tp } = result;
  const head = `${name.padEnd(8)} ${burst ? `burst of ${burst.posts} answered in ${burst.allAnsweredMs} ms; then ` : ''}p50 ${latency.p50} ms  p99 ${latency.p99} ms at ${RATE}/s (${latency.lost} lost)`;
  if (!tp) return console.log(head);
  const cpu = tp.cpu;
  console.log(
    `${head}  |  ${tp.perSecond} msg/s, ${tp.delivered}/${tp.sent} delivered` +
      (cpu ? `  |  CPU µs/message: server ${cpu.server}, postgres ${cpu.postgres}, redis ${cpu.redis}, generator ${cpu.generator}, others ${cpu.others}; cores ${cpu.busyPct}% busy` : ''),
  );
}

/** CPU seconds of each party summed over several windows (`Usage.spent` of each). */
const addUsage = (sum, used) => (sum ? Object.fromEntries(Object.entries(used).map(([k, v]) => [k, v === null || sum[k] === null ? null : sum[k] + v])) : used);

/**
 * Who spent the cores on each message while saturated: CPU microseconds per message of the server
 * process, its database's PostgreSQL backends, Redis and the load generator (this process), and
 * what else the machine ran meanwhile. On two shared cores these add up to the throughput: a
 * pipeline's messages/s is about 2 s of CPU over the sum.
 */
function cpuPerMessage(used, sent) {
  const us = (cpuSeconds) => (cpuSeconds === null ? null : Math.round((cpuSeconds / sent) * 1e6));
  return {
    server: us(used.api),
    postgres: us(used.postgres),
    redis: us(used.redis),
    generator: us(used.simulator),
    others: us(used.others),
    // How busy the cores were meanwhile: short of 100%, the pipeline waited on something other than CPU.
    busyPct: used.busy === null ? null : Math.round((used.busy / (used.seconds * os.cpus().length)) * 100),
  };
}

/**
 * A Parley API process with an administrator signed in: on its own fresh database, or as one more
 * replica of `shared` (the same database and the same Redis channels).
 */
async function startParley(label, shared = null, env = {}, { socket = false } = {}) {
  const databaseUrl = shared?.databaseUrl ?? (await createDatabase(label));
  const prefix = shared?.prefix ?? `bench${Date.now().toString(36)}`;
  const { port, child } = await start(path.join(root, 'api/dist/main.js'), {
    DATABASE_URL: socket ? overSocket(databaseUrl) : databaseUrl,
    REDIS_URL,
    PORT: '0',
    HOST: '127.0.0.1',
    PUBSUB_PREFIX: prefix,
    PARLEY_DEMO: '0',
    PARLEY_ADMIN_EMAIL: 'bench@parley.dev',
    PARLEY_ADMIN_PASSWORD: 'bench-password-123',
    // The load generator is one client sending thousands of requests a minute.
    RATE_LIMIT_USER_PER_MINUTE: '0',
    RATE_LIMIT_API_KEY_PER_MINUTE: '0',
    RATE_LIMIT_VISITOR_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    // The web app the monitor screen bench opens: the build's web/dist unless told (e.g. a build elsewhere).
    ...(process.env.WEB_DIST ? { WEB_DIST: process.env.WEB_DIST } : {}),
    ...env,
  });
  const adminToken = (await gql(port, 'mutation { signIn(email: "bench@parley.dev", password: "bench-password-123") { token } }')).signIn.token;
  return { port, adminToken, databaseUrl, prefix, pid: child.pid };
}

/**
 * Parley's pipeline on `processes` API processes sharing one database and one Redis: chats and
 * senders alternate between them, so half the messages reach their subscriber through another process.
 * `by: 'agent'`: the agent posts and each chat's customer (its widget's socket) receives;
 * `by: 'customer'`: each customer posts with its visitor token, as the widget does, and the agent
 * receives on a socket per chat. `socket`: the API reaches PostgreSQL over its Unix socket.
 */
async function openParley({ processes = 1, by = 'agent', socket = false, label = '' } = {}) {
  const first = await startParley('parley', null, {}, { socket });
  const replicas = [first];
  while (replicas.length < processes) replicas.push(await startParley('parley', first));
  const { port, adminToken } = first;
  const portOf = (i) => replicas[i % replicas.length].port;
  const campaign = (await gql(port, 'mutation { createCampaign(input: { name: "Bench" }) { id } }', {}, adminToken)).createCampaign.id;
  await gql(
    port,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { email: 'agent@bench.dev', name: 'Agent', password: 'bench-password-123', role: 'AGENT', maxConcurrentChats: 50 } },
    adminToken,
  );
  const agent = (await gql(port, 'mutation { signIn(email: "agent@bench.dev", password: "bench-password-123") { token } }')).signIn.token;
  const deliveries = { onDelivered: () => {} };
  const chats = [];
  const clients = [];
  const visitors = new Map();
  for (let i = 0; i < CHATS; i++) {
    const started = await gql(port, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken interaction { id } } }', {
      i: { campaignId: campaign, channel: 'WEBCHAT', contact: { name: `c${i}` } },
    });
    const id = started.startInteraction.interaction.id;
    await gql(port, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent);
    const visitor = started.startInteraction.visitorToken;
    visitors.set(id, visitor);
    // A chat's subscriber is on the process after the one its messages are posted to.
    const client = createClient({ url: `ws://127.0.0.1:${portOf(i + 1)}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${by === 'agent' ? visitor : agent}` } });
    clients.push(client);
    client.subscribe(
      { query: 'subscription($id: ID!) { messageAdded(interactionId: $id) { sequence body } }', variables: { id } },
      { next: (v) => deliveries.onDelivered(v.data.messageAdded.body), error: (e) => console.error(e), complete: () => {} },
    );
    chats.push(id);
  }
  await sleep(500);
  const chatIndex = new Map(chats.map((id, i) => [id, i]));
  const post = (id, body) =>
    gql(portOf(chatIndex.get(id)), 'mutation($i: PostMessageInput!) { postMessage(input: $i) { sequence } }', { i: { interactionId: id, body } }, by === 'agent' ? agent : visitors.get(id));
  const name = [by === 'agent' ? 'parley' : 'customer', processes > 1 ? `x${processes}` : '', label, socket ? 'socket' : ''].filter(Boolean).join(' ');
  const usage = processes === 1 ? new Usage({ apiPid: first.pid, database: new URL(first.databaseUrl).pathname.slice(1) }) : null;
  const close = async () => {
    usage?.stop();
    await Promise.all(clients.map((c) => c.dispose()));
  };
  return { name, chats, post, deliveries, usage, close };
}

/** One Parley pipeline measured alone (see openParley); `burst`: see latencyOf. */
async function benchParley({ burst = 0, throughput = true, ...options } = {}) {
  const pipeline = await openParley({ ...options, label: burst ? 'burst' : '' });
  const result = await measure(pipeline, { burst, throughput });
  await pipeline.close();
  return result;
}

async function openRaw() {
  const databaseUrl = await createDatabase('raw');
  const { port, child } = await start(path.join(here, 'raw-server.mjs'), { DATABASE_URL: databaseUrl, REDIS_URL });
  const deliveries = { onDelivered: () => {} };
  const chats = Array.from({ length: CHATS }, (_, i) => `chat-${i}`);
  const sockets = [];
  for (const chatId of chats) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ chatId }));
    await new Promise((r) => ws.once('message', r));
    ws.on('message', (data) => deliveries.onDelivered(JSON.parse(String(data)).body));
    sockets.push(ws);
  }
  const post = (chatId, body) => postHttp(port, '/post', JSON.stringify({ chatId, body }));
  const usage = new Usage({ apiPid: child.pid, database: new URL(databaseUrl).pathname.slice(1) });
  const close = async () => {
    usage.stop();
    sockets.forEach((s) => s.close());
  };
  return { name: 'raw', chats, post, deliveries, usage, close };
}

async function benchRaw() {
  const pipeline = await openRaw();
  const result = await measure(pipeline);
  await pipeline.close();
  return result;
}

/**
 * The message pipelines side by side: the raw one, the agent posting, the customers posting, and
 * (with PostgreSQL on this machine) the customers over its Unix socket, measured for latency, then
 * for throughput, in turns (latencyOf, throughputOf), every server running all along.
 */
async function benchMessages() {
  const pipelines = [await openRaw(), await openParley(), await openParley({ by: 'customer' })];
  if (hasSocket()) pipelines.push(await openParley({ by: 'customer', socket: true }));
  const results = (await latencyOf(pipelines)).map((latency, i) => ({ name: pipelines[i].name, ...latency }));
  const throughputs = await throughputOf(pipelines);
  pipelines.forEach((p, i) => {
    results[i].throughput = throughputs.get(p);
    printResult(results[i]);
  });
  for (const p of pipelines) await p.close();
  const [raw, parley, customer, customerSocket = null] = results;
  return { raw, parley, customer, customerSocket };
}

/** BENCH_ONLY=routing or =monitor runs one part of the engine benchmark, e.g. to profile it. */
async function benchEngine(only = null) {
  const { port, adminToken, databaseUrl } = await startParley('engine');
  await gql(port, 'mutation { createCampaign(input: { name: "Monitor bench" }) { id } }', {}, adminToken);
  if (only === 'monitor') return { monitor: await benchMonitor({ port, adminToken, databaseUrl }) };
  const routing = await benchRouting({ port, adminToken });
  console.log(
    `routing  burst of ${routing.burst.chats} chats to ${routing.agents} agents x ${routing.burst.capacity} resuming at once: ${routing.burst.perSecond} assignments/s, ${routing.burst.overAssignments} over-assignments`,
  );
  console.log(
    `routing  drain of ${routing.drain.chats} chats: ${routing.drain.perSecond} assignments/s, ${routing.drain.overAssignments} over-assignments; arrivals: enqueue-to-assign p50 ${routing.arrival.enqueueToAssign.p50} ms p99 ${routing.arrival.enqueueToAssign.p99} ms, ${routing.arrival.overAssignments} over-assignments (${routing.agents} agents x ${routing.capacity})`,
  );
  if (only === 'routing') return { routing };
  const rawRouting = await benchRawRouting(databaseUrl);
  console.log(`raw SQL  ${rawRouting.perSecond} assignments/s (one statement per chat, SKIP LOCKED)`);
  const monitor = await benchMonitor({ port, adminToken, databaseUrl });
  console.log(
    `monitor  ${monitor.agents} agents, ${monitor.chats} open chats: dashboard snapshot (${Math.round(monitor.dashboard.bytes / 1024)} KiB) p50 ${monitor.dashboard.p50} ms p99 ${monitor.dashboard.p99} ms, first after a change p50 ${monitor.afterChange.p50} ms p99 ${monitor.afterChange.p99} ms; every chat listed (${Math.round(monitor.full.bytes / 1024)} KiB) p50 ${monitor.full.p50} ms p99 ${monitor.full.p99} ms; totals only p50 ${monitor.totalsOnly.p50} ms`,
  );
  // The same seeded center, now through the supervisor's screen in a browser.
  const monitorScreen = await benchMonitorScreen({ url: `http://127.0.0.1:${port}`, adminToken, seconds: SCREEN_SECONDS });
  return { routing, rawRouting, monitor, monitorScreen };
}

/** The monitor screen alone, on its own freshly seeded center (1,000 agents, 10,000 open chats). */
async function benchScreenAlone() {
  const { port, adminToken, databaseUrl } = await startParley('screen');
  await gql(port, 'mutation { createCampaign(input: { name: "Monitor bench" }) { id } }', {}, adminToken);
  await seedMonitorCenter({ databaseUrl });
  return { monitorScreen: await benchMonitorScreen({ url: `http://127.0.0.1:${port}`, adminToken, seconds: SCREEN_SECONDS }) };
}

/** Stops every process started so far: each section measures on a machine the earlier ones left quiet. */
async function stopChildren() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  children.length = 0;
}

async function benchCalibration() {
  const result = await calibrate({ databaseUrl: await createDatabase('calibration'), redisUrl: REDIS_URL });
  const { postgres: p, redis: r, loopback: l } = result;
  console.log(
    `machine  PostgreSQL insert (committed) p50 ${p.insert.p50us} µs, ${p.insert.perSecond}/s on one connection, ${p.insertsPerSecondTenConnections}/s on ten; Redis publish p50 ${r.publish.p50us} µs, ${r.publishesPerSecondPipelined}/s pipelined; loopback round trip p50 ${l.roundTrip.p50us} µs p99 ${l.roundTrip.p99us} µs`,
  );
  return result;
}

async function benchFanoutAlone() {
  const { port, adminToken } = await startParley('fanout');
  return benchFanout({ port, adminToken, sizes: FANOUT_SIZES, rounds: FANOUT_ROUNDS });
}

/** Webhooks to receivers on loopback, which hooks may reach only with WEBHOOK_ALLOW_PRIVATE. */
async function benchWebhooksAlone() {
  const { port, adminToken } = await startParley('webhooks', null, { WEBHOOK_ALLOW_PRIVATE: '1' });
  return benchWebhooks({ port, adminToken });
}

/** A working day (day.mjs): each size on a fresh API process, whose CPU and memory it reads by pid. */
const benchDayAlone = () => benchDay({ start: () => startParley('day'), stop: stopChildren });

const SECTIONS = {
  calibrate: benchCalibration,
  messages: benchMessages,
  raw: benchRaw,
  parley: () => benchParley(),
  customer: () => benchParley({ by: 'customer' }),
  'customer-burst': () => benchParley({ by: 'customer', burst: BURST, throughput: false }),
  'customer-socket': () => benchParley({ by: 'customer', socket: true }),
  scale: () => benchParley({ processes: 2 }),
  fanout: benchFanoutAlone,
  webhooks: benchWebhooksAlone,
  'monitor-screen': benchScreenAlone,
  engine: () => benchEngine(),
  routing: () => benchEngine('routing'),
  monitor: () => benchEngine('monitor'),
  day: benchDayAlone,
};

async function main() {
  if (ONLY) {
    if (!SECTIONS[ONLY]) throw new Error(`--only ${ONLY}: expected one of ${Object.keys(SECTIONS).join(', ')}`);
    console.log(JSON.stringify(await SECTIONS[ONLY]()));
    return;
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(
    `Parley benchmark on ${machine}\n${CHATS} chats, one subscriber each; latency at ${RATE} msg/s for ${LATENCY_SECONDS} s; throughput with ${IN_FLIGHT} senders for ${THROUGHPUT_SECONDS} s\n`,
  );
  const report = { date: new Date().toISOString(), machine, settings: { RATE, LATENCY_SECONDS, BURST_SECONDS, THROUGHPUT_SECONDS, THROUGHPUT_ROUNDS, CHATS, IN_FLIGHT, FANOUT_SIZES, FANOUT_ROUNDS } };
  let previous = null;
  for (const [key, section] of [
    ['calibration', benchCalibration],
    // raw, parley, customer and customerSocket (the customers over PostgreSQL's Unix socket: what a
    // local database gains by it, README's Performance), their throughputs taken in turns.
    ['messages', benchMessages],
    ['customerBurst', () => benchParley({ by: 'customer', burst: BURST, throughput: false })],
    ['twoProcesses', () => benchParley({ processes: 2 })],
    ['fanout', benchFanoutAlone],
    ['webhooks', benchWebhooksAlone],
    ['engine', () => benchEngine()],
    ['day', benchDayAlone],
  ]) {
    // BENCH_SKIP=day leaves sections out (by their report key), e.g. the day's ten minutes when the message path is what is measured.
    if (SKIP.has(key)) continue;
    if (previous) await quiet(previous);
    previous = key;
    const result = await section();
    // The message pipelines report as four sections, as they did when measured one after another.
    if (key === 'messages') Object.assign(report, result);
    else report[key] = result;
    await stopChildren();
    await dropDatabases();
  }
  // BENCH_RESULTS_NAME names the files, so several runs of one day do not overwrite each other.
  const file = writeReport(path.join(here, 'results'), report, process.env.BENCH_RESULTS_NAME || undefined);
  console.log(`\n${summaryLines(report).join('\n')}\n\nwritten ${path.relative(root, file)} and .json`);
}

/** Drops the databases made so far (BENCH_KEEP keeps them all, and names them at the end). */
async function dropDatabases() {
  if (process.env.BENCH_KEEP) return;
  for (const name of databases.splice(0)) await admin(`drop database if exists "${name}" with (force)`).catch(() => {});
}

/**
 * Waits, up to 20 s, for the cores to be idle (under 10% busy for half a second): the CPU that what
 * a section leaves behind still takes (PostgreSQL's autovacuum of the tables it filled) is not the
 * next section's to pay. Time waiting on the disk counts as idle. Said when it does not settle.
 */
async function quiet(after) {
  for (let waited = 0; waited < 20_000; waited += 500) {
    const busy = await machineBusy(500);
    if (busy === null || busy < 0.1) return;
  }
  console.log(`(the machine was still busy 20 s after ${after})`);
}

async function cleanup() {
  await stopChildren();
  if (process.env.BENCH_KEEP) console.log(`kept databases: ${databases.join(', ')}`);
  await dropDatabases();
}

main().then(cleanup, async (err) => {
  console.error(err);
  await cleanup();
  process.exitCode = 1;
});
