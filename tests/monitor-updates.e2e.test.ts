/**
 * The dashboard's feed in changes (monitorUpdates): everything first, then only the agents and chats
 * that changed, closed chats by id; replayed in order it draws what a fresh `monitor` query shows.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { ok } from './support/graphql.js';
import { connect, type TestWsClient } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, startWidgetChat, untilConnected } from './support/world.js';

let api: ApiProcess;
let admin: string;
let campaign: CampaignFixture;
let taker: Person;
let idle: Person;
let supervisor: Person;
const sockets: TestWsClient[] = [];

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin, { thresholdsSeconds: [60, 120, 180] });
  taker = await createPerson(api.url, admin, 'AGENT');
  idle = await createPerson(api.url, admin, 'AGENT');
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  // Both agents have the web app open, so they are present.
  for (const person of [taker, idle]) {
    const socket = connect(api.wsUrl, person.token);
    socket.subscribe('subscription { interactionChanged { kind } }');
    sockets.push(socket);
    await untilConnected(api.url, person.token);
  }
});

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await api?.stop();
});

const UPDATES = `subscription($f: MonitorFilterInput) { monitorUpdates(filter: $f) {
  full generatedAt
  totals { open bot waiting inService }
  agents { userId state activeChats }
  removedAgentIds
  chats { id phase agentId }
  removedChatIds
} }`;

const MONITOR = `query($f: MonitorFilterInput) { monitor(filter: $f) {
  totals { open bot waiting inService }
  agents { userId state }
  bot { id phase agentId }
  waiting { id phase agentId }
  inService { id phase agentId }
} }`;

interface Update {
  full: boolean;
  totals: Record<string, number>;
  agents: { userId: string; state: string; activeChats: number }[];
  removedAgentIds: string[];
  chats: { id: string; phase: string; agentId: string | null }[];
  removedChatIds: string[];
}

/** What a client holds after applying the updates in order, as a `monitor` query would list it. */
function replay(updates: Update[]) {
  const agents = new Map<string, string>();
  const chats = new Map<string, { id: string; phase: string; agentId: string | null }>();
  let totals: Record<string, number> = {};
  for (const u of updates) {
    if (u.full) {
      agents.clear();
      chats.clear();
    }
    u.removedAgentIds.forEach((id) => agents.delete(id));
    u.agents.forEach((a) => agents.set(a.userId, a.state));
    u.removedChatIds.forEach((id) => chats.delete(id));
    u.chats.forEach((c) => chats.set(c.id, c));
    totals = u.totals;
  }
  return { totals, agents: Object.fromEntries([...agents].sort()), chats: [...chats.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}

async function fresh(filter: object) {
  const m = (await ok(api.url, MONITOR, { f: filter }, supervisor.token)).monitor;
  const chats = [...m.bot, ...m.waiting, ...m.inService].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id));
  return { totals: m.totals, agents: Object.fromEntries(m.agents.map((a: { userId: string; state: string }) => [a.userId, a.state]).sort()), chats };
}

const take = (id: string) => ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, taker.token);

describe('monitorUpdates', () => {
  it('sends everything first, then only what changed, and replayed equals a fresh monitor query', async () => {
    const [first, second] = [await startWidgetChat(api.url, campaign.id, 'Ana'), await startWidgetChat(api.url, campaign.id, 'Bea')];
    const filter = { campaignIds: [campaign.id] };
    const ws = connect(api.wsUrl, supervisor.token);
    sockets.push(ws);
    const sub = ws.subscribe<{ monitorUpdates: Update }>(UPDATES, { f: filter });
    const updates = () => sub.events.map((e) => e.monitorUpdates);

    // 1. Everything: every agent, and this campaign's open chats once each.
    await sub.waitFor(1);
    const full = updates()[0]!;
    expect(full.full).toBe(true);
    expect(full.chats.map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
    expect(full.chats.every((c) => c.phase === 'WAITING' && c.agentId === null)).toBe(true);
    expect(full.agents.map((a) => a.userId)).toEqual(expect.arrayContaining([taker.id, idle.id]));

    // 2. A chat taken: the next update carries that chat and its agent, not the others.
    await take(first.id);
    const taken = (u: Update) => u.chats.some((c) => c.id === first.id && c.phase === 'IN_SERVICE');
    const afterTake = (await sub.until((e) => e.some((x) => taken(x.monitorUpdates)), 5000)).map((e) => e.monitorUpdates).find(taken)!;
    expect(afterTake.full).toBe(false);
    expect(afterTake.chats).toEqual([{ id: first.id, phase: 'IN_SERVICE', agentId: taker.id }]);
    expect(afterTake.agents.map((a) => a.userId)).toContain(taker.id);
    expect(afterTake.agents.map((a) => a.userId)).not.toContain(idle.id);
    expect(afterTake.agents.length).toBeLessThan(full.agents.length);
    expect(afterTake.totals).toMatchObject({ waiting: 1, inService: 1 });

    // 3. An agent paused: that agent alone, and no chat.
    const reason = (await ok(api.url, 'mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: `Updates ${randomUUID().slice(0, 6)}` }, admin)).createPauseReason.id;
    const seen = sub.events.length;
    await ok(api.url, 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { state } }', { u: idle.id, r: reason }, supervisor.token);
    const afterPause = (await sub.until((e) => e.slice(seen).some((x) => x.monitorUpdates.agents.some((a) => a.userId === idle.id)), 5000))
      .slice(seen)
      .map((e) => e.monitorUpdates)
      .find((u) => u.agents.some((a) => a.userId === idle.id))!;
    expect(afterPause.agents.find((a) => a.userId === idle.id)!.state).toBe('FREE_IN_BREAK');
    expect(afterPause.agents.map((a) => a.userId)).not.toContain(taker.id);
    expect(afterPause.chats).toEqual([]);

    // 4. A chat closed: its id among the removed.
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: first.id }, taker.token);
    await sub.until((e) => e.some((x) => x.monitorUpdates.removedChatIds.includes(first.id)), 5000);

    // 5. Every update applied in order draws what a fresh query shows (polled: other suites move agents too).
    await expect.poll(async () => JSON.stringify(replay(updates())) === JSON.stringify(await fresh(filter)), { timeout: 5000, interval: 300 }).toBe(true);
    expect(replay(updates()).chats).toEqual([{ id: second.id, phase: 'WAITING', agentId: null }]);
    expect(replay(updates()).agents[idle.id]).toBe('FREE_IN_BREAK');
    expect(updates().filter((u) => u.full)).toHaveLength(1);
  });

  it('starts again with everything for a new subscription, under its own filter', async () => {
    const ws = connect(api.wsUrl, supervisor.token);
    sockets.push(ws);
    const sub = ws.subscribe<{ monitorUpdates: Update }>(UPDATES, { f: { campaignIds: [campaign.id], agentIds: [taker.id] } });
    await sub.waitFor(1);
    const first = sub.events[0]!.monitorUpdates;
    expect(first.full).toBe(true);
    expect(first.agents.map((a) => a.userId)).toEqual([taker.id]);
    expect(first.chats).toEqual([]);
  });

  it('is for supervisors only', async () => {
    for (const token of [taker.token, null]) {
      const ws = connect(api.wsUrl, token);
      sockets.push(ws);
      const sub = ws.subscribe(UPDATES);
      await expect.poll(() => sub.errors.length, { timeout: 2000 }).toBe(1);
      expect(JSON.stringify(sub.errors)).toMatch(token ? /FORBIDDEN/ : /UNAUTHENTICATED|FORBIDDEN/);
      expect(sub.events).toEqual([]);
    }
  });
});
