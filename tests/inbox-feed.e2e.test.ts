/**
 * inboxUpdates: a person's inbox feed. An agent hears its own chats, those asking for help and the
 * oldest of the queues it picks from; a queue routed automatically reaches it as a count only.
 * Frames fold what happened within them, the last state of each chat kept, and counts stay exact.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { ok } from './support/graphql.js';
import { connect, errorCodes } from './support/ws-client.js';
import { adminToken, createApiKey, createCampaign, createPerson, type Person, startWidgetChat, untilConnected } from './support/world.js';

const FEED = 'subscription { inboxUpdates { reset changes { kind interactionId interaction { id phase status agent { id } tray { id } } } queues { trayId waiting } } }';
const FRAME_MS = 300;
const QUEUE_SHOWN = 2;

let api: ApiProcess;
let admin: string;

beforeAll(async () => {
  api = await startApi({ INBOX_FRAME_MS: String(FRAME_MS), INBOX_QUEUE_SHOWN: String(QUEUE_SHOWN), INBOX_COUNTS_EVERY_MS: '1500' });
  admin = await adminToken(api.url);
});

afterAll(async () => {
  await api?.stop();
});

interface Frame {
  reset: boolean;
  changes: { kind: string; interactionId: string; interaction: { id: string; phase: string; status: string; agent: { id: string } | null; tray: { id: string } | null } | null }[];
  queues: { trayId: string; waiting: number }[];
}

/** What a screen built from the frames holds: the chats listed and the counts per tray. */
function screen(frames: Frame[]) {
  const chats = new Map<string, NonNullable<Frame['changes'][number]['interaction']>>();
  const counts = new Map<string, number>();
  for (const frame of frames) {
    if (frame.reset) {
      chats.clear();
      counts.clear();
    }
    for (const c of frame.changes) {
      if (c.kind === 'REMOVED') chats.delete(c.interactionId);
      else chats.set(c.interactionId, c.interaction!);
    }
    for (const q of frame.queues) counts.set(q.trayId, q.waiting);
  }
  return { chats, counts };
}

const framesOf = (events: any[]): Frame[] => events.map((e) => e.inboxUpdates);
const mentions = (frames: Frame[], id: string) => frames.filter((f) => f.changes.some((c) => c.interactionId === id));
const take = (id: string, token: string) => ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, token);

async function waitingIn(trayId: string, token: string): Promise<number> {
  const data = await ok(api.url, 'query($f: InteractionFilterInput) { interactions(first: 1, filter: $f) { totalCount } }', { f: { trayId, phases: ['WAITING'] } }, token);
  return data.interactions.totalCount;
}

describe('an agent in a campaign that routes by itself', () => {
  it('hears the chat given to it, and of the queue only its count: no frame for a chat it cannot pick', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const other = await createPerson(api.url, admin, 'AGENT');
    const campaign = await createCampaign(api.url, admin, { routingStrategy: 'LEAST_BUSY', memberIds: [agent.id, other.id] });
    const lunch = (await ok(api.url, 'mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: `Lunch ${Date.now()}` }, admin)).createPauseReason.id;
    const pause = (token: string) => ok(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: lunch }, token);
    const ws = connect(api.wsUrl, agent.token);
    const feed = ws.subscribe<any>(FEED, {});
    await untilConnected(api.url, agent.token);
    await pause(agent.token);
    await feed.until((e) => e.length >= 1);
    // Other files' chats may wait where every agent picks; none of this campaign's is listed.
    expect(framesOf(feed.events)[0]!.reset).toBe(true);

    // Nobody is available: the chat waits in a tray the campaign routes from, told as a count.
    const queued = await startWidgetChat(api.url, campaign.id);
    await feed.until((e) => screen(framesOf(e)).counts.get(campaign.generalTrayId) === 1);
    expect(mentions(framesOf(feed.events), queued.id)).toEqual([]);

    // The agent becomes available: routing gives it the chat, which it hears from its own feed.
    await ok(api.url, 'mutation { setMyState(state: AVAILABLE) { state } }', {}, agent.token);
    await feed.until((e) => screen(framesOf(e)).chats.get(queued.id)?.phase === 'IN_SERVICE');
    expect(screen(framesOf(feed.events)).chats.get(queued.id)!.agent!.id).toBe(agent.id);
    await feed.until((e) => screen(framesOf(e)).counts.get(campaign.generalTrayId) === 0);

    // Another agent's chat, from its start to its close, never reaches this one's socket.
    await pause(agent.token);
    const wsOther = connect(api.wsUrl, other.token);
    wsOther.subscribe(FEED, {});
    await untilConnected(api.url, other.token);
    const before = feed.events.length;
    const elsewhere = await startWidgetChat(api.url, campaign.id);
    await vi.waitFor(async () => expect((await ok(api.url, 'query($id: ID!) { interaction(id: $id) { agent { id } } }', { id: elsewhere.id }, admin)).interaction.agent?.id).toBe(other.id));
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: elsewhere.id }, other.token);
    await new Promise((r) => setTimeout(r, FRAME_MS * 3));
    expect(mentions(framesOf(feed.events.slice(before)), elsewhere.id)).toEqual([]);
    await wsOther.dispose();
    await ws.dispose();
  });
});

describe('an agent in a campaign where agents pick', () => {
  it('lists the oldest waiting chats up to the cap, counts the rest, and lists the next when one is taken', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const taker = await createPerson(api.url, admin, 'AGENT');
    const campaign = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL' });
    const ws = connect(api.wsUrl, agent.token);
    const feed = ws.subscribe<any>(FEED, {});
    await feed.until((e) => e.length >= 1);
    const chats = [];
    for (let i = 0; i < QUEUE_SHOWN + 2; i++) chats.push(await startWidgetChat(api.url, campaign.id));
    const tray = campaign.generalTrayId;
    await feed.until((e) => screen(framesOf(e)).counts.get(tray) === chats.length);
    await new Promise((r) => setTimeout(r, FRAME_MS * 2));
    const listed = () => [...screen(framesOf(feed.events)).chats.keys()].filter((id) => chats.some((c) => c.id === id));
    expect(listed()).toEqual(chats.slice(0, QUEUE_SHOWN).map((c) => c.id));

    // A place frees up: the oldest chat not listed yet takes it.
    await take(chats[0]!.id, taker.token);
    await feed.until((e) => screen(framesOf(e)).counts.get(tray) === chats.length - 1);
    await feed.until(() => listed().length === QUEUE_SHOWN && !listed().includes(chats[0]!.id));
    expect(listed()).toEqual([chats[1]!.id, chats[2]!.id]);
    expect(await waitingIn(tray, admin)).toBe(chats.length - 1);

    // A new subscriber starts from the same picture.
    const late = ws.subscribe<any>(FEED, {});
    await late.until((e) => e.length >= 1);
    const first = framesOf(late.events)[0]!;
    expect(first.reset).toBe(true);
    expect(first.changes.map((c) => c.interactionId).filter((id) => chats.some((c) => c.id === id))).toEqual([chats[1]!.id, chats[2]!.id]);
    expect(first.queues).toContainEqual({ trayId: tray, waiting: chats.length - 1 });
    await ws.dispose();
  });

  it('folds a burst of changes of one chat into one frame, keeping its last state', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const campaign = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL' });
    const chat = await startWidgetChat(api.url, campaign.id);
    await take(chat.id, agent.token);
    const ws = connect(api.wsUrl, agent.token);
    const feed = ws.subscribe<any>(FEED, {});
    await feed.until((e) => screen(framesOf(e)).chats.has(chat.id));
    const before = feed.events.length;
    const statuses = ['WAITING_FOR_CUSTOMER', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER'];
    for (const status of statuses) await ok(api.url, 'mutation($id: ID!, $s: InteractionStatus!) { setInteractionStatus(id: $id, status: $s) { status } }', { id: chat.id, s: status }, agent.token);
    await feed.until((e) => screen(framesOf(e)).chats.get(chat.id)?.status === 'WAITING_FOR_CUSTOMER' && e.length > before);
    await new Promise((r) => setTimeout(r, FRAME_MS * 3));
    const told = mentions(framesOf(feed.events.slice(before)), chat.id);
    // Five changes within a frame or two: at most two frames, the last with the last state.
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(told.length).toBeLessThanOrEqual(2);
    expect(told.at(-1)!.changes.find((c) => c.interactionId === chat.id)!.interaction!.status).toBe('WAITING_FOR_CUSTOMER');
    expect(screen(framesOf(feed.events)).chats.get(chat.id)!.status).toBe('WAITING_FOR_CUSTOMER');
    await ws.dispose();
  });

  it('keeps the counts exact through starts, takes, returns and closes', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const campaign = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL' });
    // Routed automatically to one agent who is not signed in: its chats wait.
    const away = await createPerson(api.url, admin, 'AGENT');
    const auto = await createCampaign(api.url, admin, { routingStrategy: 'ROUND_ROBIN', memberIds: [away.id] });
    const ws = connect(api.wsUrl, agent.token);
    const feed = ws.subscribe<any>(FEED, {});
    await feed.until((e) => e.length >= 1);
    const started = await Promise.all(Array.from({ length: 6 }, (_, i) => startWidgetChat(api.url, (i % 2 ? auto : campaign).id)));
    await Promise.all([take(started[0]!.id, agent.token), take(started[2]!.id, agent.token)]);
    await ok(api.url, 'mutation($id: ID!) { returnToTray(id: $id) { id } }', { id: started[0]!.id }, agent.token);
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: started[2]!.id }, agent.token);
    const expected = new Map([
      [campaign.generalTrayId, await waitingIn(campaign.generalTrayId, admin)],
      [auto.generalTrayId, await waitingIn(auto.generalTrayId, admin)],
    ]);
    expect([...expected.values()]).toEqual([2, 3]);
    // Counts of the queue routed automatically wait for their turn; they still arrive, exact.
    await feed.until((e) => [...expected].every(([tray, n]) => screen(framesOf(e)).counts.get(tray) === n));
    // A chat asking for help is listed for every agent who may see it; its holder's own chat too.
    const helped = started[4]!.id;
    const holder = await createPerson(api.url, admin, 'AGENT');
    await take(helped, holder.token);
    await ok(api.url, 'mutation($id: ID!) { setInteractionStatus(id: $id, status: NEEDS_HELP) { status } }', { id: helped }, holder.token);
    await feed.until((e) => screen(framesOf(e)).chats.get(helped)?.status === 'NEEDS_HELP');
    await ok(api.url, 'mutation($id: ID!) { setInteractionStatus(id: $id, status: IN_PROGRESS) { status } }', { id: helped }, holder.token);
    await feed.until((e) => !screen(framesOf(e)).chats.has(helped));
    await ws.dispose();
  });
});

describe('who may follow an inbox', () => {
  it('a supervisor follows every open chat; keys are refused', async () => {
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const campaign = await createCampaign(api.url, admin, { routingStrategy: 'LEAST_BUSY' });
    const ws = connect(api.wsUrl, supervisor.token);
    const feed = ws.subscribe<any>(FEED, {});
    await feed.until((e) => e.length >= 1);
    const chat = await startWidgetChat(api.url, campaign.id);
    await feed.until((e) => screen(framesOf(e)).chats.has(chat.id));
    await ws.dispose();

    const key = await createApiKey(api.url, admin, ['SUPERVISE'], [campaign.id]);
    const wsKey = connect(api.wsUrl, key);
    const refused = wsKey.subscribe<any>(FEED, {});
    await refused.until(() => false).catch(() => undefined);
    expect(errorCodes(refused.errors)).toEqual(['FORBIDDEN']);
    await wsKey.dispose();
  });

  it('an agent who loses access to a tray is told its list again, without the tray', async () => {
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const member: Person = await createPerson(api.url, admin, 'AGENT');
    const campaign = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL' });
    const tray = (
      await ok(api.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `VIP ${Date.now()}`, campaignId: campaign.id, userIds: [member.id] } }, supervisor.token)
    ).createTray.id;
    const chat = await startWidgetChat(api.url, campaign.id);
    await take(chat.id, member.token);
    await ok(api.url, 'mutation($id: ID!, $t: ID!) { transferInteraction(id: $id, to: { trayId: $t }) { id } }', { id: chat.id, t: tray }, member.token);
    const ws = connect(api.wsUrl, member.token);
    const feed = ws.subscribe<any>(FEED, {});
    await feed.until((e) => screen(framesOf(e)).chats.get(chat.id)?.tray?.id === tray);
    await ok(api.url, 'mutation($t: ID!) { setTrayAccess(trayId: $t, userIds: []) { id } }', { t: tray }, supervisor.token);
    await feed.until((e) => !screen(framesOf(e)).chats.has(chat.id) && !screen(framesOf(e)).counts.get(tray));
    await ws.dispose();
  });
});
