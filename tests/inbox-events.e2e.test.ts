/**
 * interactionChanged tells each subscriber about the chats it may see, on per-campaign and
 * per-tray channels, and says REMOVED when a chat leaves its sight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let campaign: CampaignFixture;
let alice: Person;
let bob: Person;

beforeAll(async () => {
  api = await startApi();
  const admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin);
  alice = await createPerson(api.url, admin, 'AGENT');
  bob = await createPerson(api.url, admin, 'AGENT');
});

afterAll(async () => {
  await api?.stop();
});

const CHANGED = `subscription($f: InteractionChangedFilter) { interactionChanged(filter: $f) { kind interactionId interaction { phase agent { id } } } }`;

describe('interactionChanged', () => {
  it('shows a new waiting chat to every agent, then removes it from those who lose sight when one takes it', async () => {
    const wsA = connect(api.wsUrl, alice.token);
    const wsB = connect(api.wsUrl, bob.token);
    const subA = wsA.subscribe<any>(CHANGED, { f: { campaignId: campaign.id } });
    const subB = wsB.subscribe<any>(CHANGED, {});
    await new Promise((r) => setTimeout(r, 300));
    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, alice.token);
    const of = (events: any[]) => events.map((e) => e.interactionChanged).filter((c) => c.interactionId === chat.id);
    await subA.until((e) => of(e).length >= 2);
    await subB.until((e) => of(e).length >= 2);
    expect(of(subA.events).map((c) => [c.kind, c.interaction?.phase])).toEqual([
      ['CREATED', 'WAITING'],
      ['UPDATED', 'IN_SERVICE'],
    ]);
    expect(of(subB.events)).toEqual([
      { kind: 'CREATED', interactionId: chat.id, interaction: { phase: 'WAITING', agent: null } },
      { kind: 'REMOVED', interactionId: chat.id, interaction: null },
    ]);
    // Bob hears nothing more about a chat he may not see.
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, alice.token);
    await subA.until((e) => of(e).length >= 3);
    await subB.until((e) => of(e).length >= 3);
    expect(of(subB.events)[2]).toMatchObject({ kind: 'UPDATED', interaction: { phase: 'CLOSED' } });
    await wsA.dispose();
    await wsB.dispose();
  });

  it('without a filter, hears campaigns created after it subscribed; a key hears only its own campaigns', async () => {
    // A SUPERVISE key sees every chat of its campaigns, waiting ones included.
    const admin = await adminToken(api.url);
    const before = await createCampaign(api.url, admin);
    const key = await createApiKey(api.url, admin, ['SUPERVISE'], [before.id]);
    const wsA = connect(api.wsUrl, alice.token);
    const wsK = connect(api.wsUrl, key);
    const subA = wsA.subscribe<any>(CHANGED, {});
    const subK = wsK.subscribe<any>(CHANGED, {});
    await new Promise((r) => setTimeout(r, 300));
    const later = await createCampaign(api.url, admin);
    const late = await startWidgetChat(api.url, later.id);
    const mine = await startWidgetChat(api.url, before.id);
    await subA.until((e) => e.some((x) => x.interactionChanged.interactionId === late.id));
    await subK.until((e) => e.some((x) => x.interactionChanged.interactionId === mine.id));
    expect(subK.events.map((x) => x.interactionChanged.interactionId)).not.toContain(late.id);
    await wsA.dispose();
    await wsK.dispose();
  });

  it('one event executed once per subscriber kind: fields that depend on who asks still answer each one', async () => {
    const admin = await adminToken(api.url);
    const own = await createCampaign(api.url, admin);
    const key = await createApiKey(api.url, admin, ['SUPERVISE'], [own.id]);
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const DOC = 'subscription($f: InteractionChangedFilter) { interactionChanged(filter: $f) { kind interaction { id status notes { body } } } }';
    const wsS = connect(api.wsUrl, supervisor.token);
    const wsK = connect(api.wsUrl, key);
    const subS = wsS.subscribe<any>(DOC, { f: { campaignId: own.id } });
    const subK = wsK.subscribe<any>(DOC, { f: { campaignId: own.id } });
    await new Promise((r) => setTimeout(r, 300));
    const chat = await startWidgetChat(api.url, own.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, alice.token);
    await ok(api.url, 'mutation($id: ID!, $b: String!) { addNote(id: $id, body: $b) { id } }', { id: chat.id, b: 'VIP customer' }, alice.token);
    await ok(api.url, 'mutation($id: ID!) { setInteractionStatus(id: $id, status: WAITING_FOR_CUSTOMER) { status } }', { id: chat.id }, alice.token);
    const last = (events: any[]) => events.at(-1)?.interactionChanged.interaction;
    await subS.until((e) => last(e)?.status === 'WAITING_FOR_CUSTOMER');
    await subK.until((e) => last(e)?.status === 'WAITING_FOR_CUSTOMER');
    // Staff read notes; keys never do, even when both asked with the very same document.
    expect(last(subS.events).notes).toEqual([{ body: 'VIP customer' }]);
    expect(last(subK.events).notes).toEqual([]);
    await wsS.dispose();
    await wsK.dispose();
  });

  it('a tray filter hears only its tray', async () => {
    const other = await createCampaign(api.url, await adminToken(api.url));
    const ws = connect(api.wsUrl, alice.token);
    const sub = ws.subscribe<any>(CHANGED, { f: { trayId: campaign.generalTrayId } });
    await new Promise((r) => setTimeout(r, 300));
    const elsewhere = await startWidgetChat(api.url, other.id);
    const here = await startWidgetChat(api.url, campaign.id);
    await sub.until((e) => e.some((x) => x.interactionChanged.interactionId === here.id));
    expect(sub.events.some((x) => x.interactionChanged.interactionId === elsewhere.id)).toBe(false);
    await ws.dispose();
  });

  it('a visitor hears how its own interaction stands, then its changes, and nothing of others', async () => {
    const mine = await startWidgetChat(api.url, campaign.id);
    const ws = connect(api.wsUrl, mine.visitorToken);
    const sub = ws.subscribe<any>(CHANGED, {});
    // The first event is the chat as it is: from then on no change can slip between reading and listening.
    await sub.until((e) => e.length >= 1);
    const other = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: other.id }, bob.token);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: mine.id }, alice.token);
    await sub.until((e) => e.length >= 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(sub.events.map((e) => [e.interactionChanged.interactionId, e.interactionChanged.interaction.phase])).toEqual([
      [mine.id, 'WAITING'],
      [mine.id, 'IN_SERVICE'],
    ]);
    await ws.dispose();
  });
});

describe('losing access', () => {
  it('a subscriber whose tray access is removed stops getting that tray’s events, over WebSocket and HTTP', async () => {
    const admin = await adminToken(api.url);
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const member = await createPerson(api.url, admin, 'AGENT');
    const tray = (
      await ok(api.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `VIP ${Date.now()}`, campaignId: campaign.id, userIds: [member.id] } }, supervisor.token)
    ).createTray.id;
    const bot = (await ok(api.url, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { name: 'bot', scopes: ['BOT'], campaignIds: [campaign.id] } }, admin)).createApiKey
      .secret;
    const intoTray = async () => {
      const s = await ok(api.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', { i: { campaignId: campaign.id, channel: 'API', contact: {} } }, bot);
      const id = s.startInteraction.interaction.id;
      await ok(api.url, 'mutation($i: HandOffInput!) { handOff(input: $i) { id } }', { i: { interactionId: id, trayId: tray } }, bot);
      return id as string;
    };

    const ws = connect(api.wsUrl, member.token);
    const changes = ws.subscribe<any>(CHANGED, { f: { trayId: tray } });
    await new Promise((r) => setTimeout(r, 300));
    const first = await intoTray();
    await changes.until((e) => e.some((x) => x.interactionChanged.interactionId === first && x.interactionChanged.interaction?.phase === 'WAITING'));
    const messages = ws.subscribe<any>('subscription($id: ID!) { messageAdded(interactionId: $id, afterSequence: 0) { body } }', { id: first });
    await ok(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: first }, member.token);

    await ok(api.url, 'mutation($t: ID!) { setTrayAccess(trayId: $t, userIds: []) { id } }', { t: tray }, supervisor.token);
    await new Promise((r) => setTimeout(r, 300));
    const second = await intoTray();
    await ok(api.url, POST, { input: { interactionId: first, body: 'secret', internal: true } }, supervisor.token);
    await new Promise((r) => setTimeout(r, 500));
    expect(changes.events.some((x) => x.interactionChanged.interactionId === second)).toBe(false);
    expect(messages.events.map((e) => e.messageAdded.body)).not.toContain('secret');
    expect(messages.completed).toBe(true);
    expectCode(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: first }, member.token), 'NOT_FOUND');
    await ws.dispose();
  });
});
