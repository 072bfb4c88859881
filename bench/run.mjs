// npm run bench: Parley's message pipeline next to a hand-written raw pipeline (ws + pg + Redis,
// no GraphQL), on loopback, in one run. Prints latency at a fixed rate and sustained throughput,
// writes bench/results/<date>.{md,json}, and stops everything it started. Then routing, the monitor
// snapshot and the supervisor's monitor screen in Chromium (monitor-screen.mjs) over a seeded center.
// One section alone: `node bench/run.mjs --only monitor-screen` (or engine, routing, monitor).
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { benchMonitor, benchRawRouting, benchRouting, gql, percentile, round, seedMonitorCenter, sleep } from './engine.mjs';
import { benchMonitorScreen } from './monitor-screen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RATE = Number(process.env.BENCH_RATE ?? 200);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10);
const CHATS = Number(process.env.BENCH_CHATS ?? 50);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const SCREEN_SECONDS = Number(process.env.BENCH_SCREEN_SECONDS ?? 20);
// `--only monitor-screen` (or BENCH_ONLY=...) runs one section and prints its figures as JSON, writing no results file.
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : process.env.BENCH_ONLY;

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

/** As many sends as possible for `seconds`, with `inFlight` concurrent senders. */
async function saturate(seconds, inFlight, send) {
  const until = performance.now() + seconds * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) await send(sent++);
    }),
  );
  return sent;
}

/** Drives one pipeline: `post(chat, body)` sends, `onDelivered(chat, body)` must be called by its subscribers. */
async function measure(name, chats, post, deliveries) {
  // Latency at a fixed rate: time from just before the send to the subscriber's frame.
  const sentAt = new Map();
  const latencies = [];
  deliveries.onDelivered = (body) => {
    const t = sentAt.get(body);
    if (t !== undefined) {
      latencies.push(performance.now() - t);
      sentAt.delete(body);
    }
  };
  const warm = Math.min(200, RATE);
  await paced(warm, RATE, (i) => post(chats[i % chats.length], `warm-${i}`));
  await sleep(300);
  latencies.length = 0;
  const total = RATE * LATENCY_SECONDS;
  await paced(total, RATE, (i) => {
    const body = `lat-${i}`;
    sentAt.set(body, performance.now());
    return post(chats[i % chats.length], body);
  });
  await sleep(500);
  const sorted = [...latencies].sort((a, b) => a - b);

  // Throughput: saturate and count what every subscriber received.
  let delivered = 0;
  deliveries.onDelivered = () => delivered++;
  const t0 = performance.now();
  const sent = await saturate(THROUGHPUT_SECONDS, IN_FLIGHT, (i) => post(chats[i % chats.length], `tp-${i}`));
  const sendSeconds = (performance.now() - t0) / 1000;
  for (let waited = 0; delivered < sent && waited < 5000; waited += 50) await sleep(50);
  const result = {
    name,
    latency: { rate: RATE, samples: sorted.length, lost: total - sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1)) },
    throughput: { sent, delivered, perSecond: Math.round(sent / sendSeconds), allDelivered: delivered === sent },
  };
  console.log(`${name.padEnd(8)} p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms at ${RATE}/s (${result.latency.lost} lost)  |  ${result.throughput.perSecond} msg/s, ${delivered}/${sent} delivered`);
  return result;
}

/** A Parley API process on its own fresh database, with an administrator signed in. */
async function startParley(label) {
  const databaseUrl = await createDatabase(label);
  const { port } = await start(path.join(root, 'api/dist/main.js'), {
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    PORT: '0',
    HOST: '127.0.0.1',
    PUBSUB_PREFIX: `bench${Date.now().toString(36)}`,
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
  });
  const adminToken = (await gql(port, 'mutation { signIn(email: "bench@parley.dev", password: "bench-password-123") { token } }')).signIn.token;
  return { port, adminToken, databaseUrl };
}

async function benchParley() {
  const { port, adminToken } = await startParley('parley');
  const campaign = (await gql(port, 'mutation { createCampaign(input: { name: "Bench" }) { id } }', {}, adminToken)).createCampaign.id;
  await gql(port, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email: 'agent@bench.dev', name: 'Agent', password: 'bench-password-123', role: 'AGENT', maxConcurrentChats: 50 } }, adminToken);
  const agent = (await gql(port, 'mutation { signIn(email: "agent@bench.dev", password: "bench-password-123") { token } }')).signIn.token;
  const deliveries = { onDelivered: () => {} };
  const chats = [];
  const clients = [];
  for (let i = 0; i < CHATS; i++) {
    const started = await gql(port, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken interaction { id } } }', {
      i: { campaignId: campaign, channel: 'WEBCHAT', contact: { name: `c${i}` } },
    });
    const id = started.startInteraction.interaction.id;
    await gql(port, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent);
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${started.startInteraction.visitorToken}` } });
    clients.push(client);
    client.subscribe(
      { query: 'subscription($id: ID!) { messageAdded(interactionId: $id) { sequence body } }', variables: { id } },
      { next: (v) => deliveries.onDelivered(v.data.messageAdded.body), error: (e) => console.error(e), complete: () => {} },
    );
    chats.push(id);
  }
  await sleep(500);
  const post = (id, body) =>
    gql(port, 'mutation($i: PostMessageInput!) { postMessage(input: $i) { sequence } }', { i: { interactionId: id, body } }, agent);
  const result = await measure('parley', chats, post, deliveries);
  await Promise.all(clients.map((c) => c.dispose()));
  return result;
}

async function benchRaw() {
  const databaseUrl = await createDatabase('raw');
  const { port } = await start(path.join(here, 'raw-server.mjs'), { DATABASE_URL: databaseUrl, REDIS_URL });
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
  const post = async (chatId, body) => {
    const res = await fetch(`http://127.0.0.1:${port}/post`, { method: 'POST', body: JSON.stringify({ chatId, body }) });
    await res.arrayBuffer();
  };
  const result = await measure('raw', chats, post, deliveries);
  sockets.forEach((s) => s.close());
  return result;
}

/** BENCH_ONLY=routing or =monitor runs one part of the engine benchmark, e.g. to profile it. */
async function benchEngine(only = null) {
  const { port, adminToken, databaseUrl } = await startParley('engine');
  await gql(port, 'mutation { createCampaign(input: { name: "Monitor bench" }) { id } }', {}, adminToken);
  if (only === 'monitor') return { monitor: await benchMonitor({ port, adminToken, databaseUrl }) };
  const routing = await benchRouting({ port, adminToken });
  console.log(`routing  burst of ${routing.burst.chats} chats to ${routing.agents} agents x ${routing.burst.capacity} resuming at once: ${routing.burst.perSecond} assignments/s, ${routing.burst.overAssignments} over-assignments`);
  console.log(`routing  drain of ${routing.drain.chats} chats: ${routing.drain.perSecond} assignments/s, ${routing.drain.overAssignments} over-assignments; arrivals: enqueue-to-assign p50 ${routing.arrival.enqueueToAssign.p50} ms p99 ${routing.arrival.enqueueToAssign.p99} ms, ${routing.arrival.overAssignments} over-assignments (${routing.agents} agents x ${routing.capacity})`);
  if (only === 'routing') return { routing };
  const rawRouting = await benchRawRouting(databaseUrl);
  console.log(`raw SQL  ${rawRouting.perSecond} assignments/s (one statement per chat, SKIP LOCKED)`);
  const monitor = await benchMonitor({ port, adminToken, databaseUrl });
  console.log(`monitor  ${monitor.agents} agents, ${monitor.chats} open chats: dashboard snapshot (${Math.round(monitor.dashboard.bytes / 1024)} KiB) p50 ${monitor.dashboard.p50} ms p99 ${monitor.dashboard.p99} ms, first after a change p50 ${monitor.afterChange.p50} ms p99 ${monitor.afterChange.p99} ms; every chat listed (${Math.round(monitor.full.bytes / 1024)} KiB) p50 ${monitor.full.p50} ms p99 ${monitor.full.p99} ms; totals only p50 ${monitor.totalsOnly.p50} ms`);
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

async function main() {
  if (ONLY === 'monitor-screen') {
    console.log(JSON.stringify(await benchScreenAlone()));
    return;
  }
  if (['engine', 'routing', 'monitor'].includes(ONLY)) {
    const engine = await benchEngine(ONLY === 'engine' ? null : ONLY);
    console.log(JSON.stringify(engine));
    return;
  }
  if (ONLY) throw new Error(`--only ${ONLY}: expected monitor-screen, engine, routing or monitor`);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`Parley benchmark on ${machine}\n${CHATS} chats, one subscriber each; latency at ${RATE} msg/s for ${LATENCY_SECONDS} s; throughput with ${IN_FLIGHT} senders for ${THROUGHPUT_SECONDS} s\n`);
  const raw = await benchRaw();
  const parley = await benchParley();
  const ratio = round(parley.throughput.perSecond / raw.throughput.perSecond);
  console.log(`\nthroughput ratio parley/raw: ${ratio}x (goal >= 0.35x); parley latency p50 ${parley.latency.p50} ms (goal <= 4), p99 ${parley.latency.p99} ms (goal <= 15)\n`);
  const engine = await benchEngine();
  const date = new Date().toISOString().slice(0, 10);
  const report = { date: new Date().toISOString(), machine, settings: { RATE, LATENCY_SECONDS, THROUGHPUT_SECONDS, CHATS, IN_FLIGHT }, raw, parley, ratio, engine };
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  fs.writeFileSync(path.join(here, 'results', `${date}.json`), JSON.stringify(report, null, 2) + '\n');
  const row = (r) => `| ${r.name} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${r.throughput.perSecond} | ${r.throughput.delivered}/${r.throughput.sent} |`;
  fs.writeFileSync(
    path.join(here, 'results', `${date}.md`),
    [
      `# Benchmark ${report.date}`,
      '',
      `Machine: ${machine}. ${CHATS} chats with one WebSocket subscriber each; latency measured at ${RATE} messages/s for ${LATENCY_SECONDS} s (post sent -> subscriber frame); throughput with ${IN_FLIGHT} concurrent senders for ${THROUGHPUT_SECONDS} s.`,
      '',
      '| pipeline | p50 ms | p99 ms | max ms | messages/s | delivered |',
      '|---|---|---|---|---|---|',
      row(raw),
      row(parley),
      '',
      `Throughput ratio Parley / raw: **${ratio}x**.`,
      '',
      '## Routing and monitor',
      '',
      `Routing (LEAST_BUSY). Routing alone: a backlog of ${engine.routing.burst.chats} chats assigned once ${engine.routing.agents} agents x ${engine.routing.burst.capacity} resume at once: **${engine.routing.burst.perSecond} assignments/s**, ${engine.routing.burst.overAssignments} over-assignments. A working day (${engine.routing.agents} agents x ${engine.routing.capacity}, each agent closing a chat through the API 20 ms after getting it): drain of a backlog of ${engine.routing.drain.chats} chats once every agent resumes: **${engine.routing.drain.perSecond} assignments/s** (bound by the close mutations, each a GraphQL request and transaction), ${engine.routing.drain.overAssignments} over-assignments. Steady arrivals (${engine.routing.arrival.chats} chats): enqueue-to-assign p50 ${engine.routing.arrival.enqueueToAssign.p50} ms, p99 ${engine.routing.arrival.enqueueToAssign.p99} ms, ${engine.routing.arrival.overAssignments} over-assignments. Raw SQL baseline (one statement per chat under SKIP LOCKED, no events, no GraphQL): ${engine.rawRouting.perSecond} assignments/s.`,
      '',
      `Monitor snapshot over GraphQL with ${engine.monitor.agents} agents and ${engine.monitor.chats} open chats, timed to the last byte: the dashboard's snapshot (totals, service levels, every agent row with its band counts, the waiting customers, teams; ${Math.round(engine.monitor.dashboard.bytes / 1024)} KiB) **p50 ${engine.monitor.dashboard.p50} ms, p99 ${engine.monitor.dashboard.p99} ms**; the first one after a change (rows loaded again) p50 ${engine.monitor.afterChange.p50} ms, p99 ${engine.monitor.afterChange.p99} ms; with every chat listed besides (${Math.round(engine.monitor.full.bytes / 1024)} KiB) p50 ${engine.monitor.full.p50} ms, p99 ${engine.monitor.full.p99} ms; totals only p50 ${engine.monitor.totalsOnly.p50} ms, p99 ${engine.monitor.totalsOnly.p99} ms.`,
      '',
      ...screenSection(engine.monitorScreen),
    ].join('\n'),
  );
  console.log(`written bench/results/${date}.md and .json`);
}

/** The monitor screen's figures for the results file, its goals marked pass or fail. */
function screenSection(m) {
  return [
    '## Monitor screen',
    '',
    `The supervisor's /monitor in Debian's Chromium (headless, loopback) over the same center (${m.agents} agents, 10,000 open chats). First full paint of the agents table: **${m.firstPaintMs} ms** from navigation. For ${m.seconds} s of real changes through the API (${m.changes}: agents paused and resumed, chats started and taken): the first full update ${m.fullUpdate?.kib} KiB (arrived by ${m.fullUpdate?.arrivedMs} ms), then ${m.pushes} updates pushed (KiB each p50 ${m.pushKiB.p50}, p95 ${m.pushKiB.p95}), ${m.renders} rendered; apply and render per frame p50 ${m.apply.p50} ms, p95 ${m.apply.p95} ms, max ${m.apply.max} ms; frame intervals p50 ${m.frames.p50} ms, **p95 ${m.frames.p95} ms**, max ${m.frames.max} ms, ${m.slowFrames} over 50 ms; ${m.longTasks.count} long tasks, the longest ${m.longTasks.max} ms, ${Math.round(m.longTasks.share * 100)}% of the time. In the DOM: ${m.dom.agentRows} agent rows (${m.dom.agentChats} chat chips), ${m.dom.elements} elements; the Phases tab ${m.dom.phasesChatRows} chat rows. Scrolling the agents table: frames p50 ${m.scroll.frames.p50} ms, p95 ${m.scroll.frames.p95} ms, at most ${m.scroll.peakRows} rows. Load average ${m.loadAverage.before} -> ${m.loadAverage.after} on ${m.loadAverage.cores} cores.`,
    '',
    ...m.checks.map((c) => `- ${c.pass ? 'pass' : '**fail**'}: ${c.goal}`),
    '',
  ];
}

async function cleanup() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  if (process.env.BENCH_KEEP) console.log(`kept databases: ${databases.join(", ")}`);
  else for (const name of databases) await admin(`drop database if exists "${name}" with (force)`).catch(() => {});
}

main()
  .then(cleanup, async (err) => {
    console.error(err);
    await cleanup();
    process.exitCode = 1;
  });
