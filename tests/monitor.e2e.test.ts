/**
 * The supervisor's live monitor through the API: totals, service level, agent rows, waiting
 * customers, teams and filters in one snapshot, and monitorChanged pushing a new one after changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect, type TestWsClient } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, startWidgetChat, untilConnected } from './support/world.js';

let api: ApiProcess;
let admin: string;
let campaign: CampaignFixture;
let agent: Person;
let supervisor: Person;
let agentSocket: TestWsClient;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin, { serviceLevelSeconds: 60, thresholdsSeconds: [60, 120, 180] });
  agent = await createPerson(api.url, admin, 'AGENT');
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  // The agent has the web app open, so it is present.
  agentSocket = connect(api.wsUrl, agent.token);
  agentSocket.subscribe('subscription { interactionChanged { kind } }');
  await untilConnected(api.url, agent.token);
});

afterAll(async () => {
  await agentSocket?.dispose();
  await api?.stop();
});

const MONITOR = `query($f: MonitorFilterInput) { monitor(filter: $f) {
  totals { open bot waiting inService }
  campaigns { campaign { id } serviceLevel queuedToday }
  agents { userId state activeChats completedToday channels alert bands { green yellow red } chats { protocol band } }
  waiting { protocol contact { name } }
  inService { protocol agentId }
} }`;

describe('monitor', () => {
  it('shows totals, service level, agent rows and waiting customers of a campaign', async () => {
    const [a, b, c] = [await startWidgetChat(api.url, campaign.id, 'Ana'), await startWidgetChat(api.url, campaign.id, 'Bea'), await startWidgetChat(api.url, campaign.id, 'Cid')];
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: a.id }, agent.token);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: b.id }, agent.token);
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: b.id }, agent.token);

    const m = (await ok(api.url, MONITOR, { f: { campaignIds: [campaign.id] } }, supervisor.token)).monitor;
    expect(m.totals).toEqual({ open: 2, bot: 0, waiting: 1, inService: 1 });
    expect(m.campaigns).toEqual([{ campaign: { id: campaign.id }, serviceLevel: 1, queuedToday: 3 }]);
    // An agent filter narrows the agent rows and their chats.
    const mine = (await ok(api.url, MONITOR, { f: { campaignIds: [campaign.id], agentIds: [agent.id] } }, supervisor.token)).monitor;
    expect(mine.totals).toEqual({ open: 1, bot: 0, waiting: 0, inService: 1 });
    expect(mine.agents).toEqual([
      {
        userId: agent.id,
        state: 'BUSY',
        activeChats: 1,
        completedToday: 1,
        channels: ['WEBCHAT'],
        alert: false,
        bands: { green: 1, yellow: 0, red: 0 },
        chats: [{ protocol: a.protocol, band: 'GREEN' }],
      },
    ]);
    expect(m.waiting).toEqual([{ protocol: c.protocol, contact: { name: 'Cid' } }]);
    expect(m.inService).toEqual([{ protocol: a.protocol, agentId: agent.id }]);
  });

  it('filters by contact and protocol', async () => {
    const chat = await startWidgetChat(api.url, campaign.id, 'Zeca Filtered');
    const byContact = (await ok(api.url, MONITOR, { f: { campaignIds: [campaign.id], contact: 'zeca' } }, supervisor.token)).monitor;
    expect(byContact.waiting.map((w: any) => w.protocol)).toEqual([chat.protocol]);
    const byProtocol = (await ok(api.url, MONITOR, { f: { protocol: chat.protocol.slice(-6) } }, supervisor.token)).monitor;
    expect(byProtocol.totals.open).toBe(1);
  });

  it('filters the same whether the filter comes as a variable, its default, or a single id for a list', async () => {
    const own = await createCampaign(api.url, admin);
    const chat = await startWidgetChat(api.url, own.id, 'Default Filtered');
    await startWidgetChat(api.url, campaign.id, 'Elsewhere');
    const waitingOf = (d: any) => d.monitor.waiting.map((w: any) => w.protocol);
    const byVariable = await ok(api.url, 'query($f: MonitorFilterInput) { monitor(filter: $f) { waiting { protocol } } }', { f: { campaignIds: [own.id] } }, supervisor.token);
    expect(waitingOf(byVariable)).toEqual([chat.protocol]);
    // The shared answer must be chosen with the variables as execution coerces them.
    const byDefault = await ok(api.url, `query($f: MonitorFilterInput = { campaignIds: ["${own.id}"] }) { monitor(filter: $f) { waiting { protocol } } }`, {}, supervisor.token);
    expect(waitingOf(byDefault)).toEqual([chat.protocol]);
    const bySingle = await ok(api.url, 'query($f: MonitorFilterInput) { monitor(filter: $f) { waiting { protocol } } }', { f: { campaignIds: own.id } }, supervisor.token);
    expect(waitingOf(bySingle)).toEqual([chat.protocol]);
  });

  it('is for supervisors only', async () => {
    expectCode(await gql(api.url, MONITOR, {}, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, MONITOR, {}), 'UNAUTHENTICATED');
  });

  it('pushes a new snapshot after a change, without polling', async () => {
    const own = await createCampaign(api.url, admin);
    const ws = connect(api.wsUrl, supervisor.token);
    const sub = ws.subscribe<any>('subscription($f: MonitorFilterInput) { monitorChanged(filter: $f) { totals { waiting } } }', { f: { campaignIds: [own.id] } });
    await sub.waitFor(1);
    expect(sub.events[0].monitorChanged.totals.waiting).toBe(0);
    await startWidgetChat(api.url, own.id);
    const events = await sub.until((e) => e.at(-1)?.monitorChanged.totals.waiting === 1, 3000);
    expect(events.at(-1).monitorChanged.totals.waiting).toBe(1);
    await ws.dispose();
  });

  it('hears campaigns and agents created after it subscribed', async () => {
    const ws = connect(api.wsUrl, supervisor.token);
    const sub = ws.subscribe<any>('subscription { monitorChanged { campaigns { campaign { id } queuedToday } agents { userId } } }');
    await sub.waitFor(1);
    const later = await createCampaign(api.url, admin);
    await startWidgetChat(api.url, later.id);
    const seen = await sub.until((e) => e.at(-1)?.monitorChanged.campaigns.some((c: any) => c.campaign.id === later.id && c.queuedToday === 1), 3000);
    expect(seen.at(-1).monitorChanged.campaigns).toContainEqual({ campaign: { id: later.id }, queuedToday: 1 });
    const newcomer = await createPerson(api.url, admin, 'AGENT');
    const withNewcomer = await sub.until((e) => e.at(-1)?.monitorChanged.agents.some((a: any) => a.userId === newcomer.id), 3000);
    expect(withNewcomer.at(-1).monitorChanged.agents.map((a: any) => a.userId)).toContain(newcomer.id);
    await ws.dispose();
  });

  it('answers from one load per change: a change made in this process shows in the very next snapshot', async () => {
    const own = await createCampaign(api.url, admin);
    const chat = await startWidgetChat(api.url, own.id, 'Next Snapshot');
    const query = (f: object) => ok(api.url, MONITOR, { f }, supervisor.token).then((d) => d.monitor);
    expect((await query({ campaignIds: [own.id] })).totals).toEqual({ open: 1, bot: 0, waiting: 1, inService: 0 });
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    expect((await query({ campaignIds: [own.id] })).totals).toEqual({ open: 1, bot: 0, waiting: 0, inService: 1 });
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, agent.token);
    expect((await query({ campaignIds: [own.id] })).totals.open).toBe(0);
  });

  it('shows a change made through another API process', async () => {
    const other = await startApi();
    try {
      const own = await createCampaign(api.url, admin);
      const query = () => ok(api.url, MONITOR, { f: { campaignIds: [own.id] } }, supervisor.token).then((d) => d.monitor.totals.waiting);
      expect(await query()).toBe(0);
      await startWidgetChat(other.url, own.id, 'Elsewhere');
      // Well within the model's maximum age: only the event from the other process can have refreshed it.
      await expect.poll(query, { timeout: 1000, interval: 20 }).toBe(1);
    } finally {
      await other.stop();
    }
  });
});

describe('one picture worked out for many supervisors', () => {
  // The dashboard's own selection: plain fields only, so supervisors asking together share one result.
  const DASHBOARD = `query($f: MonitorFilterInput) { monitor(filter: $f) { totals { open waiting } campaigns { campaign { id } } waiting { protocol } } }`;

  it('gives each scope its own picture, even asked in the same moment as a wider one, and refuses callers who do not supervise', async () => {
    const group = (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `Shared ${Date.now()}` }, admin)).createSecurityGroup.id;
    const inGroup = await createCampaign(api.url, admin, { securityGroupId: group });
    const outside = await createCampaign(api.url, admin);
    const grouped = await createPerson(api.url, admin, 'SUPERVISOR', { securityGroupId: group });
    const inside = await startWidgetChat(api.url, inGroup.id, 'Dora');
    const other = await startWidgetChat(api.url, outside.id, 'Eli');

    // Asked together: the ungrouped supervisors share one answer; the grouped one gets its own.
    const [wide, wideAgain, narrow, refused] = await Promise.all([
      ok(api.url, DASHBOARD, {}, supervisor.token),
      ok(api.url, DASHBOARD, {}, admin),
      ok(api.url, DASHBOARD, {}, grouped.token),
      gql(api.url, DASHBOARD, {}, agent.token),
    ]);
    expect(wideAgain).toEqual(wide);
    const protocols = (m: any) => m.monitor.waiting.map((w: any) => w.protocol);
    expect(protocols(wide)).toEqual(expect.arrayContaining([inside.protocol, other.protocol]));
    expect(protocols(narrow)).toEqual([inside.protocol]);
    expect(narrow.monitor.campaigns.map((c: any) => c.campaign.id)).toEqual([inGroup.id]);
    expectCode(refused, 'FORBIDDEN');

    // The same document with other variables is another answer, not the shared one.
    const filtered = await ok(api.url, DASHBOARD, { f: { campaignIds: [outside.id] } }, supervisor.token);
    expect(protocols(filtered)).toEqual([other.protocol]);
    // A change is seen at once by the next question, not a second later.
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: other.id }, admin);
    expect(protocols(await ok(api.url, DASHBOARD, {}, supervisor.token))).not.toContain(other.protocol);
  });
});
