/**
 * Campaign rules through the API: the schedule (in the campaign's time zone) and the waiting limit
 * decide whether a chat may wait for a human; refused customers read the campaign's text in their
 * language and may leave an offline message. Timed rules run from the job queue: a silent contact
 * expires, an unanswered chat closes NO_ANSWER; those jobs survive a restart and act once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { queryTestDatabase } from './support/database.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { adminToken, createApiKey, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let agent: Person;
let other: Person;
const FAST = { CONTACT_EXPIRY_SECONDS: '2', JOB_POLL_SECONDS: '0.5' };

beforeAll(async () => {
  api = await startApi(FAST);
  admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT');
  other = await createPerson(api.url, admin, 'AGENT');
});

afterAll(async () => {
  await api?.stop();
});

const texts = [
  { language: 'en', welcome: 'Welcome', outOfHours: 'We are closed', unavailable: 'All agents are busy' },
  { language: 'pt', outOfHours: 'Estamos fechados', unavailable: 'Todos ocupados' },
];
const START = `mutation($i: StartInteractionInput!) { startInteraction(input: $i) { admission offlineMessagesAllowed visitorToken interaction { id phase result } } }`;
const start = (campaignId: string, language = 'en', token?: string) => ok(api.url, START, { i: { campaignId, channel: token ? 'API' : 'WEBCHAT', contact: { name: 'C' }, language } }, token);
const bodies = async (id: string, token: string) => (await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id }, token)).messages.map((m: any) => m.body);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const allWeek = { ranges: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '00:00', to: '24:00' })), holidays: [] };

describe('admission', () => {
  it('out of hours: the out-of-hours text in the customer’s language, closed at once, and an offline message can be left', async () => {
    const campaign = await createCampaign(api.url, admin, { schedule: { ranges: [], holidays: [] }, timeZone: 'America/Sao_Paulo', messages: texts });
    const { startInteraction: s } = await start(campaign.id, 'pt-BR');
    expect(s).toMatchObject({ admission: 'OUT_OF_HOURS', offlineMessagesAllowed: true, interaction: { phase: 'CLOSED', result: 'NOBODY_AVAILABLE' } });
    expect(await bodies(s.interaction.id, s.visitorToken)).toEqual(['Estamos fechados']);

    const LEAVE = 'mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }';
    expectCode(await gql(api.url, LEAVE, { i: { campaignId: campaign.id, body: 'Call me' } }), 'BAD_USER_INPUT');
    await ok(api.url, LEAVE, { i: { campaignId: campaign.id, name: 'Rui', phone: '+351 912 000 000', body: 'Call me tomorrow' } });
    const listed = await ok(api.url, 'query($c: ID) { offlineMessages(campaignId: $c) { name phone body } }', { c: campaign.id }, agent.token);
    expect(listed.offlineMessages).toEqual([{ name: 'Rui', phone: '+351 912 000 000', body: 'Call me tomorrow' }]);
    expectCode(await gql(api.url, 'query($c: ID) { offlineMessages(campaignId: $c) { id } }', { c: campaign.id }), 'UNAUTHENTICATED');
  });

  it('a campaign that takes no offline messages refuses them', async () => {
    const campaign = await createCampaign(api.url, admin, { schedule: { ranges: [], holidays: [] }, allowOfflineMessages: false, messages: texts });
    expect((await start(campaign.id)).startInteraction.offlineMessagesAllowed).toBe(false);
    expectCode(await gql(api.url, 'mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }', { i: { campaignId: campaign.id, email: 'a@b.co', body: 'hi' } }), 'FORBIDDEN');
  });

  it('within the schedule the welcome is sent and the chat waits', async () => {
    const campaign = await createCampaign(api.url, admin, { schedule: allWeek, timeZone: 'Asia/Tokyo', messages: texts });
    const { startInteraction: s } = await start(campaign.id);
    expect(s).toMatchObject({ admission: 'OPEN', interaction: { phase: 'WAITING', result: null } });
    expect(await bodies(s.interaction.id, s.visitorToken)).toEqual(['Welcome']);
  });

  it('with the waiting limit reached, the unavailable text and NOBODY_AVAILABLE', async () => {
    const campaign = await createCampaign(api.url, admin, { waitingLimit: 2, messages: texts });
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await start(campaign.id)).startInteraction);
    expect(results.map((r) => r.admission)).toEqual(['OPEN', 'OPEN', 'FULL']);
    expect(results[2].interaction).toMatchObject({ phase: 'CLOSED', result: 'NOBODY_AVAILABLE' });
    expect(await bodies(results[2].interaction.id, results[2].visitorToken)).toEqual(['All agents are busy']);
  });

  it('a bot handing off out of hours ends the chat with the out-of-hours text', async () => {
    const campaign = await createCampaign(api.url, admin, { schedule: { ranges: [], holidays: [] }, messages: texts });
    const bot = await createApiKey(api.url, admin, ['BOT'], [campaign.id]);
    const { startInteraction: s } = await start(campaign.id, 'en', bot);
    expect(s.interaction.phase).toBe('BOT');
    const handed = await ok(api.url, 'mutation($i: HandOffInput!) { handOff(input: $i) { phase result } }', { i: { interactionId: s.interaction.id, trayId: campaign.generalTrayId } }, bot);
    expect(handed.handOff).toEqual({ phase: 'CLOSED', result: 'NOBODY_AVAILABLE' });
  });
});

describe('timed rules', () => {
  it('a contact silent for the session window expires, and its chat becomes visible to everyone', async () => {
    const campaign = await createCampaign(api.url, admin);
    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    expectCode(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: chat.id }, other.token), 'NOT_FOUND');
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'hello?' } }, chat.visitorToken);
    let contact: any;
    for (let i = 0; i < 40; i++) {
      await sleep(250);
      contact = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { contact { state previousState } events { type } } }', { id: chat.id }, agent.token)).interaction;
      if (contact.contact.state === 'EXPIRED') break;
    }
    expect(contact.contact).toEqual({ state: 'EXPIRED', previousState: 'AGENT' });
    expect(contact.events.filter((e: any) => e.type === 'CONTACT_EXPIRED')).toHaveLength(1);
    await ok(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: chat.id }, other.token);
  });

  it('a chatty contact keeps one expiry check waiting, and expires a whole window after its last message', async () => {
    const campaign = await createCampaign(api.url, admin);
    const chat = await startWidgetChat(api.url, campaign.id);
    const read = async () => (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { contact { id state } } }', { id: chat.id }, admin)).interaction.contact;
    const contactId = (await read()).id;
    const waiting = async () =>
      (await queryTestDatabase<{ n: number }>("select count(*)::int as n from pgboss.job where name = 'contact-expiry' and singleton_key = $1 and state = 'created'", [contactId]))[0]!.n;
    let lastAt = 0;
    for (let i = 0; i < 4; i++) {
      await sleep(700);
      await ok(api.url, POST, { input: { interactionId: chat.id, body: `still here ${i}` } }, chat.visitorToken);
      lastAt = Date.now();
      // Never two; while the due check runs there is briefly none waiting, until it schedules the next.
      expect(await waiting()).toBeLessThanOrEqual(1);
      await vi.waitFor(async () => expect(await waiting()).toBe(1), { timeout: 1000, interval: 50 });
    }
    // The first check (due two seconds after the start) found newer messages and moved on.
    expect((await read()).state).not.toBe('EXPIRED');
    let expiredAt = 0;
    for (let i = 0; i < 40 && !expiredAt; i++) {
      await sleep(200);
      if ((await read()).state === 'EXPIRED') expiredAt = Date.now();
    }
    expect(expiredAt).toBeGreaterThan(0);
    expect(expiredAt - lastAt).toBeGreaterThanOrEqual(2000);
  });

  it('a chat the customer does not answer in time closes NO_ANSWER; one they answer stays open', async () => {
    const campaign = await createCampaign(api.url, admin, { noAnswerTimeoutSeconds: 1 });
    const silent = await startWidgetChat(api.url, campaign.id);
    const chatty = await startWidgetChat(api.url, campaign.id);
    for (const c of [silent, chatty]) {
      await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: c.id }, agent.token);
      await ok(api.url, POST, { input: { interactionId: c.id, body: 'Are you there?' } }, agent.token);
    }
    await ok(api.url, POST, { input: { interactionId: chatty.id, body: 'Yes!' } }, chatty.visitorToken);
    const state = async (id: string) => (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase result } }', { id }, admin)).interaction;
    for (let i = 0; i < 40 && (await state(silent.id)).phase !== 'CLOSED'; i++) await sleep(250);
    expect(await state(silent.id)).toEqual({ phase: 'CLOSED', result: 'NO_ANSWER' });
    expect(await state(chatty.id)).toEqual({ phase: 'IN_SERVICE', result: null });
  });

  it('jobs survive a crash of the process that scheduled them, and act once with two processes', async () => {
    const crashing = await startApi(FAST);
    const campaign = await createCampaign(crashing.url, await adminToken(crashing.url));
    const chat = await startWidgetChat(crashing.url, campaign.id);
    await crashing.stop('SIGKILL');
    const second = await startApi(FAST);
    try {
      let seen: any;
      for (let i = 0; i < 80; i++) {
        await sleep(250);
        seen = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { contact { state } events { type } } }', { id: chat.id }, admin)).interaction;
        if (seen.contact.state === 'EXPIRED') break;
      }
      expect(seen.contact.state).toBe('EXPIRED');
      await sleep(1500);
      seen = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { events { type } } }', { id: chat.id }, admin)).interaction;
      expect(seen.events.filter((e: any) => e.type === 'CONTACT_EXPIRED')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
