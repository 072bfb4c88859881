/**
 * Routing under load across two API processes: 200 chats arrive at once for 20 agents of capacity
 * 3 who close their chats as they get them. No agent ever holds more than 3, every chat is assigned
 * exactly once, and the queue drains oldest first.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { ok } from './support/graphql.js';
import { connect, type TestWsClient } from './support/ws-client.js';
import { adminToken, createCampaign, createPerson, type Person, startWidgetChat, untilConnected } from './support/world.js';

const AGENTS = 20;
const CAPACITY = 3;
const CHATS = 200;

let apis: ApiProcess[];
const sockets: TestWsClient[] = [];

beforeAll(async () => {
  apis = await Promise.all([startApi(), startApi()]);
});

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await Promise.all(apis.map((a) => a.stop()));
});

it('never over capacity, each chat assigned once, oldest first', async () => {
  const [a, b] = apis as [ApiProcess, ApiProcess];
  const admin = await adminToken(a.url);
  const agents: Person[] = [];
  for (let i = 0; i < AGENTS; i++) agents.push(await createPerson(a.url, admin, 'AGENT', { maxConcurrentChats: CAPACITY }));
  const campaign = await createCampaign(a.url, admin, { routingStrategy: 'LEAST_BUSY', memberIds: agents.map((x) => x.id) });

  // Every agent is online, on one process or the other, and closes each chat it gets shortly after.
  const closing: Promise<unknown>[] = [];
  agents.forEach((agent, i) => {
    const api = i % 2 ? b : a;
    const ws = connect(api.wsUrl, agent.token);
    sockets.push(ws);
    const seen = new Set<string>();
    const sub = ws.subscribe<any>('subscription($c: ID) { interactionChanged(filter: { campaignId: $c }) { interaction { id phase agent { id } } } }', { c: campaign.id });
    const check = setInterval(() => {
      for (const e of sub.events) {
        const it = e.interactionChanged.interaction;
        if (!it || it.phase !== 'IN_SERVICE' || it.agent?.id !== agent.id || seen.has(it.id)) continue;
        seen.add(it.id);
        closing.push(
          new Promise((r) => setTimeout(r, 5 + Math.random() * 40)).then(() =>
            ok((i % 3 ? a : b).url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: it.id }, agent.token),
          ),
        );
      }
    }, 20);
    (ws as any).stop = () => clearInterval(check);
  });
  for (const agent of agents) {
    await untilConnected(a.url, agent.token);
  }

  // 200 chats arrive at once, half through each process.
  await Promise.all(Array.from({ length: CHATS }, (_, i) => startWidgetChat(i % 2 ? b.url : a.url, campaign.id, `c${i}`)));

  const LIST = `query($c: ID, $after: String) { interactions(filter: { campaignId: $c }, first: 200, after: $after, order: OLDEST_FIRST) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id phase queuedAt assignedAt closedAt agent { id } events { type } } } } }`;
  let closed = 0;
  for (let waited = 0; waited < 90_000 && closed < CHATS; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    closed = (await ok(a.url, 'query($c: ID) { interactions(filter: { campaignId: $c, phases: [CLOSED] }, first: 1) { totalCount } }', { c: campaign.id }, admin)).interactions.totalCount;
  }
  sockets.forEach((s) => (s as any).stop?.());
  await Promise.all(closing);
  expect(closed).toBe(CHATS);

  const nodes: any[] = [];
  let after: string | null = null;
  do {
    const page: any = (await ok(a.url, LIST, { c: campaign.id, after }, admin)).interactions;
    nodes.push(...page.edges.map((e: any) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(nodes).toHaveLength(CHATS);

  // Each chat was assigned exactly once.
  for (const n of nodes) expect(n.events.filter((e: any) => e.type === 'TAKEN')).toHaveLength(1);

  // No agent ever held more than its capacity: sweep its chats' [assigned, closed) intervals.
  let maxHeld = 0;
  for (const agent of agents) {
    const edges = nodes
      .filter((n) => n.agent?.id === agent.id)
      .flatMap((n) => [
        [Date.parse(n.assignedAt), 1],
        [Date.parse(n.closedAt), -1],
      ])
      .sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
    let held = 0;
    for (const [, d] of edges) maxHeld = Math.max(maxHeld, (held += d!));
  }
  expect(maxHeld).toBeLessThanOrEqual(CAPACITY);

  // Oldest first: a chat queued clearly earlier (by more than the arrival jitter) was never assigned later.
  const byQueue = [...nodes].sort((x, y) => Date.parse(x.queuedAt) - Date.parse(y.queuedAt));
  let inversions = 0;
  for (let i = 0; i < byQueue.length; i++) {
    for (let j = i + 1; j < byQueue.length; j++) {
      const older = byQueue[i]!;
      const newer = byQueue[j]!;
      if (Date.parse(newer.queuedAt) - Date.parse(older.queuedAt) > 500 && Date.parse(older.assignedAt) > Date.parse(newer.assignedAt)) inversions++;
    }
  }
  expect(inversions).toBe(0);
  console.log(`routing load: ${CHATS} chats, ${AGENTS} agents x ${CAPACITY}; max held ${maxHeld}; inversions ${inversions}`);
}, 180_000);
