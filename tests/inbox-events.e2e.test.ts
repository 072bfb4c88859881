/**
 * interactionChanged tells each subscriber about the chats it may see, on per-campaign and
 * per-tray channels, and says REMOVED when a chat leaves its sight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

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

  it('a visitor hears only about its own interaction', async () => {
    const mine = await startWidgetChat(api.url, campaign.id);
    const ws = connect(api.wsUrl, mine.visitorToken);
    const sub = ws.subscribe<any>(CHANGED, {});
    await new Promise((r) => setTimeout(r, 300));
    const other = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: other.id }, bob.token);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: mine.id }, alice.token);
    await sub.until((e) => e.length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(sub.events.map((e) => e.interactionChanged.interactionId)).toEqual([mine.id]);
    await ws.dispose();
  });
});

describe('losing access', () => {
  it('a subscriber whose tray access is removed stops getting that tray’s events, over WebSocket and HTTP', async () => {
    const admin = await adminToken(api.url);
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const member = await createPerson(api.url, admin, 'AGENT');
    const tray = (await ok(api.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `VIP ${Date.now()}`, campaignId: campaign.id, userIds: [member.id] } }, supervisor.token)).createTray.id;
    const bot = (await ok(api.url, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { name: 'bot', scopes: ['BOT'], campaignIds: [campaign.id] } }, admin)).createApiKey.secret;
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
