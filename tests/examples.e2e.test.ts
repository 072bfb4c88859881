/**
 * The examples of examples/, each run against a real API as an integrator would run it: the bot
 * greets, asks its two questions and hands the chat to the General tray with the answers; the
 * bridge carries a messaging app's customers into Parley and agents' answers back out, each once;
 * the webhook receiver takes a delivery Parley signed and refuses forged, stale and altered ones.
 */
import { createHmac } from 'node:crypto';
import { ParleyClient, type Message } from '@parley/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCRIPT, startBot } from '../examples/bot.js';
import { SimulatedMessagingApp, startBridge } from '../examples/bridge.js';
import { createWebhook, startWebhookReceiver, type WebhookEvent } from '../examples/webhook-receiver.js';
import { type ApiProcess, startApi } from './support/api.js';
import { ok } from './support/graphql.js';
import { adminToken, createApiKey, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let agent: Person;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT');
});

afterAll(async () => {
  await api?.stop();
});

const quiet = () => undefined;
const stored = async (id: string) =>
  (await ok(api.url, 'query($id: ID!) { messages(interactionId: $id, first: 500) { body visibility author { kind } } }', { id }, admin)).messages as { body: string; author: { kind: string } }[];

describe('the bot', () => {
  it('greets the customer, asks its two questions, and hands the chat to the General tray with the answers', async () => {
    const campaign = await createCampaign(api.url, admin, { botFirst: true });
    const key = await createApiKey(api.url, admin, ['BOT'], [campaign.id]);
    // One chat waits for a bot before the bot starts; the other starts while it runs.
    const early = await startWidgetChat(api.url, campaign.id, 'Early');
    const bot = await startBot({ url: api.url, key, campaignId: campaign.id, sweepMs: 1_000, log: quiet });
    const late = await startWidgetChat(api.url, campaign.id, 'Late');
    const [greeting, product, order] = [DEFAULT_SCRIPT.greeting, ...DEFAULT_SCRIPT.questions.map((q) => q.text)];

    for (const [chat, answers] of [
      [early, ['The blue kettle', 'A-1234']],
      [late, ['A red teapot', 'B-5678']],
    ] as const) {
      const customer = new ParleyClient({ url: api.url, token: chat.visitorToken });
      const heard: Message[] = [];
      customer.messages(chat.id, { afterSequence: 0, onData: (m) => heard.push(m) });
      const botSaid = () => heard.filter((m) => m.author.kind === 'BOT').map((m) => m.body);
      await vi.waitFor(() => expect(botSaid()).toEqual([greeting, product]), { timeout: 10_000 });
      await customer.postMessage({ interactionId: chat.id, body: answers[0] });
      await vi.waitFor(() => expect(botSaid()).toEqual([greeting, product, order]), { timeout: 5_000 });
      await customer.postMessage({ interactionId: chat.id, body: answers[1] });

      const inTray = async () => (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase tray { id } botAnswers { key value } } }', { id: chat.id }, admin)).interaction;
      await vi.waitFor(async () => expect((await inTray()).phase).toBe('WAITING'), { timeout: 5_000 });
      expect(await inTray()).toEqual({
        phase: 'WAITING',
        tray: { id: campaign.generalTrayId },
        botAnswers: [
          { key: 'product', value: answers[0] },
          { key: 'order', value: answers[1] },
        ],
      });
      // Each line once, whatever the bot heard twice.
      expect((await stored(chat.id)).filter((m) => m.author.kind === 'BOT').map((m) => m.body)).toEqual([greeting, product, order]);
      await customer.close();
    }
    await bot.stop();
  });
});

describe('the bridge', () => {
  it('starts a conversation for a new customer of the app, relays both ways, stores a message the app delivers twice once, and starts anew once the chat is closed', async () => {
    const campaign = await createCampaign(api.url, admin, { messages: [{ language: 'en', closing: 'Thank you for writing to us.' }] });
    const key = await createApiKey(api.url, admin, ['CHANNEL'], [campaign.id]);
    const app = new SimulatedMessagingApp();
    const bridge = await startBridge({ url: api.url, key, campaignId: campaign.id, app, log: quiet });
    const phone = '+34 600 111 222';

    const first = app.customerWrites(phone, 'Hola, my order is late', 'Ana');
    await bridge.idle();
    const id = bridge.conversationOf(phone)!;
    const chat = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { channel phase contact { name externalId } } }', { id }, admin)).interaction;
    expect(chat).toEqual({ channel: 'WHATSAPP', phase: 'WAITING', contact: { name: 'Ana', externalId: phone } });

    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent.token);
    const say = (body: string, internal = false) => ok(api.url, POST, { input: { interactionId: id, body, internal } }, agent.token);
    await say('Sorry about that, let me look.');
    await say('Carrier lost it, refund her', true);
    await say('It is on its way again.');
    const toCustomer = () => app.sent.filter((r) => r.to === phone).map((r) => r.text);
    await vi.waitFor(() => expect(toCustomer()).toContain('It is on its way again.'), { timeout: 5_000 });
    expect(toCustomer().filter((text) => text.startsWith('Sorry') || text.startsWith('It is'))).toEqual(['Sorry about that, let me look.', 'It is on its way again.']);
    expect(toCustomer()).not.toContain('Carrier lost it, refund her');
    expect(toCustomer()).not.toContain('Hola, my order is late');
    expect(app.sent.find((r) => r.text === 'It is on its way again.')!.author).toBe(agent.name);

    app.customerWrites(phone, 'Thanks!');
    app.deliver(first);
    await bridge.idle();
    const customerSaid = async (interactionId: string) => (await stored(interactionId)).filter((m) => m.author.kind === 'CONTACT').map((m) => m.body);
    expect(await customerSaid(id)).toEqual(['Hola, my order is late', 'Thanks!']);

    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id }, agent.token);
    // The closing text goes out, once, and the bridge stops following the closed chat.
    await vi.waitFor(() => expect(bridge.conversationOf(phone)).toBeUndefined(), { timeout: 5_000 });
    await vi.waitFor(() => expect(toCustomer().filter((text) => text === 'Thank you for writing to us.')).toHaveLength(1), { timeout: 5_000 });
    app.customerWrites(phone, 'One more thing');
    await bridge.idle();
    const next = bridge.conversationOf(phone)!;
    expect(next).not.toBe(id);
    expect(await customerSaid(next)).toEqual(['One more thing']);
    expect(await customerSaid(id)).toEqual(['Hola, my order is late', 'Thanks!']);
    await bridge.stop();
  });
});

describe('the webhook receiver', () => {
  it('hands on a delivery Parley signed, once, and refuses unsigned, forged, stale and altered ones with 401', async () => {
    const campaign = await createCampaign(api.url, admin);
    let secret: string | null = null;
    const received: WebhookEvent[] = [];
    const refused: string[] = [];
    const receiver = await startWebhookReceiver({ secret: () => secret, onEvent: (event) => void received.push(event), onRefused: (reason) => refused.push(reason) });
    const administrator = new ParleyClient({ url: api.url, token: admin });
    const hook = await createWebhook(administrator, { url: receiver.url, campaignIds: [campaign.id], eventTypes: ['STARTED'] });
    secret = hook.secret;

    const chat = await startWidgetChat(api.url, campaign.id);
    await vi.waitFor(() => expect(received.map((e) => [e.type, e.interactionId])).toContainEqual(['STARTED', chat.id]), { timeout: 15_000 });
    // The receiver has the delivery before Parley has read its 200 and written it down.
    const log = async () => (await ok(api.url, 'query($id: ID!) { webhookDeliveries(webhookId: $id) { status lastStatusCode } }', { id: hook.id }, admin)).webhookDeliveries;
    await vi.waitFor(async () => expect(await log()).toEqual([{ status: 'DELIVERED', lastStatusCode: 200 }]), { timeout: 5_000 });
    expect(refused).toEqual([]);

    const body = JSON.stringify({ id: 'made-by-the-test', type: 'CLOSED', interactionId: chat.id, createdAt: new Date().toISOString() });
    const sign = (key: string, t: number, signed: string) => `t=${t},v1=${createHmac('sha256', key).update(`${t}.${signed}`).digest('hex')}`;
    const send = async (sent: string, signature?: string) =>
      (await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'parley-signature': signature } : {}) }, body: sent })).status;
    const now = Math.floor(Date.now() / 1000);
    expect(await send(body)).toBe(401);
    expect(await send(body, sign('whsec_not-the-hooks-secret', now, body))).toBe(401);
    expect(await send(body, sign(hook.secret, now - 600, body))).toBe(401);
    expect(await send(body.replace('CLOSED', 'TAKEN'), sign(hook.secret, now, body))).toBe(401);
    expect(refused).toEqual(['Bad signature', 'Bad signature', 'Bad signature', 'Bad signature']);
    expect(received.map((e) => e.id)).not.toContain('made-by-the-test');
    // The same body signed with the hook's secret, now, passes: the refusals were the signature's. Twice, handed on once.
    expect(await send(body, sign(hook.secret, now, body))).toBe(200);
    expect(await send(body, sign(hook.secret, now, body))).toBe(200);
    expect(received.filter((e) => e.id === 'made-by-the-test')).toHaveLength(1);

    await administrator.close();
    await receiver.close();
  });
});
