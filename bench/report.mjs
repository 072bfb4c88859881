// The results file of `npm run bench`: the ratios to the raw pipeline first, then every goal of
// issue 7 with its measured figure, then each section in words.
import fs from 'node:fs';
import path from 'node:path';
import { dayGoals, dayMarkdown } from './day.mjs';
import { round } from './engine.mjs';

const kib = (bytes) => Math.round(bytes / 1024);

/** Every goal with what was measured against it; ratios are to the raw pipeline of the same run (issue 16). */
export function goals(report) {
  const { parley, raw, customer, customerBurst, twoProcesses, fanout, engine, webhooks } = report;
  const bySize = (n) => fanout.find((f) => f.subscribers === n);
  const { burst, drain, arrival } = engine.routing;
  const over = burst.overAssignments + drain.overAssignments + arrival.overAssignments;
  const latencyGoal = (label, run) => {
    const p50 = round(run.latency.p50 / raw.latency.p50);
    const p99 = round(run.latency.p99 / raw.latency.p99);
    return {
      goal: `${label} at ${report.settings.RATE}/s: p50 <= 2x, p99 <= 3x the raw pipeline's`,
      measured: `p50 ${run.latency.p50} ms (${p50}x), p99 ${run.latency.p99} ms (${p99}x); raw ${raw.latency.p50} / ${raw.latency.p99} ms`,
      pass: p50 <= 2 && p99 <= 3 && run.latency.lost === 0,
    };
  };
  const throughputGoal = (label, run) => ({
    goal: `${label}: throughput >= 0.6x raw, every message delivered`,
    measured: `${run.throughput.perSecond}/s (${ratio(run, raw)}x), ${run.throughput.delivered}/${run.throughput.sent} delivered`,
    pass: ratio(run, raw) >= 0.6 && run.throughput.allDelivered,
  });
  const fanoutGoal = (n, ms) => {
    const f = bySize(n);
    return { goal: `one message to ${n.toLocaleString('en')} subscribers, last frame p99 <= ${ms} ms`, measured: f ? `${f.last.p99} ms` : 'not run', pass: !!f && f.last.p99 <= ms };
  };
  return [
    latencyGoal('customer posting', customer),
    latencyGoal(`customer posting after a burst of ${customerBurst.burst.posts} concurrent posts`, customerBurst),
    latencyGoal('agent posting', parley),
    throughputGoal('customer posting', customer),
    throughputGoal('agent posting', parley),
    fanoutGoal(1000, 50),
    fanoutGoal(5000, 200),
    {
      goal: 'snapshot of 1,000 agents and 10,000 chats: p50 <= 40 ms, p99 <= 100 ms',
      measured: `p50 ${engine.monitor.dashboard.p50} ms, p99 ${engine.monitor.dashboard.p99} ms`,
      pass: engine.monitor.dashboard.p50 <= 40 && engine.monitor.dashboard.p99 <= 100,
    },
    {
      goal: 'working-day drain with closes through the API >= 300 assignments/s, 0 over-assignments',
      measured: `${drain.perSecond}/s, ${over} over-assignments`,
      pass: drain.perSecond >= 300 && over === 0,
    },
    { goal: 'routing alone >= 300 assignments/s', measured: `${burst.perSecond}/s`, pass: burst.perSecond >= 300 },
    {
      goal: 'two processes >= 1.3x one',
      measured: `${round(twoProcesses.throughput.perSecond / parley.throughput.perSecond)}x (${twoProcesses.throughput.perSecond}/s against ${parley.throughput.perSecond}/s)`,
      pass: twoProcesses.throughput.perSecond >= 1.3 * parley.throughput.perSecond && twoProcesses.throughput.allDelivered,
    },
    ...webhookGoals(webhooks),
    ...(report.day ? dayGoals(report.day) : []),
  ];
}

/** 300 events in a few seconds: all at a healthy receiver within 10 s of the last, p99 <= 2 s, and within 1.5x beside a hook that never answers. */
function webhookGoals(w) {
  if (!w) return [{ goal: 'webhooks: 300 events all delivered within 10 s of the last, event-to-arrival p99 <= 2 s', measured: 'not run', pass: false }];
  const fine = (b) => b.arrived === b.events && b.lastArrivalAfterLastEventSeconds <= 10;
  return [
    {
      goal: 'webhooks: 300 events all delivered within 10 s of the last, event-to-arrival p99 <= 2 s',
      measured: `${w.alone.arrived}/${w.alone.events}, last ${w.alone.lastArrivalAfterLastEventSeconds} s after, p99 ${w.alone.eventToArrival.p99} ms`,
      pass: fine(w.alone) && w.alone.eventToArrival.p99 <= 2000,
    },
    {
      goal: 'webhooks beside a hook that times out on every request: the healthy one within 1.5x',
      measured: `${w.besideStuck.arrived}/${w.besideStuck.events}, p99 ${w.besideStuck.eventToArrival.p99} ms (${w.p99Ratio}x)`,
      pass: fine(w.besideStuck) && w.besideStuck.eventToArrival.p99 <= Math.max(1.5 * w.alone.eventToArrival.p99, 2000),
    },
  ];
}

const ratio = (a, b) => round(a.throughput.perSecond / b.throughput.perSecond);

/** The lines printed at the end of a run and put first in the file. */
export function summaryLines(report) {
  const { parley, raw, customer, twoProcesses } = report;
  const against = (run) =>
    `throughput ${ratio(run, raw)}x (${run.throughput.perSecond} against ${raw.throughput.perSecond} messages/s); latency at ${report.settings.RATE}/s p50 ${round(run.latency.p50 / raw.latency.p50)}x (${run.latency.p50} against ${raw.latency.p50} ms), p99 ${round(run.latency.p99 / raw.latency.p99)}x (${run.latency.p99} against ${raw.latency.p99} ms)`;
  return [
    `Parley / raw pipeline, agent posting: ${against(parley)}; customers posting: ${against(customer)}; two Parley processes ${ratio(twoProcesses, raw)}x.`,
    ...goals(report).map((g) => `${g.pass ? 'pass' : 'FAIL'}  ${g.goal}: ${g.measured}`),
  ];
}

/** Writes `<name>.md` and `<name>.json` into `dir` (the run's date unless named); returns the markdown file's path. */
export function writeReport(dir, report, name = report.date.slice(0, 10)) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
  const file = path.join(dir, `${name}.md`);
  fs.writeFileSync(file, markdown(report).join('\n'));
  return file;
}

function markdown(report) {
  const { machine, settings: s, calibration: c, raw, parley, twoProcesses, fanout, engine } = report;
  const row = (r) => `| ${r.name} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${r.throughput.perSecond} | ${r.throughput.delivered}/${r.throughput.sent} | ${ratio(r, raw)}x |`;
  return [
    `# Benchmark ${report.date}`,
    '',
    `Machine: ${machine}. Reproduce with \`npm run bench\` (one section: \`node bench/run.mjs --only fanout\`).`,
    '',
    '## Against the raw pipeline',
    '',
    ...summaryLines(report).slice(0, 1),
    '',
    `${s.CHATS} chats with one WebSocket subscriber each; latency at ${s.RATE} messages/s for ${s.LATENCY_SECONDS} s (post sent -> subscriber frame); throughput with ${s.IN_FLIGHT} concurrent senders for ${s.THROUGHPUT_SECONDS} s, counting what the subscribers received${s.THROUGHPUT_ROUNDS ? `; both in ${s.THROUGHPUT_ROUNDS} windows per pipeline taken in turns (raw, agent, customer, customer socket, raw, ...) with every server running, so a change in the machine's speed or a stall falls on all alike` : ''}. The raw pipeline is the same work hand-written: one transaction (sequence bump and insert), a Redis publish, the JSON to each WebSocket (\`bench/raw-server.mjs\`). Two processes: chats and senders alternate between two API processes on one database and one Redis, and each chat's subscriber is on the other process.`,
    '',
    '| pipeline | p50 ms | p99 ms | max ms | messages/s | delivered | throughput / raw |',
    '|---|---|---|---|---|---|---|',
    row(raw),
    row(parley),
    row(report.customer),
    ...(report.customerSocket ? [row(report.customerSocket)] : []),
    row(twoProcesses),
    '',
    ...(raw.throughput.cpu
      ? [
          "CPU per message while saturated, µs (PostgreSQL: this database's backends; generator: the load generator itself; others: the rest of the machine, the idle servers of the other pipelines included):",
          '',
          '| pipeline | server | PostgreSQL | Redis | generator | others |',
          '|---|---|---|---|---|---|',
          ...[raw, parley, report.customer, report.customerSocket]
            .filter((r) => r?.throughput?.cpu)
            .map((r) => `| ${r.name} | ${r.throughput.cpu.server} | ${r.throughput.cpu.postgres} | ${r.throughput.cpu.redis} | ${r.throughput.cpu.generator} | ${r.throughput.cpu.others} |`),
          '',
        ]
      : []),
    ...(report.customerSocket
      ? [
          `\`customer socket\` is the customers' run again with the API reaching PostgreSQL over its Unix socket (\`DATABASE_URL=postgres://postgres@localhost/db?host=/var/run/postgresql\`); every other row uses TCP on 127.0.0.1, the raw pipeline included.`,
          '',
        ]
      : []),
    `Customers posting (\`customer\`): each chat's customer posts with its visitor token, as the widget does, and the agent receives on a socket per chat. After a burst: ${report.customerBurst.burst.posts} posts sent at once (four per chat), all answered in ${report.customerBurst.burst.allAnsweredMs} ms (each answered p50 ${report.customerBurst.burst.answer.p50} ms, p99 ${report.customerBurst.burst.answer.p99} ms); the ${s.BURST_SECONDS ?? s.LATENCY_SECONDS} s at ${s.RATE}/s that followed: p50 ${report.customerBurst.latency.p50} ms, p99 ${report.customerBurst.latency.p99} ms, max ${report.customerBurst.latency.max} ms, ${report.customerBurst.latency.lost} lost.`,
    '',
    '## Goals',
    '',
    '| goal | measured | |',
    '|---|---|---|',
    ...goals(report).map((g) => `| ${g.goal} | ${g.measured} | ${g.pass ? 'pass' : '**fail**'} |`),
    '',
    '## This machine',
    '',
    `PostgreSQL insert committed, one connection: p50 ${c.postgres.insert.p50us} µs, p99 ${c.postgres.insert.p99us} µs, ${c.postgres.insert.perSecond}/s; ten connections: ${c.postgres.insertsPerSecondTenConnections}/s. Redis publish: p50 ${c.redis.publish.p50us} µs, ${c.redis.publish.perSecond}/s one at a time, ${c.redis.publishesPerSecondPipelined}/s with 32 in flight. Loopback TCP round trip between two processes (64 bytes): p50 ${c.loopback.roundTrip.p50us} µs, p99 ${c.loopback.roundTrip.p99us} µs.`,
    '',
    '## Fan-out',
    '',
    `One chat followed by N supervisors, each on their own WebSocket (\`messageAdded\`); one message posted at a time, timed from just before the post to the first and the last subscriber's frame.`,
    '',
    '| subscribers | messages | first frame p50 ms | last frame p50 ms | last frame p99 ms | slowest ms | sockets opened in s |',
    '|---|---|---|---|---|---|---|',
    ...fanout.map((f) => `| ${f.subscribers} | ${f.rounds} | ${f.first.p50} | ${f.last.p50} | ${f.last.p99} | ${f.last.max} | ${f.connectSeconds} |`),
    '',
    ...(report.webhooks ? webhookSection(report.webhooks) : []),
    '## Routing and monitor',
    '',
    `Routing (LEAST_BUSY). Routing alone: a backlog of ${engine.routing.burst.chats} chats assigned once ${engine.routing.agents} agents x ${engine.routing.burst.capacity} resume at once: **${engine.routing.burst.perSecond} assignments/s**, ${engine.routing.burst.overAssignments} over-assignments. A working day (${engine.routing.agents} agents x ${engine.routing.capacity}, each agent closing a chat through the API 20 ms after getting it): drain of a backlog of ${engine.routing.drain.chats} chats once every agent resumes: **${engine.routing.drain.perSecond} assignments/s** (bound by the close mutations, each a GraphQL request and transaction), ${engine.routing.drain.overAssignments} over-assignments. Steady arrivals (${engine.routing.arrival.chats} chats): enqueue-to-assign p50 ${engine.routing.arrival.enqueueToAssign.p50} ms, p99 ${engine.routing.arrival.enqueueToAssign.p99} ms, ${engine.routing.arrival.overAssignments} over-assignments. Raw SQL baseline (one statement per chat under SKIP LOCKED, no events, no GraphQL): ${engine.rawRouting.perSecond} assignments/s.`,
    '',
    `Monitor snapshot over GraphQL with ${engine.monitor.agents} agents and ${engine.monitor.chats} open chats, timed to the last byte: the dashboard's snapshot (totals, service levels, every agent row with its band counts, the waiting customers, teams; ${kib(engine.monitor.dashboard.bytes)} KiB) **p50 ${engine.monitor.dashboard.p50} ms, p99 ${engine.monitor.dashboard.p99} ms**; the first one after a change (rows loaded again) p50 ${engine.monitor.afterChange.p50} ms, p99 ${engine.monitor.afterChange.p99} ms; with every chat listed besides (${kib(engine.monitor.full.bytes)} KiB) p50 ${engine.monitor.full.p50} ms, p99 ${engine.monitor.full.p99} ms; totals only p50 ${engine.monitor.totalsOnly.p50} ms, p99 ${engine.monitor.totalsOnly.p99} ms.`,
    '',
    ...screenSection(engine.monitorScreen),
    ...(report.day ? dayMarkdown(report.day) : []),
  ];
}

/** The monitor screen's figures, its goals marked pass or fail. */
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

/** The webhooks section: a burst of STARTED events to a healthy receiver, alone and beside one that never answers. */
function webhookSection(w) {
  const line = (name, b) =>
    `| ${name} | ${b.arrived}/${b.events} | ${b.producedInSeconds} | ${b.lastArrivalAfterLastEventSeconds} | ${b.eventToArrival.p50} | ${b.eventToArrival.p99} | ${b.eventToArrival.max} |`;
  return [
    '## Webhooks',
    '',
    "New chats started as widgets start them (16 at a time), one STARTED event each, to a hook whose receiver on loopback answers at once; then the same beside a second hook whose receiver never answers (every request runs to `WEBHOOK_TIMEOUT_MS`). Event-to-arrival counts from the event's `createdAt`.",
    '',
    '| run | arrived | made in s | last arrival after the last event, s | event-to-arrival p50 ms | p99 ms | slowest ms |',
    '|---|---|---|---|---|---|---|',
    line('alone', w.alone),
    line('beside a hook that never answers', w.besideStuck),
    '',
  ];
}
