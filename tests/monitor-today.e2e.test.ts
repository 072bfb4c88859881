/**
 * Today's hourly figures of the supervisor's dashboard through the API: each chat counts in the hour
 * it queued on its campaign's clock, as received, answered, answered within the level or abandoned,
 * with the hour's service level as the monitor counts it; monitorTodayChanged pushes a new picture
 * after a chat arrives, without polling; agents are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect, type TestWsClient } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, startWidgetChat, untilConnected } from './support/world.js';

let api: ApiProcess;
let admin: string;
let agent: Person;
let supervisor: Person;
let agentSocket: TestWsClient;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT');
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  agentSocket = connect(api.wsUrl, agent.token);
  agentSocket.subscribe('subscription { interactionChanged { kind } }');
  await untilConnected(api.url, agent.token);
});

afterAll(async () => {
  await agentSocket?.dispose();
  await api?.stop();
});

const TODAY = `query($f: MonitorTodayFilterInput) { monitorToday(filter: $f) {
  hours { hour received answered answeredWithinLevel abandoned serviceLevel }
  campaigns { campaign { id timeZone } serviceLevelSeconds date hours { hour received answered answeredWithinLevel abandoned serviceLevel } }
} }`;

const take = (id: string) => ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent.token);
const close = (id: string, token: string) => ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id }, token);

/** The campaign's wall clock now, as the figures should read it. */
function localNow(timeZone: string): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' }).formatToParts(new Date()).map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

describe('monitor today', () => {
  it('counts the chats received, answered, answered within the level and abandoned in the hour they queued, on the campaign’s clock', async () => {
    // Far from the test machine's zone, so a bucket by the server's clock or by UTC would miss.
    const campaign: CampaignFixture = await createCampaign(api.url, admin, { serviceLevelSeconds: 60, timeZone: 'Asia/Kathmandu' });
    const before = localNow('Asia/Kathmandu');
    const [a, b, c] = [await startWidgetChat(api.url, campaign.id, 'Ana'), await startWidgetChat(api.url, campaign.id, 'Bea'), await startWidgetChat(api.url, campaign.id, 'Cid')];
    await startWidgetChat(api.url, campaign.id, 'Dora'); // still waiting, within the level: received, not yet counted
    await take(a.id);
    await take(b.id);
    await close(b.id, agent.token);
    await close(c.id, supervisor.token); // closed while waiting: abandoned

    const today = (await ok(api.url, TODAY, { f: { campaignIds: [campaign.id] } }, supervisor.token)).monitorToday;
    const now = localNow('Asia/Kathmandu');
    expect(today.campaigns).toHaveLength(1);
    const mine = today.campaigns[0];
    expect(mine).toMatchObject({ campaign: { id: campaign.id, timeZone: 'Asia/Kathmandu' }, serviceLevelSeconds: 60, date: now.date });
    expect(mine.hours.map((h: any) => h.hour)).toEqual([...Array(24).keys()]);
    // The test may straddle the campaign's hour: the four chats are in the hour(s) it ran in, nowhere else.
    const hours = mine.hours.filter((h: any) => h.received > 0);
    expect(hours.every((h: any) => h.hour === before.hour || h.hour === now.hour)).toBe(true);
    const sum = (k: string) => hours.reduce((n: number, h: any) => n + h[k], 0);
    expect({ received: sum('received'), answered: sum('answered'), answeredWithinLevel: sum('answeredWithinLevel'), abandoned: sum('abandoned') }).toEqual({
      received: 4,
      answered: 2,
      answeredWithinLevel: 2,
      abandoned: 1,
    });
    // Met by the two answered; the abandoned and the waiting one are within the level yet, so do not count (the monitor's rule).
    if (hours.length === 1) expect(hours[0]).toEqual({ hour: now.hour, received: 4, answered: 2, answeredWithinLevel: 2, abandoned: 1, serviceLevel: 1 });
    // The same as the dashboard's own service level and queue count for the campaign.
    const monitor = (await ok(api.url, 'query($f: MonitorFilterInput) { monitor(filter: $f) { campaigns { serviceLevel queuedToday } } }', { f: { campaignIds: [campaign.id] } }, supervisor.token))
      .monitor;
    expect(monitor.campaigns).toEqual([{ serviceLevel: 1, queuedToday: 4 }]);
    // With only this campaign shown, the hours added up across campaigns are its own.
    expect(today.hours).toEqual(mine.hours);
  });

  it('pushes a new picture after a chat arrives, without polling', async () => {
    const campaign = await createCampaign(api.url, admin);
    const ws = connect(api.wsUrl, supervisor.token);
    try {
      const sub = ws.subscribe<any>('subscription($f: MonitorTodayFilterInput) { monitorTodayChanged(filter: $f) { hours { received } } }', { f: { campaignIds: [campaign.id] } });
      const received = (e: any) => e.monitorTodayChanged.hours.reduce((n: number, h: any) => n + h.received, 0);
      await sub.waitFor(1);
      expect(received(sub.events[0])).toBe(0);
      await startWidgetChat(api.url, campaign.id, 'Live');
      const events = await sub.until((e) => e.length > 1 && received(e.at(-1)) === 1, 8000);
      expect(received(events.at(-1))).toBe(1);
    } finally {
      await ws.dispose();
    }
  });

  it('is for supervisors only', async () => {
    expectCode(await gql(api.url, TODAY, {}, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, TODAY, {}), 'UNAUTHENTICATED');
    const ws = connect(api.wsUrl, agent.token);
    try {
      const sub = ws.subscribe<any>('subscription { monitorTodayChanged { hours { received } } }');
      await expect.poll(() => sub.errors.length, { timeout: 2000 }).toBe(1);
      expect(JSON.stringify(sub.errors)).toContain('FORBIDDEN');
      expect(sub.events).toEqual([]);
    } finally {
      await ws.dispose();
    }
  });
});
