// A simulated working day (issue 18): an early shift serves customers who arrive at 5 new chats a
// second through the widget's mutations; then the day's agents sign in within a minute (the storm),
// opening what the agent web app opens and setting themselves available, while the early shift
// pauses and goes home once its chats are done; then the day runs on all of them for
// BENCH_DAY_SECONDS. Customers write every 8 to 12 s; each agent answers within a second of each
// customer message and closes after three replies. Routing is LEAST_BUSY, 3 chats per agent.
//
// Measured, on the load generator's clock: chat start -> the agent's inboxUpdates frame with the
// chat IN_SERVICE and that agent holding it; customer message -> the agent's messageAdded; agent
// reply -> the widget's messageAdded; every frame each agent's socket receives during the day,
// against those about its own chats; sign-in latency in the storm; and from /proc the CPU of the
// API process, this database's PostgreSQL backends, Redis, the simulator and whatever else ran.
// BENCH_DAY_SIZES=250,500,1000 runs the day at each size on a fresh API process and reports the
// largest that meets the first two goals.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpuSeconds, Usage } from './proc-usage.mjs';
import { newestProfile, profileClock, selfTime } from './cpu-profile.mjs';
import { PASSWORD, request, SimAgent, SimCustomer } from './day-people.mjs';
import { percentile, round, sleep } from './engine.mjs';
import { webDocuments } from './web-documents.mjs';

const AGENTS = Number(process.env.BENCH_DAY_AGENTS ?? 1000);
const SIZES = (process.env.BENCH_DAY_SIZES ?? String(AGENTS)).split(',').map(Number);
const DAY_SECONDS = Number(process.env.BENCH_DAY_SECONDS ?? 90);
const CHATS_PER_SECOND = Number(process.env.BENCH_DAY_RATE ?? 5);
const STORM_SECONDS = Number(process.env.BENCH_DAY_STORM_SECONDS ?? 60);
const EARLY_SHIFT = Number(process.env.BENCH_DAY_EARLY ?? 100);
const WARM_SECONDS = Number(process.env.BENCH_DAY_WARM_SECONDS ?? 10);
/** After the day, chats still open get this long to be answered and closed. */
const DRAIN_SECONDS = 60;
const CAPACITY = 3;
/** createUsers takes at most 1,000 rows; smaller lists keep each request well within a minute. */
const PEOPLE_PER_REQUEST = 500;

const now = () => performance.now();
const readFileOr = (file, otherwise = '') => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : otherwise);

/** Figures of one distribution, in ms. */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return { samples: 0, p50: null, p99: null, max: null };
  return { samples: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1)) };
}

/** What happened when, told by the simulated people; `phase` labels what starts now. */
class Ledger {
  phase = 'early';
  /** Agents count the frames they receive while this is on (the day's window). */
  counting = false;
  closed = 0;
  customerReconnects = 0;
  chats = new Map();
  posts = new Map();
  samples = {};
  failures = new Map();

  started(name, at) {
    this.chats.set(name, { phase: this.phase, sent: at, assignMs: null });
  }

  assigned(name, at) {
    const chat = this.chats.get(name);
    if (chat && chat.assignMs === null) chat.assignMs = at - chat.sent;
  }

  posted(body, at) {
    this.posts.set(body, { phase: this.phase, sent: at, reached: false });
  }

  /** Counted only for messages sent after the agent had the chat: before, it is the wait for an agent. */
  reachedAgent(body, at, agentHadItAt) {
    const sent = this.posts.get(body);
    if (sent && sent.sent >= agentHadItAt) this.sample('toAgent', sent.phase, at - sent.sent);
  }

  reachedCustomer(body, at) {
    const sent = this.posts.get(body);
    if (!sent || sent.reached) return;
    sent.reached = true;
    this.sample('toCustomer', sent.phase, at - sent.sent);
  }

  sample(kind, phase, ms) {
    (this.samples[`${kind} ${phase}`] ??= []).push(ms);
  }

  fail(what) {
    this.failures.set(what, (this.failures.get(what) ?? 0) + 1);
  }

  assignment(phase) {
    const chats = [...this.chats.values()].filter((c) => c.phase === phase);
    const assigned = chats.filter((c) => c.assignMs !== null).map((c) => c.assignMs);
    return {
      chats: chats.length,
      unassigned: chats.length - assigned.length,
      over2s: assigned.filter((ms) => ms > 2000).length,
      over5s: assigned.filter((ms) => ms > 5000).length,
      ...spread(assigned),
    };
  }
}

/** Customers arriving at `perSecond` until stopped, each a SimCustomer running on its own. */
function arrivals(env, perSecond) {
  const customers = [];
  let stopped = false;
  const loop = (async () => {
    const from = now();
    for (let i = 0; !stopped; i++) {
      const wait = from + (i * 1000) / perSecond - now();
      if (wait > 0) await sleep(wait);
      if (stopped) break;
      const customer = new SimCustomer(env, `day-${i}`);
      customer.done = customer.run().catch((err) => env.ledger.fail(`customer: ${err.message}`));
      customers.push(customer);
    }
  })();
  return {
    customers,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

/** An agent arriving at work: signs in, opens the app, sets itself available. */
async function arrive(agent) {
  const from = now();
  const { retries } = await agent.signIn();
  const signInMs = now() - from;
  await agent.connect();
  const openMs = now() - from - signInMs;
  await agent.setState('AVAILABLE');
  return { signInMs, openMs, readyMs: now() - from, retries };
}

/** `count` calls of `run(i)`, the i-th due `i / perSecond` s after the first; resolves with their results. */
async function paced(count, perSecond, run) {
  const from = now();
  const all = [];
  for (let i = 0; i < count; i++) {
    const wait = from + (i * 1000) / perSecond - now();
    if (wait > 0) await sleep(wait);
    all.push(run(i));
  }
  return Promise.all(all);
}

/** The center's people, created as an administrator's import does (createUsers, in lists of PEOPLE_PER_REQUEST). */
async function createPeople(port, adminToken, count) {
  const people = [];
  for (let from = 0; from < count; from += PEOPLE_PER_REQUEST) {
    const input = Array.from({ length: Math.min(PEOPLE_PER_REQUEST, count - from) }, (_, k) => ({
      email: `day-${from + k}@bench.dev`,
      name: `Agent ${from + k}`,
      password: PASSWORD,
      role: 'AGENT',
      maxConcurrentChats: CAPACITY,
    }));
    const answer = await request(port, 'mutation($i: [CreateUserInput!]!) { createUsers(input: $i) { id email } }', { i: input }, adminToken);
    if (!answer.data) throw new Error(`createUsers: ${JSON.stringify(answer.errors)}`);
    people.push(...answer.data.createUsers);
  }
  return people;
}

async function admin(port, adminToken, query, variables) {
  const answer = await request(port, query, variables, adminToken);
  if (!answer.data) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

/**
 * Every agent and customer holds a WebSocket, and so does the API process for each: with too few
 * file descriptors (`ulimit -n`, which children inherit) sockets would fail midway and read as
 * Parley's failures. Node cannot raise the limit itself; the shell that starts the bench can.
 */
function checkOpenFiles(size) {
  const soft = Number(readFileOr('/proc/self/limits').match(/^Max open files\s+(\d+)/m)?.[1] ?? Infinity);
  const needed = Math.ceil((size + EARLY_SHIFT) * 1.2 + CHATS_PER_SECOND * 60 + 500);
  if (soft < needed) throw new Error(`${size} agents need about ${needed} open files and the limit is ${soft}: raise it (ulimit -n ${needed}) before the bench`);
}

/** One day at `size` agents on a fresh API process `parley` ({ port, adminToken, databaseUrl, pid }). */
async function oneDay(parley, size) {
  const { port, adminToken, databaseUrl, pid } = parley;
  checkOpenFiles(size);
  const doc = webDocuments();
  const ledger = new Ledger();
  const setupFrom = now();
  const people = await createPeople(port, adminToken, EARLY_SHIFT + size);
  const peopleSeconds = round((now() - setupFrom) / 1000);
  const campaignId = (
    await admin(port, adminToken, 'mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', {
      i: { name: 'A working day', routingStrategy: 'LEAST_BUSY', memberIds: people.map((p) => p.id) },
    })
  ).createCampaign.id;
  const shiftOver = (await admin(port, adminToken, 'mutation { createPauseReason(name: "Shift over", icon: "home") { id } }')).createPauseReason.id;
  console.log(`day      ${size} agents: ${people.length} people created in ${peopleSeconds} s (createUsers); the early shift of ${EARLY_SHIFT} signs in`);

  const env = { port, doc, ledger, campaignId };
  const early = people.slice(0, EARLY_SHIFT).map((p) => new SimAgent(env, p));
  const agents = people.slice(EARLY_SHIFT).map((p) => new SimAgent(env, p));
  const usage = new Usage({ apiPid: pid, database: new URL(databaseUrl).pathname.slice(1) });
  const profileMarks = {};
  const customersCame = arrivals(env, CHATS_PER_SECOND);
  try {
    for (let i = 0; i < early.length; i += 20) await Promise.all(early.slice(i, i + 20).map(arrive));
    await sleep(WARM_SECONDS * 1000);

    console.log(`day      the storm: ${size} sign-ins paced over ${STORM_SECONDS} s, ${CHATS_PER_SECOND} new chats/s`);
    ledger.phase = 'storm';
    const stormMark = usage.mark();
    profileMarks.storm = { from: profileClock() };
    const stormFrom = now();
    const signIns = await paced(size, size / STORM_SECONDS, (i) => arrive(agents[i]).catch((err) => ({ error: String(err.message ?? err) })));
    const stormSeconds = (now() - stormFrom) / 1000;
    profileMarks.storm.to = profileClock();
    await Promise.all(early.map((a) => a.leave(shiftOver).catch((err) => ledger.fail(`leave: ${err.message}`))));

    console.log(`day      the day: ${size} agents, ${CHATS_PER_SECOND} new chats/s for ${DAY_SECONDS} s`);
    ledger.phase = 'day';
    ledger.counting = true;
    const dayMark = usage.mark();
    profileMarks.day = { from: profileClock() };
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    await sleep(DAY_SECONDS * 1000);
    lag.disable();
    ledger.counting = false;
    ledger.phase = 'drain';
    profileMarks.day.to = profileClock();
    const endMark = usage.mark();
    await customersCame.stop();
    const drainFrom = now();
    await Promise.race([Promise.all(customersCame.customers.map((c) => c.done)), sleep(DRAIN_SECONDS * 1000)]);
    // A widget hears its chat closed before the agent has the close's answer.
    await sleep(1000);

    const failedSignIns = signIns.filter((s) => s.error);
    const fine = signIns.filter((s) => !s.error);
    const frames = framesOf(agents, DAY_SECONDS);
    return {
      agents: size,
      earlyShift: EARLY_SHIFT,
      peopleSeconds,
      storm: {
        signIns: size,
        seconds: round(stormSeconds),
        signIn: spread(fine.map((s) => s.signInMs)),
        // Signed in -> the inbox's first frame and the state menu's: the app on screen.
        open: spread(fine.map((s) => s.openMs)),
        ready: spread(fine.map((s) => s.readyMs)),
        retries: fine.reduce((n, s) => n + s.retries, 0),
        failed: failedSignIns.length,
        firstFailure: failedSignIns[0]?.error ?? null,
        assign: ledger.assignment('storm'),
        usage: usage.between(stormMark, dayMark),
      },
      day: {
        seconds: DAY_SECONDS,
        assign: ledger.assignment('day'),
        toAgent: spread(ledger.samples['toAgent day'] ?? []),
        toCustomer: spread(ledger.samples['toCustomer day'] ?? []),
        frames,
        usage: usage.between(dayMark, endMark),
        simulatorLoopDelay: { p99: round(lag.percentile(99) / 1e6), max: round(lag.max / 1e6) },
      },
      drainSeconds: round((now() - drainFrom) / 1000),
      closed: ledger.closed,
      chatsStarted: ledger.chats.size,
      apiPeakRssMiB: usage.peakRssMiB(),
      apiCpuSecondsTotal: cpuSeconds(pid),
      reconnects: { agents: [...early, ...agents].reduce((n, a) => n + a.reconnects, 0), customers: ledger.customerReconnects },
      failures: Object.fromEntries(ledger.failures),
      profileMarks,
    };
  } finally {
    usage.stop();
    await customersCame.stop();
    for (const c of customersCame.customers) c.stop();
    for (const a of [...early, ...agents]) a.dispose();
  }
}

/**
 * Frames per agent per minute over the day: all of them, per subscription, and those its own chats
 * need (inboxUpdates frames telling a change of a chat it holds or held, and its messageAdded).
 */
function framesOf(agents, seconds) {
  const minutes = seconds / 60;
  const per = (n) => round(n / agents.length / minutes);
  const bySubscription = {};
  for (const a of agents) for (const [name, n] of Object.entries(a.frames)) bySubscription[name] = (bySubscription[name] ?? 0) + n;
  const total = Object.values(bySubscription).reduce((s, n) => s + n, 0);
  const own = agents.reduce((s, a) => s + a.ownFrames, 0);
  const sum = (field) => agents.reduce((s, a) => s + a[field], 0);
  return {
    perAgentPerMinute: per(total),
    ownPerAgentPerMinute: per(own),
    ratio: own ? round(total / own) : null,
    bySubscription: Object.fromEntries(Object.entries(bySubscription).map(([name, n]) => [name, per(n)])),
    // What the inboxUpdates frames not about its own chats told: queue counts alone, or other people's chats.
    inboxCountsOnly: per(sum('inboxCountsOnly')),
    inboxOthers: per(sum('inboxOthers')),
    pushedPerSecond: round(total / seconds),
  };
}

/** Goals 1 and 2 of the issue: what decides the largest center. */
const servesWell = (r) => r.day.assign.p99 !== null && r.day.assign.p99 <= 2000 && r.day.assign.unassigned === 0 && r.day.toAgent.p99 <= 500 && r.day.toCustomer.p99 <= 500;

/** Every goal of issue 18 with what was measured against it, size by size, then the largest center. */
export function dayGoals(day) {
  const goals = day.runs.flatMap((r) => [
    {
      goal: `a day of ${r.agents.toLocaleString('en')} agents, ${day.settings.chatsPerSecond} new chats/s: chat start -> assigned p99 <= 2 s`,
      measured: `p50 ${r.day.assign.p50} ms, p99 ${r.day.assign.p99} ms, max ${r.day.assign.max} ms; ${r.day.assign.chats - r.day.assign.unassigned}/${r.day.assign.chats} assigned`,
      pass: r.day.assign.p99 !== null && r.day.assign.p99 <= 2000 && r.day.assign.unassigned === 0,
    },
    {
      goal: `a day of ${r.agents.toLocaleString('en')} agents: customer message -> agent and agent reply -> customer p99 <= 500 ms`,
      measured: `to the agent p50 ${r.day.toAgent.p50} / p99 ${r.day.toAgent.p99} ms (${r.day.toAgent.samples}); to the customer p50 ${r.day.toCustomer.p50} / p99 ${r.day.toCustomer.p99} ms (${r.day.toCustomer.samples})`,
      pass: r.day.toAgent.p99 !== null && r.day.toAgent.p99 <= 500 && r.day.toCustomer.p99 !== null && r.day.toCustomer.p99 <= 500,
    },
    {
      goal: `a day of ${r.agents.toLocaleString('en')} agents: frames pushed per agent per minute <= 2x what its own chats need`,
      measured: `${r.day.frames.perAgentPerMinute} against ${r.day.frames.ownPerAgentPerMinute} about its own chats (${r.day.frames.ratio}x)`,
      pass: r.day.frames.ratio !== null && r.day.frames.ratio <= 2,
    },
    {
      goal: `${r.agents.toLocaleString('en')} sign-ins within ${day.settings.stormSeconds} s while the day runs: every chat assigned within 5 s`,
      measured: `sign-ins done in ${r.storm.seconds} s (p50 ${r.storm.signIn.p50} ms, p99 ${r.storm.signIn.p99} ms, ${r.storm.failed} failed, ${r.storm.retries} retried); chats started meanwhile: max ${r.storm.assign.max} ms, ${r.storm.assign.over5s} over 5 s, ${r.storm.assign.unassigned} unassigned`,
      pass: r.storm.failed === 0 && r.storm.assign.unassigned === 0 && r.storm.assign.over5s === 0,
    },
  ]);
  const limit = limitOf(day);
  goals.push({
    goal: `the largest center that meets the first two goals (sizes run: ${day.runs.map((r) => r.agents).join(', ')})`,
    measured: `${largestText(day)}; at ${limit.agents}, the day: ${usageText(limit.day.usage)}; the storm: ${usageText(limit.storm.usage)}`,
    pass: day.largest !== null,
  });
  return goals;
}

/** The largest size that served well; when it is the largest size run, the center may be larger still. */
function largestText(day) {
  if (day.largest === null) return 'none of them';
  const most = Math.max(...day.runs.map((r) => r.agents));
  return `${day.largest.toLocaleString('en')} agents${day.largest === most ? ' or more (the largest size run)' : ''}`;
}

/** The run that shows what limits the center: the first size that failed goal 1 or 2, else the largest. */
const limitOf = (day) => day.runs.find((r) => !servesWell(r)) ?? day.runs.at(-1);

const usageText = (u) =>
  `API ${u.apiCpu}% of a core (RSS ${u.apiRssMiB} MiB), PostgreSQL ${u.postgresCpu}%, Redis ${u.redisCpu}%, simulator ${u.simulatorCpu}%, others ${u.othersCpu}%; machine ${u.machineBusy}% busy of ${u.cores} cores`;

/**
 * The whole section: each of BENCH_DAY_SIZES on a fresh API process from `start()` (which resolves
 * with { port, adminToken, databaseUrl, pid }), stopped by `stop()` before the next.
 */
export async function benchDay({ start, stop }) {
  const settings = { sizes: SIZES, daySeconds: DAY_SECONDS, chatsPerSecond: CHATS_PER_SECOND, stormSeconds: STORM_SECONDS, earlyShift: EARLY_SHIFT, capacity: CAPACITY };
  const profileDir = process.env.BENCH_NODE_OPTIONS?.match(/--cpu-prof-dir=(\S+)/)?.[1] ?? null;
  const runs = [];
  for (const size of SIZES) {
    const startedAt = Date.now();
    const parley = await start();
    let run;
    try {
      run = await oneDay(parley, size);
    } finally {
      await stop();
    }
    // The profile is written as the process exits: the storm's and the day's samples, each on its own.
    const file = newestProfile(profileDir, startedAt);
    if (file) run.profile = { file, storm: selfTime(file, run.profileMarks.storm.from, run.profileMarks.storm.to), day: selfTime(file, run.profileMarks.day.from, run.profileMarks.day.to) };
    delete run.profileMarks;
    runs.push(run);
    printRun(run, settings);
  }
  const largest = runs.filter(servesWell).reduce((n, r) => Math.max(n ?? 0, r.agents), null);
  const day = { settings, runs, largest };
  for (const g of dayGoals(day)) console.log(`day      ${g.pass ? 'PASS' : 'FAIL'}  ${g.goal}: ${g.measured}`);
  return day;
}

const framesText = (f) =>
  `${f.perAgentPerMinute}, ${f.ownPerAgentPerMinute} of them about its own chats (${f.ratio}x); by subscription ${Object.entries(f.bySubscription)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}${f.inboxCountsOnly === undefined ? '' : `; inboxUpdates about no chat of its own: ${f.inboxCountsOnly} with queue counts alone, ${f.inboxOthers} with other people's chats`}`;

function printRun(r, s) {
  console.log(
    [
      `day      ${r.agents} agents (+${r.earlyShift} early shift), ${s.chatsPerSecond} new chats/s, ${r.chatsStarted} chats, ${r.closed} closed`,
      `day      storm: ${r.storm.signIns} sign-ins in ${r.storm.seconds} s, sign-in p50 ${r.storm.signIn.p50} ms p99 ${r.storm.signIn.p99} ms, app open p99 ${r.storm.open.p99} ms, available p99 ${r.storm.ready.p99} ms after the sign-in's start; chats meanwhile start -> assigned p99 ${r.storm.assign.p99} ms max ${r.storm.assign.max} ms; ${usageText(r.storm.usage)}`,
      `day      day: start -> assigned p50 ${r.day.assign.p50} p99 ${r.day.assign.p99} ms; customer -> agent p50 ${r.day.toAgent.p50} p99 ${r.day.toAgent.p99} ms; agent -> customer p50 ${r.day.toCustomer.p50} p99 ${r.day.toCustomer.p99} ms`,
      `day      frames per agent per minute: ${framesText(r.day.frames)}`,
      `day      ${usageText(r.day.usage)}; API peak RSS ${r.apiPeakRssMiB} MiB; simulator event-loop delay p99 ${r.day.simulatorLoopDelay.p99} ms`,
      Object.keys(r.failures).length ? `day      failures: ${JSON.stringify(r.failures)}` : null,
      r.profile ? `day      the API's profile in the storm: ${profileText(r.profile.storm)}` : null,
      r.profile ? `day      the API's profile in the day: ${profileText(r.profile.day)}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

const profileText = (p) => `${p.samples} samples, idle ${p.idlePct}%, GC ${p.gcPct}%; ${p.owners.map((o) => `${o.owner} ${o.selfPct}%`).join(', ')}`;

/** The section of the results file. */
export function dayMarkdown(day) {
  const s = day.settings;
  const u = (x) => `${x.apiCpu} / ${x.postgresCpu} / ${x.redisCpu} / ${x.simulatorCpu} / ${x.othersCpu}`;
  const limit = limitOf(day);
  return [
    '## A working day',
    '',
    `\`bench/day.mjs\`: an early shift of ${s.earlyShift} agents serves customers arriving at ${s.chatsPerSecond} new chats/s through the widget's mutations; the day's agents sign in within ${s.stormSeconds} s (the storm), each opening the agent web app's subscriptions and setting itself available, and the early shift pauses and leaves once its chats are closed; then the day runs ${s.daySeconds} s. Customers write every 8 to 12 s, agents answer each message within a second and close after three replies; LEAST_BUSY routing, ${s.capacity} chats per agent. CPU in % of one core: API / PostgreSQL (this database's backends) / Redis / the simulator / everything else on the machine.`,
    '',
    '| agents | sign-ins: s, p50 / p99 ms | storm chats: assigned p99 / max ms | day: start -> assigned p50 / p99 ms | customer -> agent p50 / p99 ms | agent -> customer p50 / p99 ms | frames / agent / min (own chats, ratio) | CPU % in the storm | CPU % in the day | API RSS peak MiB |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...day.runs.map(
      (r) =>
        `| ${r.agents} | ${r.storm.seconds}, ${r.storm.signIn.p50} / ${r.storm.signIn.p99} | ${r.storm.assign.p99} / ${r.storm.assign.max} | ${r.day.assign.p50} / ${r.day.assign.p99} | ${r.day.toAgent.p50} / ${r.day.toAgent.p99} | ${r.day.toCustomer.p50} / ${r.day.toCustomer.p99} | ${r.day.frames.perAgentPerMinute} (${r.day.frames.ownPerAgentPerMinute}, ${r.day.frames.ratio}x) | ${u(r.storm.usage)} | ${u(r.day.usage)} | ${r.apiPeakRssMiB} |`,
    ),
    '',
    ...day.runs.flatMap((r) => [
      `${r.agents} agents: frames per agent per minute: ${framesText(r.day.frames)}; ${r.closed} of ${r.chatsStarted} chats closed; reconnections: agents ${r.reconnects.agents}, customers ${r.reconnects.customers}; failures: ${Object.keys(r.failures).length ? JSON.stringify(r.failures) : 'none'}; simulator event-loop delay p99 ${r.day.simulatorLoopDelay.p99} ms.`,
      '',
    ]),
    `Largest center meeting the first two goals: **${largestText(day)}**. At ${limit.agents} agents, the day: ${usageText(limit.day.usage)}; the storm: ${usageText(limit.storm.usage)}.`,
    ...(limit.profile
      ? [
          '',
          `The API process's profile at ${limit.agents} agents (\`--cpu-prof\`), self time with system calls and Node's internals charged to the package or API module that called them:`,
          '',
          `- the storm: ${profileText(limit.profile.storm)}`,
          `- the day: ${profileText(limit.profile.day)}`,
          `- the day's functions: ${limit.profile.day.top.map((t) => `${t.fn} ${t.selfPct}%`).join('; ')}`,
        ]
      : []),
    '',
  ];
}
