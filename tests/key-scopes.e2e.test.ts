/**
 * Key scopes mean what they say. READ reads and never writes; SUPERVISE acts as a supervisor would and
 * never speaks as the customer; BOT speaks only while a bot serves the chat; CHANNEL bridges an
 * external channel: it starts chats there, follows them, and writes the customer's side of those and
 * of no other. A contact named by its external id is looked up within the caller's scope only, and a
 * transfer's staff note reaches no key and no webhook.
 *
 * Every refusal is followed by the chat read again as an administrator: it changed nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, PNG_1PX, POST, startWidgetChat, uploadFile } from './support/world.js';

let api: ApiProcess;
let database: { name: string; url: string };
let admin: string;
let campaign: CampaignFixture;
let other: CampaignFixture;
let agent: Person;
let supervisor: Person;
const keys = {} as Record<'read' | 'supervise' | 'bot' | 'channel' | 'otherChannel' | 'otherBot', string>;

beforeAll(async () => {
  // A database of its own: the webhook test below must be the only one working its job queue.
  database = await createTestDatabase();
  api = await startApi({ DATABASE_URL: database.url, JOB_POLL_SECONDS: '0.5' });
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin);
  other = await createCampaign(api.url, admin);
  agent = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 20 });
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  keys.read = await createApiKey(api.url, admin, ['READ'], [campaign.id]);
  keys.supervise = await createApiKey(api.url, admin, ['SUPERVISE'], [campaign.id]);
  keys.bot = await createApiKey(api.url, admin, ['BOT'], [campaign.id]);
  keys.channel = await createApiKey(api.url, admin, ['CHANNEL'], [campaign.id]);
  keys.otherChannel = await createApiKey(api.url, admin, ['CHANNEL'], [campaign.id]);
  keys.otherBot = await createApiKey(api.url, admin, ['BOT'], [other.id]);
});

afterAll(async () => {
  await api?.stop();
  if (database) await dropTestDatabase(database.name);
});

// ---------------------------------------------------------------------------------------------
// Operations and chats
// ---------------------------------------------------------------------------------------------

const START = 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id phase contact { id name email phone } } } }';
const TAKE = 'mutation($id: ID!) { takeInteraction(id: $id) { id } }';
const CLOSE = 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { phase } }';
const HAND_OFF = 'mutation($i: HandOffInput!) { handOff(input: $i) { phase } }';
const TRANSFER = 'mutation($id: ID!, $to: TransferTargetInput!, $note: String) { transferInteraction(id: $id, to: $to, note: $note) { phase } }';
const NOTE = 'mutation($id: ID!, $b: String!) { addNote(id: $id, body: $b) { id } }';
const COUNT = 'query($c: ID) { interactions(filter: { campaignId: $c }) { totalCount } }';
const LIST = 'query($c: ID) { interactions(filter: { campaignId: $c }) { edges { node { id } } } }';
/** Everything a write could change, as an administrator reads it. */
const SNAPSHOT = `query($id: ID!) {
  interaction(id: $id) { phase status result lastSequence tray { id } agent { id } tags expertise botAnswers { key value } notes { body } events { type } contact { id name email phone state } }
  messages(interactionId: $id, first: 500) { sequence body visibility author { kind } } }`;

const snapshot = async (id: string) => ok(api.url, SNAPSHOT, { id }, admin);
const count = async (campaignId = campaign.id) => (await ok(api.url, COUNT, { c: campaignId }, admin)).interactions.totalCount as number;
const post = (id: string, token: string, body: string, internal = false) => gql(api.url, POST, { input: { interactionId: id, body, internal } }, token);

/** A chat the BOT key started on the API channel, with the bot's first words: phase BOT. */
async function botChat(): Promise<string> {
  const id = (await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'API', contact: { name: 'Bot customer' } } }, keys.bot)).startInteraction.interaction.id;
  await ok(api.url, POST, { input: { interactionId: id, body: 'Hello, I am the bot' } }, keys.bot);
  return id;
}

/** A widget chat held by the agent, with the customer's first words. */
async function heldChat(): Promise<string> {
  const chat = await startWidgetChat(api.url, campaign.id);
  await ok(api.url, TAKE, { id: chat.id }, agent.token);
  await ok(api.url, POST, { input: { interactionId: chat.id, body: 'My order is late' } }, chat.visitorToken);
  return chat.id;
}

/** A WhatsApp chat a CHANNEL key started, with the customer's first words: it waits in the General tray. */
async function bridgedChat(key = keys.channel, externalId = `wa:${randomUUID()}`): Promise<string> {
  const id = (await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'WHATSAPP', contact: { name: 'Bridged customer', externalId } } }, key)).startInteraction.interaction.id;
  await ok(api.url, POST, { input: { interactionId: id, body: 'Hola, from WhatsApp' } }, key);
  return id;
}

async function closedChat(): Promise<string> {
  const id = await heldChat();
  await ok(api.url, CLOSE, { id }, agent.token);
  return id;
}

/** Every mutation that names a chat, with arguments that would pass for someone allowed. */
const CHAT_MUTATIONS: [string, string, (id: string) => Record<string, unknown>][] = [
  ['postMessage', POST, (id) => ({ input: { interactionId: id, body: 'written by a key' } })],
  ['postMessage (internal)', POST, (id) => ({ input: { interactionId: id, body: 'written by a key', internal: true } })],
  ['closeInteraction', CLOSE, (id) => ({ id })],
  ['handOff', HAND_OFF, (id) => ({ i: { interactionId: id, trayId: campaign.generalTrayId } })],
  ['transferInteraction', TRANSFER, (id) => ({ id, to: { trayId: campaign.generalTrayId } })],
  ['returnToTray', 'mutation($id: ID!) { returnToTray(id: $id) { id } }', (id) => ({ id })],
  ['setInteractionStatus', 'mutation($id: ID!) { setInteractionStatus(id: $id, status: NEEDS_HELP) { id } }', (id) => ({ id })],
  ['joinInteraction', 'mutation($id: ID!) { joinInteraction(id: $id) { id } }', (id) => ({ id })],
  ['addNote', NOTE, (id) => ({ id, b: 'a key’s note' })],
  ['setTags', 'mutation($id: ID!) { setTags(id: $id, tags: ["by-a-key"]) { id } }', (id) => ({ id })],
  ['setExpertise', 'mutation($id: ID!) { setExpertise(id: $id, skills: ["by-a-key"]) { id } }', (id) => ({ id })],
  ['sendTranscript', 'mutation($id: ID!) { sendTranscript(interactionId: $id, to: "someone@example.com") { to } }', (id) => ({ id })],
  ['takeInteraction', TAKE, (id) => ({ id })],
  ['requestCall', 'mutation($id: ID!) { requestCall(interactionId: $id, kind: AUDIO) { id } }', (id) => ({ id })],
  ['closeInteractions', 'mutation($ids: [ID!]!) { closeInteractions(ids: $ids, result: SUCCESS) { id } }', (id) => ({ ids: [id] })],
  ['transferInteractions', 'mutation($ids: [ID!]!, $t: ID!) { transferInteractions(ids: $ids, to: { trayId: $t }) { id } }', (id) => ({ ids: [id], t: campaign.generalTrayId })],
];

// ---------------------------------------------------------------------------------------------
// READ
// ---------------------------------------------------------------------------------------------

describe('a READ key', () => {
  it('is refused every mutation on a chat it sees, with a bot or closed, and the chat stays as it was', async () => {
    for (const id of [await botChat(), await closedChat()]) {
      await ok(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id }, keys.read);
      const before = await snapshot(id);
      for (const [name, document, variables] of CHAT_MUTATIONS) {
        const result = await gql(api.url, document, variables(id), keys.read);
        expect(
          result.errors?.map((e) => e.extensions?.code),
          `${name}: ${JSON.stringify(result.errors)}`,
        ).toEqual(['FORBIDDEN']);
      }
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it('is refused the mutations that name no chat, and nothing is created', async () => {
    const chats = await count();
    const tags = (await ok(api.url, '{ tags }', {}, admin)).tags;
    const keysBefore = (await ok(api.url, '{ apiKeys { id } }', {}, admin)).apiKeys.length;
    const attempts: [string, Record<string, unknown>][] = [
      [START, { i: { campaignId: campaign.id, channel: 'API', contact: { name: 'Eve' } } }],
      [START, { i: { campaignId: campaign.id, channel: 'WHATSAPP', contact: { name: 'Eve', externalId: 'wa:eve' } } }],
      ['mutation($c: ID!) { answerCall(callId: $c, accept: true) { id } }', { c: randomUUID() }],
      ['mutation($c: ID!) { endCall(callId: $c) { id } }', { c: randomUUID() }],
      ['mutation($c: ID!) { sendCallSignal(callId: $c, kind: OFFER, payload: "sdp") }', { c: randomUUID() }],
      ['mutation($a: ID!) { requestScreen(agentId: $a) { id } }', { a: agent.id }],
      ['mutation($u: ID!) { sendInternalMessage(toUserId: $u, body: "hi") { id } }', { u: supervisor.id }],
      ['mutation { createTag(name: "made-by-a-read-key") { name } }', {}],
      ['mutation { createApiKey(input: { name: "escalation", scopes: [READ] }) { secret } }', {}],
      // Public to the widget, still not for a key that only reads.
      ['mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }', { i: { campaignId: campaign.id, email: 'eve@example.com', body: 'hi' } }],
    ];
    for (const [document, variables] of attempts) expectCode(await gql(api.url, document, variables, keys.read), 'FORBIDDEN');
    expect(await count()).toBe(chats);
    expect((await ok(api.url, '{ tags }', {}, admin)).tags).toEqual(tags);
    expect((await ok(api.url, '{ apiKeys { id } }', {}, admin)).apiKeys).toHaveLength(keysBefore);
  });
});

describe('a READ key uploading', () => {
  it('is refused before its bytes are read, and nothing is stored', async () => {
    const refused = await uploadFile(api.url, keys.read, PNG_1PX, 'from-a-read-key.png');
    expect(refused).toMatchObject({ status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } });
    // The same upload from a key that may write is taken, so the refusal is the key's scope.
    expect((await uploadFile(api.url, keys.supervise, PNG_1PX, 'from-a-supervise-key.png')).status).toBe(201);
  });
});

// ---------------------------------------------------------------------------------------------
// SUPERVISE
// ---------------------------------------------------------------------------------------------

describe('a READ key over WebSocket', () => {
  it('is refused a mutation there as over HTTP, and the chat stays as it was', async () => {
    const id = await botChat();
    const before = await snapshot(id);
    const ws = connect(api.wsUrl, keys.read);
    try {
      const answer = await new Promise<any>((resolve) => {
        let last: any = null;
        ws.client.subscribe({ query: NOTE, variables: { id, b: 'written by a read key' } }, { next: (r) => (last = r), error: (e) => resolve({ errors: e }), complete: () => resolve(last) });
      });
      expect([answer.errors].flat().map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    } finally {
      await ws.dispose();
    }
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('a SUPERVISE key', () => {
  it('writes into a held chat as a supervisor, never as the customer', async () => {
    const id = await heldChat();
    const sent = await ok(api.url, POST, { input: { interactionId: id, body: 'A supervisor here' } }, keys.supervise);
    expect(sent.postMessage.author.kind).toBe('SUPERVISOR');
  });

  it('cannot speak to the customer of a chat nobody serves yet, with a bot or waiting, and the chat stays as it was', async () => {
    for (const id of [await botChat(), await bridgedChat()]) {
      const before = await snapshot(id);
      expectCode(await post(id, keys.supervise, 'pretending to be the customer'), 'CONFLICT');
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it('writes internal messages and notes, and transfers a held chat, as a supervisor would', async () => {
    const id = await heldChat();
    const internal = await ok(api.url, POST, { input: { interactionId: id, body: 'Check the refund', internal: true } }, keys.supervise);
    expect(internal.postMessage).toMatchObject({ visibility: 'INTERNAL', author: { kind: 'SUPERVISOR' } });
    await ok(api.url, NOTE, { id, b: 'Noted by the CRM' }, keys.supervise);
    const moved = await ok(api.url, TRANSFER, { id, to: { trayId: campaign.generalTrayId }, note: 'Rebalancing' }, keys.supervise);
    expect(moved.transferInteraction.phase).toBe('WAITING');
    expect((await snapshot(id)).interaction.notes.map((n: any) => n.body)).toEqual(['Noted by the CRM', 'Rebalancing']);
  });

  it("leaves a bot's chat to the bot: neither closes it nor hands it off, and the chat stays as it was", async () => {
    const id = await botChat();
    const before = await snapshot(id);
    expectCode(await gql(api.url, CLOSE, { id }, keys.supervise), 'FORBIDDEN');
    expectCode(await gql(api.url, HAND_OFF, { i: { interactionId: id, trayId: campaign.generalTrayId } }, keys.supervise), 'FORBIDDEN');
    // Nor in bulk, beside a held chat it may close: all or none.
    const held = await heldChat();
    const heldBefore = await snapshot(held);
    expectCode(await gql(api.url, 'mutation($ids: [ID!]!) { closeInteractions(ids: $ids, result: SUCCESS) { id } }', { ids: [held, id] }, keys.supervise), 'FORBIDDEN');
    expect(await snapshot(id)).toEqual(before);
    expect(await snapshot(held)).toEqual(heldBefore);
  });

  it('closes held chats, one or several at once, as a supervisor would', async () => {
    const one = await heldChat();
    expect((await ok(api.url, CLOSE, { id: one }, keys.supervise)).closeInteraction.phase).toBe('CLOSED');
    const many = [await heldChat(), await heldChat()];
    const closed = await ok(api.url, 'mutation($ids: [ID!]!) { closeInteractions(ids: $ids, result: SUCCESS) { phase } }', { ids: many }, keys.supervise);
    expect(closed.closeInteractions).toEqual([{ phase: 'CLOSED' }, { phase: 'CLOSED' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// BOT
// ---------------------------------------------------------------------------------------------

describe('a BOT key', () => {
  it('speaks as the bot in a chat a bot serves, even one the widget started', async () => {
    const botFirst = await createCampaign(api.url, admin, { botFirst: true });
    const bot = await createApiKey(api.url, admin, ['BOT'], [botFirst.id]);
    const chat = await startWidgetChat(api.url, botFirst.id);
    const sent = await ok(api.url, POST, { input: { interactionId: chat.id, body: 'How can I help?' } }, bot);
    expect(sent.postMessage.author.kind).toBe('BOT');
  });

  it('neither writes nor closes once the chat it handed off is in human hands, and the chat stays as it was', async () => {
    const id = await botChat();
    await ok(api.url, HAND_OFF, { i: { interactionId: id, trayId: campaign.generalTrayId } }, keys.bot);
    await ok(api.url, TAKE, { id }, agent.token);
    const before = await snapshot(id);
    // Held by a person, the chat is out of the bot's sight altogether.
    expectCode(await post(id, keys.bot, 'Still the bot here'), 'NOT_FOUND');
    expectCode(await gql(api.url, CLOSE, { id }, keys.bot), 'NOT_FOUND');
    expect(await snapshot(id)).toEqual(before);
  });

  it('writes nothing into a chat a person served and closed, which it still sees', async () => {
    const id = await closedChat();
    const before = await snapshot(id);
    expectCode(await post(id, keys.bot, 'The bot again'), 'CONFLICT');
    expectCode(await post(id, keys.bot, 'A note from the bot', true), 'FORBIDDEN');
    expect(await snapshot(id)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// CHANNEL
// ---------------------------------------------------------------------------------------------

describe('a CHANNEL key', () => {
  it('writes as the customer into the chat it started, while it waits and once an agent holds it', async () => {
    const id = await bridgedChat();
    expect((await snapshot(id)).messages.map((m: any) => m.author.kind)).toEqual(['CONTACT']);
    await ok(api.url, TAKE, { id }, agent.token);
    await ok(api.url, POST, { input: { interactionId: id, body: 'Hi, I am your agent' } }, agent.token);
    const sent = await ok(api.url, POST, { input: { interactionId: id, body: 'Thanks!' } }, keys.channel);
    expect(sent.postMessage.author.kind).toBe('CONTACT');
  });

  it('reads the chats it started wherever they are, and no other key’s', async () => {
    const mine = await bridgedChat();
    const theirs = await bridgedChat(keys.otherChannel);
    await ok(api.url, TAKE, { id: mine }, agent.token);
    const seen = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase } messages(interactionId: $id) { body } }', { id: mine }, keys.channel);
    expect(seen).toEqual({ interaction: { phase: 'IN_SERVICE' }, messages: [{ body: 'Hola, from WhatsApp' }] });
    const listed = (await ok(api.url, LIST, { c: campaign.id }, keys.channel)).interactions.edges.map((e: any) => e.node.id);
    expect(listed).toContain(mine);
    expect(listed).not.toContain(theirs);
    expectCode(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: theirs }, keys.channel), 'NOT_FOUND');
  });

  it('never writes as the customer into a chat it did not start, and the chat stays as it was', async () => {
    const cases: [string, string][] = [
      [await bridgedChat(keys.otherChannel), 'NOT_FOUND'], // another bridge's chat, waiting: out of sight
      [await botChat(), 'FORBIDDEN'], // with a bot: everyone's to see, nobody's to write as its customer
      [await closedChat(), 'FORBIDDEN'],
    ];
    for (const [id, code] of cases) {
      const before = await snapshot(id);
      expectCode(await post(id, keys.channel, 'pretending to be the customer'), code);
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it('neither closes, hands off nor writes inside the chat it bridges, and the chat stays as it was', async () => {
    const id = await bridgedChat();
    const before = await snapshot(id);
    expectCode(await gql(api.url, CLOSE, { id }, keys.channel), 'FORBIDDEN');
    expectCode(await gql(api.url, HAND_OFF, { i: { interactionId: id, trayId: campaign.generalTrayId } }, keys.channel), 'FORBIDDEN');
    expectCode(await post(id, keys.channel, 'an internal note', true), 'FORBIDDEN');
    expect(await snapshot(id)).toEqual(before);
  });

  it('cannot start a webchat conversation, which is the widget’s', async () => {
    const chats = await count();
    expectCode(await gql(api.url, START, { i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Eve' } } }, keys.channel), 'BAD_USER_INPUT');
    expect(await count()).toBe(chats);
  });
});

// ---------------------------------------------------------------------------------------------
// Contacts by external id
// ---------------------------------------------------------------------------------------------

describe('a contact named by its external id', () => {
  it('is found again by a key of the campaigns it talked to', async () => {
    const externalId = `wa:${randomUUID()}`;
    const first = (await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'WHATSAPP', contact: { name: 'Ana', externalId } } }, keys.bot)).startInteraction.interaction;
    const again = (await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'WHATSAPP', contact: { externalId } } }, keys.channel)).startInteraction.interaction;
    expect(again.contact).toEqual(first.contact);
  });

  it('is neither shown nor changed to a key of another campaign, which gets a contact of its own', async () => {
    const externalId = `wa:${randomUUID()}`;
    const contact = { name: 'Ana', email: 'ana@example.com', phone: '+34 600 000 000', externalId };
    const ana = (await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'WHATSAPP', contact } }, keys.bot)).startInteraction.interaction;
    const before = await snapshot(ana.id);

    const probe = (await ok(api.url, START, { i: { campaignId: other.id, channel: 'WHATSAPP', contact: { name: 'Mallory', externalId } } }, keys.otherBot)).startInteraction.interaction;
    expect(probe.contact.id).not.toBe(ana.contact.id);
    expect(probe.contact).toMatchObject({ name: 'Mallory', email: null, phone: null });
    expect(await snapshot(ana.id)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// A transfer's staff note
// ---------------------------------------------------------------------------------------------

/** A receiver of webhook deliveries: their bodies, parsed. */
async function receiver() {
  const bodies: any[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      bodies.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { bodies, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, stop: () => new Promise((r) => server.close(r)) };
}

describe('the staff note of a transfer', () => {
  it('reaches neither webhooks nor a key’s event feed, while staff still read it in the trail', async () => {
    const hook = await receiver();
    try {
      await ok(api.url, 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret } }', { i: { url: hook.url, campaignIds: [campaign.id] } }, admin);
      const id = await heldChat();
      await ok(api.url, TRANSFER, { id, to: { trayId: campaign.generalTrayId }, note: 'VIP: refund approved' }, supervisor.token);
      const of = (type: string) => hook.bodies.find((b) => b.interactionId === id && b.type === type);
      await expect.poll(() => of('TRANSFERRED'), { timeout: 20_000, interval: 200 }).toBeTruthy();
      expect(of('TRANSFERRED').data).toMatchObject({ trayId: campaign.generalTrayId });
      expect(of('TRANSFERRED').data).not.toHaveProperty('note');

      // The feed read from just before: a webhook's event id is a feed cursor.
      const ws = connect(api.wsUrl, keys.supervise);
      try {
        const feed = ws.subscribe<any>('subscription($after: String) { interactionEvents(after: $after) { type interactionId data } }', { after: of('STARTED').id });
        const events = await feed.until((e) => e.some((x) => x.interactionEvents.interactionId === id && x.interactionEvents.type === 'TRANSFERRED'));
        const transferred = events.map((e) => e.interactionEvents).find((e) => e.interactionId === id && e.type === 'TRANSFERRED');
        expect(transferred.data).toMatchObject({ trayId: campaign.generalTrayId });
        expect(transferred.data).not.toHaveProperty('note');
      } finally {
        await ws.dispose();
      }

      const trail = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { notes { body } events { type data } } }', { id }, supervisor.token);
      expect(trail.interaction.notes).toEqual([{ body: 'VIP: refund approved' }]);
      expect(trail.interaction.events.find((e: any) => e.type === 'TRANSFERRED').data).toMatchObject({ note: 'VIP: refund approved' });
    } finally {
      await hook.stop();
    }
  });
});
