/**
 * Webhooks: signed deliveries of interaction events, sent as soon as they commit, several at once
 * and one interaction's in order, retried with backoff, logged, deduplicable by event id; a hook
 * that keeps failing is disabled and says so, a slow one holds up no other, a deleted one sends
 * nothing more. The receiver is a real HTTP server started by the test.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

interface Received {
  eventId: string;
  signature: string;
  timestamp: string;
  body: string;
  answered: number;
}

/**
 * A receiver that answers 500 to its first `failures` requests (or forever), then 200; after
 * `delayMs`, or never (`hang`), counting how many requests it holds at once.
 */
function receiver() {
  const received: Received[] = [];
  let failures = 0;
  let delayMs = 0;
  let hang = false;
  let open = 0;
  let mostOpen = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    open++;
    mostOpen = Math.max(mostOpen, open);
    req.on('data', (d) => (body += d));
    res.on('close', () => open--);
    req.on('end', () => {
      if (hang) return;
      const answered = failures !== 0 ? 500 : 200;
      if (failures > 0) failures--;
      setTimeout(() => {
        received.push({ eventId: String(req.headers['parley-event-id']), signature: String(req.headers['parley-signature']), timestamp: String(req.headers['parley-timestamp']), body, answered });
        res.writeHead(answered).end();
      }, delayMs);
    });
  });
  return {
    received,
    /** How many requests fail next; -1 fails all of them. */
    fail(n: number) {
      failures = n;
    },
    /** Answers each request after `ms`. */
    slow(ms: number) {
      delayMs = ms;
    },
    /** Never answers: the sender's time limit ends each request. */
    hang() {
      hang = true;
    },
    mostOpen: () => mostOpen,
    async start(): Promise<string> {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    },
    stop: () =>
      new Promise((r) => {
        server.close(r);
        server.closeAllConnections();
      }),
    /** Event ids that were answered 200. */
    delivered: () => [...new Set(received.filter((r) => r.answered === 200).map((r) => r.eventId))],
  };
}

let api: ApiProcess;
let admin: string;
let agent: Person;
let campaign: CampaignFixture;

let database: { name: string; url: string };

beforeAll(async () => {
  // A database of its own: API processes of other test files would otherwise work this job queue
  // too, with their own retry and disable settings.
  database = await createTestDatabase();
  api = await startApi({ DATABASE_URL: database.url, JOB_POLL_SECONDS: '0.5', WEBHOOK_RETRY_SECONDS: '1', WEBHOOK_DISABLE_AFTER_FAILURES: '3', WEBHOOK_TIMEOUT_MS: '3000' });
  admin = await adminToken(api.url);
  // Tests here run several chats at once through one agent.
  agent = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 20 });
  campaign = await createCampaign(api.url, admin);
});

afterAll(async () => {
  await api?.stop();
  if (database) await dropTestDatabase(database.name);
});

const CREATE = 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret webhook { id active } } }';
const DELIVERIES = 'query($id: ID!) { webhookDeliveries(webhookId: $id) { eventId eventType status attempts lastStatusCode } }';
const HOOKS = '{ webhooks { id active disabledReason consecutiveFailures } }';

async function chatLifecycle(campaignId: string): Promise<string> {
  const chat = await startWidgetChat(api.url, campaignId);
  await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
  await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, agent.token);
  return chat.id;
}

describe('webhooks', () => {
  it('delivers every event of its campaign, signed, through failures and retries: none lost, each logged once', async () => {
    const hook = receiver();
    const url = await hook.start();
    try {
      const created = (await ok(api.url, CREATE, { i: { url, campaignIds: [campaign.id] } }, admin)).createWebhook;
      expect(created.secret).toMatch(/^whsec_/);
      hook.fail(2);
      const other = await createCampaign(api.url, admin);
      await chatLifecycle(other.id); // not this hook's campaign
      const chatId = await chatLifecycle(campaign.id);

      await expect.poll(() => hook.delivered().length, { timeout: 20_000, interval: 200 }).toBe(3);
      const bodies = hook.received.filter((r) => r.answered === 200).map((r) => JSON.parse(r.body));
      expect(new Set(bodies.map((b) => b.interactionId))).toEqual(new Set([chatId]));
      expect(bodies.map((b) => b.type).sort()).toEqual(['CLOSED', 'STARTED', 'TAKEN']);
      // Every request is signed over its timestamp and body with the secret shown at creation.
      for (const r of hook.received) {
        const mac = createHmac('sha256', created.secret).update(`${r.timestamp}.${r.body}`).digest('hex');
        expect(r.signature).toBe(`t=${r.timestamp},v1=${mac}`);
        expect(JSON.parse(r.body).id).toBe(r.eventId);
      }
      // The two failed requests were retried under the same event id.
      expect(hook.received.filter((r) => r.answered === 500)).toHaveLength(2);
      // The receiver has answered a moment before Parley writes the answer down.
      const logged = async () => (await ok(api.url, DELIVERIES, { id: created.webhook.id }, admin)).webhookDeliveries;
      await expect
        .poll(async () => (await logged()).map((d: any) => [d.status, d.lastStatusCode]), { timeout: 5_000 })
        .toEqual([
          ['DELIVERED', 200],
          ['DELIVERED', 200],
          ['DELIVERED', 200],
        ]);
      const log = await logged();
      expect(log.reduce((n: number, d: any) => n + d.attempts, 0)).toBe(5);
      await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: created.webhook.id }, admin);
    } finally {
      await hook.stop();
    }
  });

  it('disables a hook that keeps failing, says why, and sends what waited once it is turned on again', async () => {
    const hook = receiver();
    const url = await hook.start();
    try {
      const created = (await ok(api.url, CREATE, { i: { url, campaignIds: [campaign.id], eventTypes: ['CLOSED'] } }, admin)).createWebhook;
      hook.fail(-1);
      const first = await chatLifecycle(campaign.id);
      const second = await chatLifecycle(campaign.id);
      const third = await chatLifecycle(campaign.id);
      const state = async () => (await ok(api.url, HOOKS, {}, admin)).webhooks.find((w: any) => w.id === created.webhook.id);
      await expect.poll(async () => (await state()).active, { timeout: 20_000, interval: 200 }).toBe(false);
      const off = await state();
      expect(off.disabledReason).toBe('Disabled after 3 failed deliveries in a row');
      expect(off.consecutiveFailures).toBe(3);

      hook.fail(0);
      const on = await ok(api.url, 'mutation($id: ID!) { setWebhookActive(id: $id, active: true) { active disabledReason consecutiveFailures } }', { id: created.webhook.id }, admin);
      expect(on.setWebhookActive).toEqual({ active: true, disabledReason: null, consecutiveFailures: 0 });
      await expect.poll(() => hook.delivered().length, { timeout: 20_000, interval: 200 }).toBe(3);
      const closed = hook.received.filter((r) => r.answered === 200).map((r) => JSON.parse(r.body));
      expect(new Set(closed.map((b) => b.interactionId))).toEqual(new Set([first, second, third]));
      expect(closed.every((b) => b.type === 'CLOSED')).toBe(true);
    } finally {
      await hook.stop();
    }
  });

  it('sends several deliveries at once, yet each interaction’s events in order', async () => {
    const hook = receiver();
    const url = await hook.start();
    try {
      hook.slow(150);
      const created = (await ok(api.url, CREATE, { i: { url, campaignIds: [campaign.id] } }, admin)).createWebhook;
      const chats = await Promise.all(Array.from({ length: 6 }, () => chatLifecycle(campaign.id)));
      await expect.poll(() => hook.delivered().length, { timeout: 20_000, interval: 100 }).toBe(18);
      const bodies = hook.received.map((r) => JSON.parse(r.body));
      for (const id of chats) expect(bodies.filter((b) => b.interactionId === id).map((b) => b.type)).toEqual(['STARTED', 'TAKEN', 'CLOSED']);
      expect(hook.mostOpen()).toBeGreaterThan(1);
      await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: created.webhook.id }, admin);
    } finally {
      await hook.stop();
    }
  });

  it('keeps a healthy hook on time beside one that never answers', async () => {
    const [stuck, healthy] = [receiver(), receiver()];
    const [stuckUrl, healthyUrl] = [await stuck.start(), await healthy.start()];
    try {
      stuck.hang();
      const hooks = [
        (await ok(api.url, CREATE, { i: { url: stuckUrl, campaignIds: [campaign.id] } }, admin)).createWebhook.webhook.id,
        (await ok(api.url, CREATE, { i: { url: healthyUrl, campaignIds: [campaign.id] } }, admin)).createWebhook.webhook.id,
      ];
      const started = Date.now();
      const chats = await Promise.all(Array.from({ length: 8 }, () => chatLifecycle(campaign.id)));
      const heard = () => healthy.received.filter((r) => r.answered === 200 && chats.includes(JSON.parse(r.body).interactionId)).length;
      // Each stuck request takes the whole 3 s time limit; the healthy hook's 24 events must not wait for them.
      await expect.poll(heard, { timeout: 10_000, interval: 50 }).toBe(24);
      expect(Date.now() - started).toBeLessThan(3000);
      for (const id of hooks) await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id }, admin);
    } finally {
      await Promise.all([stuck.stop(), healthy.stop()]);
    }
  });

  it('sends nothing more for a deleted hook, its retries included', async () => {
    const hook = receiver();
    const url = await hook.start();
    try {
      hook.fail(-1);
      const created = (await ok(api.url, CREATE, { i: { url, campaignIds: [campaign.id], eventTypes: ['STARTED'] } }, admin)).createWebhook;
      await startWidgetChat(api.url, campaign.id);
      await expect.poll(() => hook.received.length, { timeout: 10_000, interval: 50 }).toBeGreaterThan(0);
      await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: created.webhook.id }, admin);
      expectCode(await gql(api.url, DELIVERIES, { id: created.webhook.id }, admin), 'NOT_FOUND');
      hook.fail(0);
      const after = hook.received.length;
      // Retries come 1 s, then 2 s, after a failure: none of them may come now.
      await new Promise((r) => setTimeout(r, 3500));
      expect(hook.received.length).toBe(after);
    } finally {
      await hook.stop();
    }
  });

  it('pings a hook on request, and sends a delivery again under the same event id', async () => {
    const hook = receiver();
    const url = await hook.start();
    try {
      const created = (await ok(api.url, CREATE, { i: { url, campaignIds: [campaign.id], eventTypes: ['STARTED'] } }, admin)).createWebhook;
      const PING = 'mutation($id: ID!) { pingWebhook(id: $id) { id eventId eventType interactionId status } }';
      const pinged = (await ok(api.url, PING, { id: created.webhook.id }, admin)).pingWebhook;
      expect(pinged).toMatchObject({ eventType: 'PING', interactionId: null, status: 'PENDING' });
      await expect.poll(() => hook.delivered(), { timeout: 10_000, interval: 50 }).toContain(pinged.eventId);
      const request = hook.received.find((r) => r.eventId === pinged.eventId)!;
      expect(JSON.parse(request.body)).toMatchObject({ id: pinged.eventId, type: 'PING', webhookId: created.webhook.id });
      expect(request.signature).toBe(`t=${request.timestamp},v1=${createHmac('sha256', created.secret).update(`${request.timestamp}.${request.body}`).digest('hex')}`);

      const chat = await startWidgetChat(api.url, campaign.id);
      const log = async () =>
        (await ok(api.url, 'query($id: ID!) { webhookDeliveries(webhookId: $id) { id eventId interactionId status attempts } }', { id: created.webhook.id }, admin)).webhookDeliveries;
      await expect.poll(async () => (await log()).find((d: any) => d.interactionId === chat.id)?.status, { timeout: 10_000, interval: 50 }).toBe('DELIVERED');
      const started = (await log()).find((d: any) => d.interactionId === chat.id);
      const before = hook.received.filter((r) => r.eventId === started.eventId).length;
      const again = (await ok(api.url, 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id status attempts } }', { id: started.id }, admin)).redeliverWebhook;
      expect(again).toEqual({ id: started.id, status: 'PENDING', attempts: 0 });
      await expect.poll(() => hook.received.filter((r) => r.eventId === started.eventId).length, { timeout: 10_000, interval: 50 }).toBe(before + 1);
      await expect.poll(async () => (await log()).find((d: any) => d.id === started.id), { timeout: 10_000, interval: 50 }).toMatchObject({ status: 'DELIVERED', attempts: 1 });
      expectCode(await gql(api.url, 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }', { id: started.id }, agent.token), 'FORBIDDEN');
      expectCode(await gql(api.url, 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, admin), 'NOT_FOUND');
      // An ADMIN key limited to another campaign does not reach this hook's deliveries, and sends nothing.
      const elsewhere = await createCampaign(api.url, admin);
      const limited = await createApiKey(api.url, admin, ['ADMIN'], [elsewhere.id]);
      const sent = hook.received.filter((r) => r.eventId === started.eventId).length;
      expectCode(await gql(api.url, 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }', { id: started.id }, limited), 'NOT_FOUND');
      expect((await log()).find((d: any) => d.id === started.id)).toMatchObject({ status: 'DELIVERED', attempts: 1 });
      await new Promise((r) => setTimeout(r, 500));
      expect(hook.received.filter((r) => r.eventId === started.eventId).length).toBe(sent);
      await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: created.webhook.id }, admin);
    } finally {
      await hook.stop();
    }
  });

  it('sends an event committed while another process held the hook, with no later commit to wake it', async () => {
    const hook = receiver();
    const url = await hook.start();
    // Another server process pumping: it locked every hook before this event committed, and stops
    // (or ends its pump) without reading it.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      const created = (await ok(api.url, CREATE, { i: { url, campaignIds: [campaign.id], eventTypes: ['STARTED'] } }, admin)).createWebhook;
      await other.query('begin');
      await other.query('select id from webhooks where active for update');
      const chat = await startWidgetChat(api.url, campaign.id);
      await new Promise((r) => setTimeout(r, 500));
      expect(hook.received).toEqual([]);
      await other.query('commit');
      await expect.poll(() => hook.received.map((r) => JSON.parse(r.body).interactionId), { timeout: 5_000, interval: 50 }).toContain(chat.id);
      await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: created.webhook.id }, admin);
    } finally {
      await other.end();
      await hook.stop();
    }
  });

  it('sends an event held back by a transaction that ends without writing events', async () => {
    const hook = receiver();
    const url = await hook.start();
    // A transaction older than the event (a heartbeat, a job) keeps it unreadable, then commits
    // with nothing to notify.
    const older = new pg.Client({ connectionString: database.url });
    await older.connect();
    try {
      const created = (await ok(api.url, CREATE, { i: { url, campaignIds: [campaign.id], eventTypes: ['STARTED'] } }, admin)).createWebhook;
      await older.query('begin');
      await older.query('select pg_current_xact_id()');
      const chat = await startWidgetChat(api.url, campaign.id);
      await new Promise((r) => setTimeout(r, 500));
      expect(hook.received).toEqual([]);
      await older.query('commit');
      await expect.poll(() => hook.received.map((r) => JSON.parse(r.body).interactionId), { timeout: 5_000, interval: 50 }).toContain(chat.id);
      await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: created.webhook.id }, admin);
    } finally {
      await older.end();
      await hook.stop();
    }
  });

  it('made from now, sends nothing committed before it, though an older transaction still ran', async () => {
    const hook = receiver();
    const url = await hook.start();
    const older = new pg.Client({ connectionString: database.url });
    await older.connect();
    try {
      await older.query('begin');
      await older.query('select pg_current_xact_id()');
      const earlier = await startWidgetChat(api.url, campaign.id);
      const created = (await ok(api.url, CREATE, { i: { url, campaignIds: [campaign.id], eventTypes: ['STARTED'] } }, admin)).createWebhook;
      const later = await startWidgetChat(api.url, campaign.id);
      await older.query('commit');
      const heard = () => hook.received.map((r) => JSON.parse(r.body).interactionId);
      await expect.poll(heard, { timeout: 5_000, interval: 50 }).toContain(later.id);
      expect(heard()).not.toContain(earlier.id);
      await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: created.webhook.id }, admin);
    } finally {
      await older.end();
      await hook.stop();
    }
  });

  it('starts a new hook from a moment past when asked, and from now otherwise', async () => {
    const hook = receiver();
    const url = await hook.start();
    try {
      const since = new Date(Date.now() - 1000).toISOString();
      const earlier = await startWidgetChat(api.url, campaign.id);
      const fromPast = (await ok(api.url, CREATE, { i: { url, campaignIds: [campaign.id], eventTypes: ['STARTED'], since } }, admin)).createWebhook.webhook.id;
      const fromNow = (await ok(api.url, CREATE, { i: { url: `${url}?now`, campaignIds: [campaign.id], eventTypes: ['STARTED'] } }, admin)).createWebhook.webhook.id;
      const later = await startWidgetChat(api.url, campaign.id);
      const heard = (hookId: string) => async () =>
        (await ok(api.url, 'query($id: ID!) { webhookDeliveries(webhookId: $id) { interactionId status } }', { id: hookId }, admin)).webhookDeliveries
          .filter((d: any) => d.status === 'DELIVERED')
          .map((d: any) => d.interactionId);
      await expect.poll(heard(fromPast), { timeout: 10_000, interval: 50 }).toEqual(expect.arrayContaining([earlier.id, later.id]));
      await expect.poll(heard(fromNow), { timeout: 10_000, interval: 50 }).toContain(later.id);
      expect(await heard(fromNow)()).not.toContain(earlier.id);
      expectCode(await gql(api.url, CREATE, { i: { url, since: new Date(Date.now() + 60_000).toISOString() } }, admin), 'BAD_USER_INPUT');
      for (const id of [fromPast, fromNow]) await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id }, admin);
    } finally {
      await hook.stop();
    }
  });

  it('drives a bot by webhooks alone: it hears the customer through its hook, answers, and hands off', async () => {
    const botCampaign = await createCampaign(api.url, admin, { botFirst: true });
    const botKey = await createApiKey(api.url, admin, ['BOT'], [botCampaign.id]);
    const HAND_OFF = 'mutation($i: HandOffInput!) { handOff(input: $i) { phase } }';
    // The bot's endpoint: it answers a customer's first message, and hands the chat to people on the second.
    const heard: any[] = [];
    const bot = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', async () => {
        res.writeHead(200).end();
        const event = JSON.parse(body);
        heard.push(event);
        if (event.type !== 'MESSAGE_ADDED' || event.data.author.kind !== 'CONTACT') return;
        const said = heard.filter((e) => e.interactionId === event.interactionId && e.data.author.kind === 'CONTACT').length;
        if (said === 1) await ok(api.url, POST, { input: { interactionId: event.interactionId, body: `You said: ${event.data.body}` } }, botKey);
        else await ok(api.url, HAND_OFF, { i: { interactionId: event.interactionId, trayId: botCampaign.generalTrayId, botAnswers: [{ key: 'asked', value: event.data.body }] } }, botKey);
      });
    });
    await new Promise<void>((r) => bot.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/bot`;
      const hook = (await ok(api.url, CREATE, { i: { url, campaignIds: [botCampaign.id], eventTypes: ['MESSAGE_ADDED'] } }, admin)).createWebhook.webhook.id;
      const chat = await startWidgetChat(api.url, botCampaign.id);
      const bodies = async () => (await ok(api.url, 'query($id: ID!) { messages(interactionId: $id, first: 100) { body } }', { id: chat.id }, chat.visitorToken)).messages.map((m: any) => m.body);
      await ok(api.url, POST, { input: { interactionId: chat.id, body: 'Where is my order?' } }, chat.visitorToken);
      await expect.poll(bodies, { timeout: 10_000, interval: 50 }).toContain('You said: Where is my order?');
      await ok(api.url, POST, { input: { interactionId: chat.id, body: 'A person, please' } }, chat.visitorToken);
      const phase = async () => (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase tray { id } botAnswers { key value } } }', { id: chat.id }, admin)).interaction;
      await expect
        .poll(phase, { timeout: 10_000, interval: 50 })
        .toMatchObject({ phase: 'WAITING', tray: { id: botCampaign.generalTrayId }, botAnswers: [{ key: 'asked', value: 'A person, please' }] });
      // Each public message came once, in order, with its sequence and author: the customer's, the bot's.
      const messages = heard.filter((e) => e.interactionId === chat.id && e.type === 'MESSAGE_ADDED');
      const sequences = messages.map((e) => e.data.sequence);
      expect(sequences).toEqual([...sequences].sort((x, y) => x - y));
      expect(new Set(sequences).size).toBe(sequences.length);
      expect(messages.filter((e) => e.data.author.kind !== 'SYSTEM').map((e) => [e.data.author.kind, e.data.body])).toEqual([
        ['CONTACT', 'Where is my order?'],
        ['BOT', 'You said: Where is my order?'],
        ['CONTACT', 'A person, please'],
      ]);
      // The feed's field names: the same cursor, actor and details as interactionEvents gives.
      expect(messages[0]).toMatchObject({ campaignId: botCampaign.id, channel: 'WEBCHAT', actorKind: 'CONTACT', data: { attachments: [] } });
      expect(messages[0].cursor).toBe(messages[0].id);
      await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: hook }, admin);
    } finally {
      await new Promise((r) => bot.close(r));
    }
  });

  it('refuses an event type no event has, and makes no hook', async () => {
    const before = (await ok(api.url, HOOKS, {}, admin)).webhooks.length;
    expectCode(await gql(api.url, CREATE, { i: { url: 'http://127.0.0.1:9/hook', eventTypes: ['CLOSD'] } }, admin), 'BAD_USER_INPUT');
    expect((await ok(api.url, HOOKS, {}, admin)).webhooks).toHaveLength(before);
  });

  it('is for administrators, and refuses a URL that is not http(s)', async () => {
    expectCode(await gql(api.url, CREATE, { i: { url: 'ftp://example.com/x' } }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, CREATE, { i: { url: 'http://127.0.0.1:1/x' } }, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, HOOKS, {}, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, DELIVERIES, { id: '00000000-0000-4000-8000-000000000000' }, admin), 'NOT_FOUND');
  });
});
