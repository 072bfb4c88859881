// Routing and monitor benchmarks (issue 3): assignments per second with over-assignments counted,
// next to a raw SQL baseline; and the monitor snapshot with 1,000 agents and 10,000 open chats.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const round = (n) => Math.round(n * 100) / 100;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The load generator shares the machine's cores with what it measures: node:http on kept-alive
// connections leaves more of them to the servers than fetch did (the raw pipeline went from 1,525
// to 2,147 messages/s on a 2-core machine, Parley from 540 to 889).
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One POST of `body` to 127.0.0.1:`port` `path`; resolves with the response's bytes, once the last has arrived. */
export function post(port, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => resolve(Buffer.concat(parts)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One GraphQL request to a bench API process; errors throw. */
export async function gql(port, query, variables, token) {
  const body = JSON.parse(await post(port, '/graphql', JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {}));
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** As many calls of `send` as possible for `seconds`, `inFlight` at a time; resolves with how many were made. */
export async function saturate(seconds, inFlight, send) {
  const until = performance.now() + seconds * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) await send(sent++);
    }),
  );
  return sent;
}

async function onlineAgents(port, adminToken, count, capacity) {
  const people = [];
  for (let i = 0; i < count; i++) {
    const email = `route-${randomUUID().slice(0, 8)}@bench.dev`;
    await gql(
      port,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email, name: email, password: 'bench-password-123', role: 'AGENT', maxConcurrentChats: capacity } },
      adminToken,
    );
    const s = (await gql(port, 'mutation($e: String!) { signIn(email: $e, password: "bench-password-123") { token user { id } } }', { e: email })).signIn;
    people.push({ token: s.token, id: s.user.id });
  }
  return people;
}

/** Every agent closes each chat it gets shortly after: capacity keeps freeing, as in a working day. */
function closeAsAssigned(port, people, campaignId, closes) {
  return people.map((p) => {
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${p.token}` } });
    const seen = new Set();
    // As the web app does: a chat given to the agent arrives on its own inbox feed.
    client.subscribe(
      { query: 'subscription { inboxUpdates { changes { interaction { id phase campaign { id } agent { id } } } } }' },
      {
        next: ({ data }) => {
          for (const { interaction: it } of data.inboxUpdates.changes) {
            if (!it || it.campaign.id !== campaignId || it.phase !== 'IN_SERVICE' || it.agent?.id !== p.id || seen.has(it.id)) continue;
            seen.add(it.id);
            closes.push(sleep(20).then(() => gql(port, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: it.id }, p.token)));
          }
        },
        error: () => {},
        complete: () => {},
      },
    );
    return client;
  });
}

async function allClosed(port, adminToken, campaignId, chats) {
  for (let waited = 0; waited < 180_000; waited += 200) {
    const closed = (await gql(port, 'query($c: ID) { interactions(filter: { campaignId: $c, phases: [CLOSED] }, first: 1) { totalCount } }', { c: campaignId }, adminToken)).interactions.totalCount;
    if (closed >= chats) return;
    await sleep(200);
  }
  throw new Error('chats were not all assigned and closed in 3 minutes');
}

async function chatsOf(port, adminToken, campaignId) {
  const LIST =
    'query($c: ID, $after: String) { interactions(filter: { campaignId: $c }, first: 200, after: $after) { pageInfo { hasNextPage endCursor } edges { node { queuedAt assignedAt closedAt agent { id } } } } }';
  let nodes = [];
  let after = null;
  do {
    const page = (await gql(port, LIST, { c: campaignId, after }, adminToken)).interactions;
    nodes = nodes.concat(page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

function overAssignments(nodes, people, capacity) {
  let over = 0;
  for (const p of people) {
    const edges = nodes
      .filter((n) => n.agent?.id === p.id && n.assignedAt)
      .flatMap((n) => [
        [Date.parse(n.assignedAt), 1],
        [Date.parse(n.closedAt), -1],
      ])
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let held = 0;
    for (const [, d] of edges) if ((held += d) > capacity) over++;
  }
  return over;
}

/**
 * Parley's routing, two ways. Drain: a backlog of chats waits while every agent is paused, then all
 * resume at once and routing assigns as capacity frees (assignments per second). Arrival: chats
 * arrive steadily to available agents (enqueue-to-assign latency). Over-assignments are counted
 * from the stored assign and close times of every chat.
 */
export async function benchRouting({ port, adminToken, agents = 40, capacity = 5, chats = 600, inFlight = 16 }) {
  const people = await onlineAgents(port, adminToken, agents, capacity);
  const reason = (await gql(port, 'mutation { createPauseReason(name: "Bench", icon: "coffee") { id } }', {}, adminToken)).createPauseReason.id;
  const create = async (name) =>
    (await gql(port, 'mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', { i: { name, routingStrategy: 'LEAST_BUSY', memberIds: people.map((p) => p.id) } }, adminToken))
      .createCampaign.id;
  const drainCampaign = await create(`Drain ${randomUUID().slice(0, 6)}`);
  const closes = [];
  const clients = closeAsAssigned(port, people, drainCampaign, closes);
  for (const p of people) {
    for (let i = 0; i < 100 && !(await gql(port, '{ myStatus { connected } }', {}, p.token)).myStatus.connected; i++) await sleep(20);
    await gql(port, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: reason }, p.token);
  }
  let next = 0;
  const start = () => gql(port, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', { i: { campaignId: drainCampaign, channel: 'WEBCHAT', contact: {} } });
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < chats) await start();
    }),
  );
  const resumedAt = Date.now();
  await Promise.all(people.map((p) => gql(port, 'mutation { setMyState(state: AVAILABLE) { state } }', {}, p.token)));
  await allClosed(port, adminToken, drainCampaign, chats);
  await Promise.all(closes);
  const drained = await chatsOf(port, adminToken, drainCampaign);
  const lastAssigned = Math.max(...drained.map((n) => Date.parse(n.assignedAt)));
  const drain = { chats, perSecond: Math.round(chats / ((lastAssigned - resumedAt) / 1000)), overAssignments: overAssignments(drained, people, capacity) };
  await Promise.all(clients.map((c) => c.dispose()));

  const arrivalCampaign = await create(`Arrival ${randomUUID().slice(0, 6)}`);
  const closes2 = [];
  const clients2 = closeAsAssigned(port, people, arrivalCampaign, closes2);
  await sleep(300);
  const arrivals = 200;
  next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next++ < arrivals) {
        await start2();
        await sleep(10);
      }
    }),
  );
  async function start2() {
    await gql(port, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', { i: { campaignId: arrivalCampaign, channel: 'WEBCHAT', contact: {} } });
  }
  await allClosed(port, adminToken, arrivalCampaign, arrivals);
  await Promise.all(closes2);
  const arrived = await chatsOf(port, adminToken, arrivalCampaign);
  const waits = arrived.map((n) => Date.parse(n.assignedAt) - Date.parse(n.queuedAt)).sort((a, b) => a - b);
  await Promise.all(clients2.map((c) => c.dispose()));

  // Routing alone: a backlog that the agents' capacity can absorb, assigned the moment they resume,
  // with no closes in between (the drain above is bound by the agents' close mutations).
  const burstCampaign = await create(`Burst ${randomUUID().slice(0, 6)}`);
  const burstCapacity = Math.ceil(chats / agents);
  for (const p of people) await gql(port, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: reason }, p.token);
  for (const p of people) await gql(port, 'mutation($id: ID!, $m: Int!) { updateUser(id: $id, input: { maxConcurrentChats: $m }) { id } }', { id: p.id, m: burstCapacity }, adminToken);
  next = 0;
  const startBurst = () =>
    gql(port, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', { i: { campaignId: burstCampaign, channel: 'WEBCHAT', contact: {} } });
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < chats) await startBurst();
    }),
  );
  const burstFrom = Date.now();
  await Promise.all(people.map((p) => gql(port, 'mutation { setMyState(state: AVAILABLE) { state } }', {}, p.token)));
  let burst = [];
  for (let waited = 0; waited < 60_000; waited += 100) {
    burst = await chatsOf(port, adminToken, burstCampaign);
    if (burst.every((n) => n.assignedAt)) break;
    await sleep(100);
  }
  const burstLast = Math.max(...burst.map((n) => Date.parse(n.assignedAt)));
  return {
    agents,
    capacity,
    burst: { chats, capacity: burstCapacity, perSecond: Math.round(chats / ((burstLast - burstFrom) / 1000)), overAssignments: overAssignments(burst, people, burstCapacity) },
    drain,
    arrival: { chats: arrivals, enqueueToAssign: { p50: round(percentile(waits, 50)), p99: round(percentile(waits, 99)) }, overAssignments: overAssignments(arrived, people, capacity) },
  };
}

/** The baseline: one SQL statement per chat picks the least busy agent under SKIP LOCKED and assigns it. */
export async function benchRawRouting(databaseUrl, { agents = 40, capacity = 5, chats = 600, inFlight = 16 } = {}) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: inFlight });
  await pool.query(`create table if not exists raw_agents (id int primary key, active int not null default 0, cap int not null);
    create table if not exists raw_queue (id bigserial primary key, queued_at timestamptz not null default clock_timestamp(), agent_id int, assigned_at timestamptz)`);
  await pool.query('truncate raw_agents, raw_queue');
  await pool.query(`insert into raw_agents (id, cap) select g, $1 from generate_series(1, $2) g`, [capacity, agents]);
  const waits = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < chats) {
        next++;
        const client = await pool.connect();
        try {
          await client.query('begin');
          const { rows } = await client.query(
            `with a as (select id from raw_agents where active < cap order by active, id limit 1 for update skip locked),
                  q as (insert into raw_queue default values returning id, queued_at)
             update raw_agents set active = active + 1 from a where raw_agents.id = a.id returning raw_agents.id, (select queued_at from q) as queued_at, (select id from q) as chat`,
          );
          if (rows[0]) await client.query('update raw_queue set agent_id = $1, assigned_at = clock_timestamp() where id = $2', [rows[0].id, rows[0].chat]);
          await client.query('commit');
          // The agent closes it straight away, freeing the slot.
          if (rows[0]) {
            waits.push(0);
            await client.query('update raw_agents set active = active - 1 where id = $1', [rows[0].id]);
          }
        } finally {
          client.release();
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await pool.query('drop table raw_agents, raw_queue');
  await pool.end();
  return { chats, assigned: waits.length, perSecond: Math.round(waits.length / seconds) };
}

/**
 * Seeds `agents` agents and `chats` open chats straight into the database, in its oldest campaign:
 * 7 in 10 in service (spread over the agents), 2 waiting, 1 in the bot. The monitor screen bench reuses it.
 */
export async function seedMonitorCenter({ databaseUrl, agents = 1000, chats = 10_000 }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const campaign = (await pool.query('select id from campaigns order by created_at limit 1')).rows[0].id;
  const tray = (await pool.query("select id from trays where campaign_id = $1 and kind = 'GENERAL'", [campaign])).rows[0].id;
  await pool.query(
    `insert into users (id, email, name, password_hash, role, languages, skills, max_concurrent_chats, may_monitor_screen, active, created_at, password_changed_at)
     select gen_random_uuid(), 'mon-' || g || '@bench.dev', 'Agent ' || g, 'x', 'AGENT', '{}', '{}', 12, false, true, now(), now() from generate_series(1, $1) g`,
    [agents],
  );
  await pool.query("insert into agent_status (user_id, state_changed_at) select id, now() from users where email like 'mon-%' on conflict do nothing");
  await pool.query(
    `with c as (insert into contacts (id, name, email, state, state_changed_at, created_at)
                select gen_random_uuid(), 'Contact ' || g, 'c' || g || '@bench.dev', 'TRAY', now(), now() from generate_series(1, $1) g returning id),
          numbered as (select id, row_number() over () as n from c),
          a as (select id, row_number() over () as n from users where email like 'mon-%')
     insert into interactions (id, protocol, campaign_id, contact_id, channel, phase, status, tray_id, agent_id, bot_answers, notes, expertise, last_sequence, created_at, queued_at, assigned_at, updated_at)
     select gen_random_uuid(), 'MON-' || numbered.n, $2, numbered.id, 'WEBCHAT',
            (case when numbered.n % 10 < 7 then 'IN_SERVICE' when numbered.n % 10 < 9 then 'WAITING' else 'BOT' end)::phase, 'IN_PROGRESS',
            $3, case when numbered.n % 10 < 7 then (select id from a where a.n = 1 + numbered.n % $4) end, '[]', '[]', '{}', 0,
            now() - interval '10 minutes', now() - interval '9 minutes', case when numbered.n % 10 < 7 then now() - interval '8 minutes' end, now()
       from numbered`,
    [chats, campaign, tray, agents],
  );
  await pool.end();
  return { campaign, tray };
}

/** Seeds 1,000 agents and 10,000 open chats straight into the database, then times the snapshot. */
export async function benchMonitor({ port, adminToken, databaseUrl, agents = 1000, chats = 10_000, samples = 30 }) {
  await seedMonitorCenter({ databaseUrl, agents, chats });
  // The supervisor's main screen: totals, service levels, every agent row with its colours, the
  // waiting customers and the teams, all computed over the 10,000 open chats.
  const DASHBOARD = `{ monitor { generatedAt totals { open bot waiting inService } campaigns { campaign { id name } serviceLevel queuedToday }
    agents { userId name state stateChangedAt pauseReason { name icon } onCall channels completedToday activeChats maxConcurrentChats alert bands { green yellow red } teamIds }
    waiting { id protocol since contact { name email } campaign { name } } teams { team { id name } agentIds activeChats } } }`;
  // Everything listed besides: each agent's chats and the bot and in-service phase lists.
  const FULL = `{ monitor { generatedAt totals { open bot waiting inService } campaigns { serviceLevel }
    agents { userId name state stateChangedAt activeChats completedToday channels alert chats { id protocol band since } }
    waiting { id protocol since contact { name email } } bot { id } inService { id } teams { team { id } } } }`;
  const TOTALS = '{ monitor { totals { open bot waiting inService } } }';
  // Timed to the last byte of the response: the client's own JSON parsing of a 2 MB body runs on
  // the same two cores but is not the server's snapshot.
  const fetchBody = (query) => post(port, '/graphql', JSON.stringify({ query }), { authorization: `Bearer ${adminToken}` });
  let bytes = 0;
  const time = async (query, before = async () => {}) => {
    const first = JSON.parse(await fetchBody(query));
    if (first.errors) throw new Error(JSON.stringify(first.errors));
    const times = [];
    for (let i = 0; i < samples; i++) {
      await before();
      const t = performance.now();
      bytes = (await fetchBody(query)).length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), bytes };
  };
  // A change just before each request: the rows must be loaded again (an agent pausing and resuming).
  const agent = (
    await gql(
      port,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email: `mon-change-${randomUUID().slice(0, 6)}@bench.dev`, name: 'Changer', password: 'bench-password-123', role: 'AGENT' } },
      adminToken,
    )
  ).createUser.id;
  const reason = (await gql(port, 'mutation { createPauseReason(name: "Monitor bench", icon: "coffee") { id } }', {}, adminToken)).createPauseReason.id;
  let paused = false;
  const change = async () => {
    paused = !paused;
    await gql(
      port,
      paused ? 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { state } }' : 'mutation($u: ID!) { resumeAgent(userId: $u) { state } }',
      paused ? { u: agent, r: reason } : { u: agent },
      adminToken,
    );
  };
  return { agents, chats, dashboard: await time(DASHBOARD), afterChange: await time(DASHBOARD, change), full: await time(FULL), totalsOnly: await time(TOTALS) };
}
