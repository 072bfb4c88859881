/**
 * Offline messages handled through the public API: agents (of the campaigns they work on),
 * supervisors (within their security group) and keys (within their campaigns) list them, answer them
 * by e-mail over real SMTP (a server started by the test receives the reply) or turn them into a
 * conversation; each is handled once (CONFLICT after), what is outside a caller's reach is NOT_FOUND
 * and stays unhandled, and without SMTP_URL an e-mail reply is refused with EMAIL_NOT_CONFIGURED.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp.js';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, signIn } from './support/world.js';

let smtp: SmtpReceiver;
let api: ApiProcess;
let noMail: ApiProcess;
let owner: string;
let sales: CampaignFixture;
let billing: CampaignFixture;
let southern: CampaignFixture;
let seller: Person;
let clerk: Person;
let supervisor: Person;
let salesKey: string;
let readKey: string;

const unique = () => randomBytes(4).toString('hex');
const FIELDS = 'id campaignId campaignName name email body handled { how at byId byName reply interactionId protocol }';
const LEAVE = `mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }`;
const LIST = `query($h: Boolean) { offlineMessages(handled: $h) { ${FIELDS} } }`;
const COUNT = '{ unhandledOfflineMessages }';
const ANSWER = `mutation($id: ID!, $b: String!) { answerOfflineMessage(id: $id, body: $b) { ${FIELDS} } }`;
const CONVERT = `mutation($id: ID!) { offlineMessageToConversation(id: $id) { ${FIELDS} } }`;
const CHAT = 'query($id: ID!) { interaction(id: $id) { id phase channel agent { id } tray { kind } campaign { id } contact { name email state } } }';
const MESSAGES = 'query($id: ID!) { messages(interactionId: $id) { body author { kind } } }';

async function leave(campaign: CampaignFixture, extra: Record<string, unknown> = {}): Promise<string> {
  const i = { campaignId: campaign.id, name: 'Lucía Pérez', email: `lucia-${unique()}@cliente.example`, language: 'es', body: `Quiero cambiar mi plan ${unique()}`, ...extra };
  return (await ok(api.url, LEAVE, { i })).leaveOfflineMessage.id;
}

const listed = async (token: string, handled: boolean | null = null): Promise<any[]> => (await ok(api.url, LIST, { h: handled }, token)).offlineMessages;
const ids = (list: any[]) => list.map((m) => m.id);
const stillUnhandled = async (id: string) => expect((await listed(owner)).find((m) => m.id === id)?.handled).toBeNull();

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  api = await startApi({ SMTP_URL: smtp.url, SMTP_FROM: 'Parley <care@tests.parley.dev>' });
  owner = await adminToken(api.url);
  const north = (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `North ${unique()}` }, owner)).createSecurityGroup;
  const south = (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `South ${unique()}` }, owner)).createSecurityGroup;
  seller = await createPerson(api.url, owner, 'AGENT', { securityGroupId: north.id });
  clerk = await createPerson(api.url, owner, 'AGENT', { securityGroupId: north.id });
  supervisor = await createPerson(api.url, owner, 'SUPERVISOR', { securityGroupId: north.id });
  sales = await createCampaign(api.url, owner, { securityGroupId: north.id, memberIds: [seller.id] });
  billing = await createCampaign(api.url, owner, { securityGroupId: north.id, memberIds: [clerk.id] });
  southern = await createCampaign(api.url, owner, { securityGroupId: south.id });
  salesKey = await createApiKey(api.url, owner, ['SUPERVISE'], [sales.id]);
  readKey = await createApiKey(api.url, owner, ['READ'], [sales.id]);
});

afterAll(async () => {
  await api?.stop();
  await smtp?.close();
});

describe('who sees offline messages', () => {
  it('lists them for the agents of their campaign, supervisors of their group and keys of their campaigns, and for nobody else', async () => {
    const [forSales, forBilling, forSouth] = [await leave(sales), await leave(billing), await leave(southern)];
    const seen = async (token: string) => ids(await listed(token));
    expect(await seen(seller.token)).toContain(forSales);
    expect(await seen(seller.token)).not.toContain(forBilling);
    expect(await seen(clerk.token)).toEqual(expect.arrayContaining([forBilling]));
    expect(await seen(clerk.token)).not.toContain(forSales);
    expect(await seen(supervisor.token)).toEqual(expect.arrayContaining([forSales, forBilling]));
    expect(await seen(supervisor.token)).not.toContain(forSouth);
    expect(await seen(salesKey)).toContain(forSales);
    expect(await seen(salesKey)).not.toContain(forBilling);
    expect(await seen(owner)).toEqual(expect.arrayContaining([forSales, forBilling, forSouth]));
    expectCode(await gql(api.url, LIST, {}, readKey), 'FORBIDDEN');
    expectCode(await gql(api.url, 'query($c: ID) { offlineMessages(campaignId: $c) { id } }', { c: southern.id }, supervisor.token), 'NOT_FOUND');
    expectCode(await gql(api.url, COUNT, {}), 'UNAUTHENTICATED');
    const mine = (await listed(seller.token)).find((m) => m.id === forSales);
    expect(mine).toMatchObject({ campaignId: sales.id, campaignName: sales.name, name: 'Lucía Pérez', handled: null });
  });

  it('counts what still waits, and the count drops when one is handled', async () => {
    const id = await leave(sales);
    const before = (await ok(api.url, COUNT, {}, seller.token)).unhandledOfflineMessages;
    expect(before).toBeGreaterThan(0);
    await ok(api.url, CONVERT, { id }, seller.token);
    expect((await ok(api.url, COUNT, {}, seller.token)).unhandledOfflineMessages).toBe(before - 1);
    expect(ids(await listed(seller.token, false))).not.toContain(id);
    expect(ids(await listed(seller.token, true))).toContain(id);
  });
});

describe('the count of what waits, live', () => {
  it('moves for whoever reaches the campaign, as messages are left and handled, and tells nobody else', async () => {
    const [sellerWs, clerkWs] = [connect(api.wsUrl, seller.token), connect(api.wsUrl, clerk.token)];
    try {
      const COUNTS = 'subscription { unhandledOfflineMessagesChanged }';
      const mine = sellerWs.subscribe<any>(COUNTS);
      const theirs = clerkWs.subscribe<any>(COUNTS);
      const [[first], [clerkFirst]] = await Promise.all([mine.waitFor(1), theirs.waitFor(1)]);
      const start = first.unhandledOfflineMessagesChanged;
      expect(start).toBe((await ok(api.url, COUNT, {}, seller.token)).unhandledOfflineMessages);
      const id = await leave(sales);
      await mine.until((e) => e.at(-1).unhandledOfflineMessagesChanged === start + 1);
      await ok(api.url, CONVERT, { id }, seller.token);
      await mine.until((e) => e.at(-1).unhandledOfflineMessagesChanged === start);
      // The clerk works on billing only: told of its own campaign's message, and of nothing before it
      // (its stream takes events in order, so the sales ones were counted and found to change nothing).
      await leave(billing);
      await theirs.waitFor(2);
      expect(theirs.events.map((e) => e.unhandledOfflineMessagesChanged)).toEqual([clerkFirst.unhandledOfflineMessagesChanged, clerkFirst.unhandledOfflineMessagesChanged + 1]);
    } finally {
      await Promise.all([sellerWs.dispose(), clerkWs.dispose()]);
    }
  });
});

describe('turning one into a conversation', () => {
  it("starts a chat held by the agent, whose first message is the customer's, and marks the message handled by whom", async () => {
    const id = await leave(sales, { body: 'Necesito factura A para mi empresa', email: 'empresa@cliente.example' });
    const done = (await ok(api.url, CONVERT, { id }, seller.token)).offlineMessageToConversation;
    expect(done.handled).toMatchObject({ how: 'CONVERSATION', byId: seller.id, reply: null, interactionId: expect.any(String), protocol: expect.any(String) });
    expect(Date.now() - Date.parse(done.handled.at)).toBeLessThan(60_000);
    const chat = (await ok(api.url, CHAT, { id: done.handled.interactionId }, seller.token)).interaction;
    expect(chat).toMatchObject({
      phase: 'IN_SERVICE',
      channel: 'WEBCHAT',
      agent: { id: seller.id },
      campaign: { id: sales.id },
      contact: { name: 'Lucía Pérez', email: 'empresa@cliente.example', state: 'AGENT' },
    });
    const messages = (await ok(api.url, MESSAGES, { id: chat.id }, seller.token)).messages;
    expect(messages).toEqual([{ body: 'Necesito factura A para mi empresa', author: { kind: 'CONTACT' } }]);
    await ok(api.url, 'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', { i: { interactionId: chat.id, body: 'Hola Lucía, te ayudo con eso' } }, seller.token);
    // Colleagues see it is done, and by whom.
    expect((await listed(supervisor.token)).find((m) => m.id === id).handled).toMatchObject({ how: 'CONVERSATION', byName: done.handled.byName, interactionId: chat.id });
  });

  it('leaves the chat waiting in the general tray when a key turns it', async () => {
    const id = await leave(sales);
    const done = (await ok(api.url, CONVERT, { id }, salesKey)).offlineMessageToConversation;
    expect(done.handled).toMatchObject({ how: 'CONVERSATION', byId: null, byName: expect.stringMatching(/^key /) });
    const chat = (await ok(api.url, CHAT, { id: done.handled.interactionId }, owner)).interaction;
    expect(chat).toMatchObject({ phase: 'WAITING', agent: null, tray: { kind: 'GENERAL' } });
  });

  it('is done once: a second hand, or an e-mail after it, is a CONFLICT, and two at once make one chat', async () => {
    const id = await leave(sales);
    await ok(api.url, CONVERT, { id }, seller.token);
    expect(expectCode(await gql(api.url, CONVERT, { id }, supervisor.token), 'CONFLICT')).toMatch(/already turned into a conversation by/);
    expectCode(await gql(api.url, ANSWER, { id, b: 'Hola' }, supervisor.token), 'CONFLICT');

    const raced = await leave(sales);
    const results = await Promise.all([gql(api.url, CONVERT, { id: raced }, seller.token), gql(api.url, CONVERT, { id: raced }, supervisor.token)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expectCode(
      results.find((r) => r.errors)!,
      'CONFLICT',
    );
    const chats = await ok(api.url, 'query($c: ID!) { interactions(filter: { campaignId: $c }, first: 200) { edges { node { id } } } }', { c: sales.id }, owner);
    const made = (await listed(owner)).filter((m) => m.id === raced).map((m) => m.handled.interactionId);
    expect(chats.interactions.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining(made));
  });

  it("is NOT_FOUND for whoever does not reach the message's campaign, and changes nothing", async () => {
    const [forBilling, forSouth] = [await leave(billing), await leave(southern)];
    expectCode(await gql(api.url, CONVERT, { id: forBilling }, seller.token), 'NOT_FOUND');
    expectCode(await gql(api.url, CONVERT, { id: forBilling }, salesKey), 'NOT_FOUND');
    expectCode(await gql(api.url, CONVERT, { id: forSouth }, supervisor.token), 'NOT_FOUND');
    expectCode(await gql(api.url, ANSWER, { id: forSouth, b: 'Hola' }, supervisor.token), 'NOT_FOUND');
    expectCode(await gql(api.url, CONVERT, { id: forBilling }, readKey), 'FORBIDDEN');
    await stillUnhandled(forBilling);
    await stillUnhandled(forSouth);
  });
});

describe('answering one by e-mail', () => {
  it("mails the reply to the customer's address, in their language, quoting their message, and records it", async () => {
    const id = await leave(sales, { email: 'marta@cliente.example', name: 'Marta', body: '¿Abren el sábado?' });
    const done = (await ok(api.url, ANSWER, { id, b: 'Sí, de 9 a 13 h.\nTe esperamos.' }, seller.token)).answerOfflineMessage;
    expect(done.handled).toMatchObject({ how: 'EMAIL', byId: seller.id, reply: 'Sí, de 9 a 13 h.\nTe esperamos.', interactionId: null });
    await expect.poll(() => smtp.inbox.filter((m) => m.to.includes('marta@cliente.example')).length, { timeout: 5000 }).toBe(1);
    const mail = smtp.inbox.find((m) => m.to.includes('marta@cliente.example'))!;
    expect(mail.subject).toBe(`Re: tu mensaje a ${sales.name}`);
    expect(mail.text).toContain('Hola Marta:');
    expect(mail.text).toContain('Sí, de 9 a 13 h.\nTe esperamos.');
    expect(mail.text).toContain('> ¿Abren el sábado?');
    expectCode(await gql(api.url, ANSWER, { id, b: 'Otra vez' }, supervisor.token), 'CONFLICT');
    expectCode(await gql(api.url, CONVERT, { id }, supervisor.token), 'CONFLICT');
    expect(smtp.inbox.filter((m) => m.to.includes('marta@cliente.example'))).toHaveLength(1);
  });

  it('leaves it unhandled when the mail server refuses the mail', async () => {
    const id = await leave(sales, { email: 'nobody-here@cliente.example' });
    smtp.refuse('nobody-here@cliente.example');
    expect(expectCode(await gql(api.url, ANSWER, { id, b: 'Hola' }, seller.token), 'EMAIL_NOT_SENT')).toMatch(/did not take the reply: 550/);
    await stillUnhandled(id);
    // Still open to be answered another way.
    expect((await ok(api.url, CONVERT, { id }, seller.token)).offlineMessageToConversation.handled).toMatchObject({ how: 'CONVERSATION' });
  });

  it('holds back no one’s events while a slow mail server takes its time', async () => {
    const id = await leave(sales, { email: 'slow@cliente.example' });
    const ws = connect(api.wsUrl, salesKey);
    try {
      const feed = ws.subscribe<any>('subscription { interactionEvents { type interactionId } }', {});
      await new Promise((r) => setTimeout(r, 300));
      smtp.slow(3000);
      const answering = ok(api.url, ANSWER, { id, b: 'Le respondemos en breve' }, seller.token);
      await new Promise((r) => setTimeout(r, 300));
      // A chat started while the mail is on its way: the feed (and every webhook) reads only what
      // every running transaction is newer than, so a transaction left open over the mail would hold it.
      const started = Date.now();
      const chat = (
        await ok(api.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', { i: { campaignId: sales.id, channel: 'WEBCHAT', contact: { name: 'Ana' } } })
      ).startInteraction.interaction.id;
      await feed.until((e) => e.some((x) => x.interactionEvents.interactionId === chat));
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await answering).answerOfflineMessage.handled).toMatchObject({ how: 'EMAIL' });
    } finally {
      smtp.slow(0);
      await ws.dispose();
    }
  });

  it('refuses an empty reply and a message that left no address, and leaves them unhandled', async () => {
    const id = await leave(sales);
    expectCode(await gql(api.url, ANSWER, { id, b: '   ' }, seller.token), 'BAD_USER_INPUT');
    const byPhone = await leave(sales, { email: null, phone: '+34 600 000 000' });
    expectCode(await gql(api.url, ANSWER, { id: byPhone, b: 'Hola' }, seller.token), 'BAD_USER_INPUT');
    await stillUnhandled(id);
    await stillUnhandled(byPhone);
  });
});

describe('answering by e-mail on a server without SMTP', () => {
  // Started once the others are up: two processes starting at once beside busy test files have missed the 30 s start.
  beforeAll(async () => {
    noMail = await startApi();
  });

  afterAll(async () => {
    await noMail?.stop();
  });

  it('is refused with EMAIL_NOT_CONFIGURED by a server without SMTP, which sends nothing and leaves it unhandled', async () => {
    const id = await leave(sales, { email: 'nadie@cliente.example' });
    const token = await signIn(noMail.url, seller.email);
    expect(expectCode(await gql(noMail.url, ANSWER, { id, b: 'Hola' }, token), 'EMAIL_NOT_CONFIGURED')).toMatch(/not configured/);
    await stillUnhandled(id);
    expect(smtp.inbox.filter((m) => m.to.includes('nadie@cliente.example'))).toHaveLength(0);
  });
});
