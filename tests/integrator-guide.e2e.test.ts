/**
 * docs/integrators.md is true. Every shell and TypeScript block of the guide runs here against a real
 * server, with exactly the variables its marker names (`<!-- example: <name> needs: <VARS> -->`), and
 * what it did is checked through the API; every webhook payload the guide shows (`<!-- payload: TYPE
 * -->`) has the shape of a real delivery of its type, one for every event type the schema has; and its
 * tables of limits, page sizes and error codes (`<!-- check: ... -->`) are provoked row by row. A code
 * block without a marker, an example without a check here or a check without an example fails the
 * first test, so no example escapes and none goes stale.
 *
 * The server has a database of its own, so that the webhook deliveries are worked by it alone. A
 * second process on that database has small rate limits for API keys and failed sign-ins and a
 * one-second session window, for the examples that show RATE_LIMITED and CONTACT_EXPIRED.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { type Example, type Finished, readGuide, resetExamplesDir, runDir, runExample, startExample, typeCheck } from './support/guide.js';
import { connect, errorCodes } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, PASSWORD, type Person, PNG_1PX, POST, startWidgetChat, uploadFile } from './support/world.js';

const ROOT = path.resolve(__dirname, '..');
const MARKDOWN = readFileSync(path.join(ROOT, 'docs', 'integrators.md'), 'utf8');
const SCHEMA = readFileSync(path.join(ROOT, 'schema', 'schema.graphql'), 'utf8');
const guide = readGuide(MARKDOWN);

/** The API key rate limit of the second process, and its failed sign-ins per account. */
const KEY_LIMIT = 3;

let api: ApiProcess;
let limited: ApiProcess;
let database: { name: string; url: string };
let admin: string;
let agent: Person;
let supervisor: Person;
/** A campaign as created: chats wait for agents. */
let campaign: CampaignFixture;

beforeAll(async () => {
  resetExamplesDir();
  database = await createTestDatabase();
  const common = { DATABASE_URL: database.url, JOB_POLL_SECONDS: '0.5', WEBHOOK_RETRY_SECONDS: '1' };
  api = await startApi({ ...common, PUBSUB_PREFIX: `${inject('pubsubPrefix')}-guide` });
  // Started once the first has migrated the database.
  limited = await startApi({
    ...common,
    PUBSUB_PREFIX: `${inject('pubsubPrefix')}-guide-limited`,
    RATE_LIMIT_API_KEY_PER_MINUTE: String(KEY_LIMIT),
    SIGN_IN_FAILURES_PER_ACCOUNT: String(KEY_LIMIT),
    CONTACT_EXPIRY_SECONDS: '1',
    // A mail server nobody runs: an offline reply sent through this process is not taken (EMAIL_NOT_SENT).
    SMTP_URL: 'smtp://127.0.0.1:9',
  });
  admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 50 });
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  campaign = await createCampaign(api.url, admin);
});

afterAll(async () => {
  await Promise.all([api?.stop(), limited?.stop()]);
  if (database) await dropTestDatabase(database.name);
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const example = (name: string): Example => {
  const found = guide.examples.find((e) => e.name === name);
  if (!found) throw new Error(`the guide has no example "${name}"`);
  return found;
};

/** Runs an example to its end and expects it to succeed; answers its output. */
async function run(name: string, vars: Record<string, string>, options: { cwd?: string } = {}): Promise<Finished> {
  const finished = await runExample(example(name), vars, options);
  expect(finished.code, `${name} failed:\n${finished.stdout}\n${finished.stderr}`).toBe(0);
  return finished;
}

/** The GraphQL answer a shell example printed. */
const answerOf = (finished: Finished): any => JSON.parse(finished.stdout);

const keyFor = (scopes: string[], campaignIds: string[] = [campaign.id]) => createApiKey(api.url, admin, scopes, campaignIds);
const take = (id: string) => ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent.token);
const close = (id: string, token = agent.token) => ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id }, token);
const messagesOf = async (id: string) =>
  (await ok(api.url, 'query($id: ID!) { messages(interactionId: $id, first: 500) { sequence body visibility clientMessageId author { kind name } } }', { id }, admin)).messages as {
    sequence: number;
    body: string;
    visibility: string;
    clientMessageId: string | null;
    author: { kind: string; name: string | null };
  }[];
const interactionOf = async (id: string) =>
  (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase tray { id } botAnswers { key value } contact { id name } } }', { id }, admin)).interaction;
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver of the test's own: every request it was sent, answered 200. */
async function collector() {
  const received: Delivery[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    bodies: () => received.map((r) => JSON.parse(r.body)),
    stop: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

const CREATE_HOOK = 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret webhook { id } } }';
const createHook = async (input: Record<string, unknown>) => (await ok(api.url, CREATE_HOOK, { i: input }, admin)).createWebhook as { secret: string; webhook: { id: string } };
const deleteHook = (id: string) => ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id }, admin);
const deliveriesOf = async (webhookId: string) =>
  (await ok(api.url, 'query($id: ID!) { webhookDeliveries(webhookId: $id, first: 500) { id eventId eventType status } }', { id: webhookId }, admin)).webhookDeliveries as {
    id: string;
    eventId: string;
    eventType: string;
    status: string;
  }[];

/** A free port on loopback, for a receiver the test does not start itself. */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** A WhatsApp chat a CHANNEL key started: it waits in the campaign's General tray. */
async function bridgedChat(key: string, campaignId = campaign.id): Promise<string> {
  const started = await ok(
    api.url,
    'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }',
    { i: { campaignId, channel: 'WHATSAPP', contact: { name: 'Ana Souza', externalId: `wa:${randomUUID()}` } } },
    key,
  );
  return started.startInteraction.interaction.id;
}

/** One POST to /graphql with these headers and body, as sent: its status and parsed answer. */
async function post(body: unknown, headers: Record<string, string> = {}, url = api.url): Promise<{ status: number; answer: any }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, answer: await res.json() };
}

/** One GET of a query with these headers. */
async function get(query: string, headers: Record<string, string> = {}): Promise<{ status: number; answer: any }> {
  const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent(query)}`, { headers });
  return { status: res.status, answer: await res.json() };
}

/** The JSON shape of a value: objects by their keys, arrays by their first element; an id may be null where another event has one. */
function sameShape(documented: unknown, real: unknown, at = '$'): string[] {
  if (documented === null || real === null)
    return documented === null && real === null ? [] : typeof (documented ?? real) === 'string' ? [] : [`${at}: ${JSON.stringify(documented)} / ${JSON.stringify(real)}`];
  if (Array.isArray(documented) || Array.isArray(real)) {
    if (!Array.isArray(documented) || !Array.isArray(real)) return [`${at}: an array on one side only`];
    return documented.length && real.length ? sameShape(documented[0], real[0], `${at}[0]`) : [];
  }
  if (typeof documented === 'object' && typeof real === 'object') {
    const [d, r] = [Object.keys(documented as object).sort(), Object.keys(real as object).sort()];
    if (d.join() !== r.join()) return [`${at}: keys ${d.join(',')} / ${r.join(',')}`];
    return d.flatMap((k) => sameShape((documented as any)[k], (real as any)[k], `${at}.${k}`));
  }
  return typeof documented === typeof real ? [] : [`${at}: ${typeof documented} / ${typeof real}`];
}

/** The values of a GraphQL enum of the schema file. */
const schemaEnum = (name: string): string[] => new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(SCHEMA)![1]!.trim().split(/\s+/);

/** The `first` default of a field of the schema file: `interactions`, or `ContactRecord.conversations`. */
function schemaFirstDefault(field: string): number {
  const [type, name] = field.includes('.') ? field.split('.') : ['Query', field];
  const block = new RegExp(`type ${type} \\{([\\s\\S]*?)\\n\\}`).exec(SCHEMA)![1]!;
  const args = new RegExp(`\\n\\s*${name}\\(([^)]*)\\)`).exec(block)![1]!;
  return Number(/first: Int! = (\d+)/.exec(args)![1]);
}

const backticked = (cell: string): string => /`([^`]+)`/.exec(cell)![1]!;

// ---------------------------------------------------------------------------------------------
// Each example, and what it must have done
// ---------------------------------------------------------------------------------------------

const CHECKS: Record<string, () => Promise<void>> = {
  async 'sign-in'() {
    const answer = answerOf(await run('sign-in', { PARLEY_URL: api.url, PARLEY_EMAIL: agent.email, PARLEY_PASSWORD: PASSWORD }));
    expect(answer.data.signIn).toMatchObject({ token: expect.stringMatching(/^pst_/), user: { id: agent.id, role: 'AGENT' } });
    expect((await ok(api.url, '{ me { id } }', {}, answer.data.signIn.token)).me.id).toBe(agent.id);
  },

  async me() {
    expect(answerOf(await run('me', { PARLEY_URL: api.url, PARLEY_TOKEN: agent.token })).data.me).toEqual({ id: agent.id, name: agent.name, role: 'AGENT' });
  },

  async 'create-key'() {
    const created = answerOf(await run('create-key', { PARLEY_URL: api.url, PARLEY_ADMIN_TOKEN: admin, CAMPAIGN_ID: campaign.id })).data.createApiKey;
    expect(created.secret).toMatch(/^pak_/);
    const listed = (await ok(api.url, '{ apiKeys { id name displayName avatarUrl scopes campaignIds } }', {}, admin)).apiKeys.find((k: any) => k.id === created.apiKey.id);
    expect(listed).toEqual({ id: created.apiKey.id, name: 'support-bot', displayName: 'Ada', avatarUrl: 'https://example.com/ada.png', scopes: ['BOT'], campaignIds: [campaign.id] });
    // The secret works at once, and reaches its campaign only.
    expect((await ok(api.url, '{ campaigns { id } }', {}, created.secret)).campaigns).toEqual([{ id: campaign.id }]);
    // A key never gives more than it has: another scope, or another campaign, is refused.
    const adminKey = await keyFor(['ADMIN']);
    const other = await createCampaign(api.url, admin);
    for (const input of [{ scopes: ['BOT'] }, { scopes: ['ADMIN'], campaignIds: [other.id] }]) {
      expectCode(await gql(api.url, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { name: 'wider', ...input } }, adminKey), 'BAD_USER_INPUT');
    }
  },

  async 'widget-start'() {
    const started = answerOf(await run('widget-start', { PARLEY_URL: api.url, CAMPAIGN_ID: campaign.id })).data.startInteraction;
    expect(started).toMatchObject({ visitorToken: expect.stringMatching(/^pvt_/), admission: 'OPEN', interaction: { phase: 'WAITING' } });
    const sent = await ok(api.url, POST, { input: { interactionId: started.interaction.id, body: 'Hello' } }, started.visitorToken);
    expect(sent.postMessage.author.kind).toBe('CONTACT');
  },

  async 'customer-token'() {
    const bot = await keyFor(['BOT']);
    const started = answerOf(await run('customer-token', { PARLEY_URL: api.url, PARLEY_KEY: bot, CAMPAIGN_ID: campaign.id })).data.startInteraction;
    expect(started).toMatchObject({ visitorToken: expect.stringMatching(/^pvt_/), interaction: { phase: 'BOT' } });
    const sent = await ok(api.url, POST, { input: { interactionId: started.interaction.id, body: 'Written from the app' } }, started.visitorToken);
    expect(sent.postMessage.author.kind).toBe('CONTACT');
    // From a caller without a token, the choice is refused.
    const refused = await gql(api.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken } }', {
      i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Maria' }, customerToken: true },
    });
    expectCode(refused, 'FORBIDDEN');
  },

  async 'ws-connect'() {
    const read = await keyFor(['READ']);
    const finished = await run('ws-connect', { PARLEY_URL: api.url, PARLEY_KEY: read });
    expect(JSON.parse(finished.stdout)).toEqual({ data: { campaigns: [{ id: campaign.id, name: campaign.name }] } });
  },

  async 'wrong-header'() {
    const read = await keyFor(['READ']);
    const finished = await run('wrong-header', { PARLEY_URL: api.url, PARLEY_KEY: read });
    const [body, status] = finished.stdout.split('\n').filter(Boolean);
    expect(status).toBe('HTTP 401');
    expect(JSON.parse(body!).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // The guide shows this very answer.
    expect(MARKDOWN).toContain(`answers \`${body}\``);
    // An Authorization of another scheme, without a scheme, or a made-up token: the same.
    for (const authorization of [`Token ${read}`, read, 'Bearer pak_made-up']) {
      const refused = await post({ query: '{ campaigns { id } }' }, { authorization });
      expect([refused.status, refused.answer.errors[0].extensions.code], authorization).toEqual([401, 'UNAUTHENTICATED']);
    }
    // A proxy's Basic credentials, or no credential, are anonymous.
    for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }] as Record<string, string>[])
      expect((await post({ query: '{ __typename }' }, headers)).answer).toEqual({ data: { __typename: 'Query' } });
  },

  async 'update-key'() {
    const id = (await ok(api.url, 'mutation { createApiKey(input: { name: "to-rename", scopes: [BOT] }) { apiKey { id } } }', {}, admin)).createApiKey.apiKey.id;
    const updated = answerOf(await run('update-key', { PARLEY_URL: api.url, PARLEY_ADMIN_TOKEN: admin, KEY_ID: id })).data.updateApiKey;
    expect(updated).toEqual({ id, name: 'to-rename', displayName: 'Ada, the assistant', avatarUrl: 'https://example.com/ada-2.png' });
  },

  async 'bot-campaign'() {
    const own = await createCampaign(api.url, admin);
    const updated = answerOf(await run('bot-campaign', { PARLEY_URL: api.url, PARLEY_ADMIN_TOKEN: admin, CAMPAIGN_ID: own.id })).data.updateCampaign;
    expect(updated.botFirst).toBe(true);
    expect(updated.messages).toContainEqual({ language: 'en', welcome: 'An agent will be with you shortly.', botWelcome: 'Hi! I am Ada, the assistant. A few questions first.' });
    // The widget's chats now start with the bot, greeted by the bot's welcome.
    const chat = await startWidgetChat(api.url, own.id);
    expect((await interactionOf(chat.id)).phase).toBe('BOT');
    expect((await messagesOf(chat.id)).map((m) => m.body)).toEqual(['Hi! I am Ada, the assistant. A few questions first.']);
  },

  async 'start-with-bot'() {
    const channel = await keyFor(['CHANNEL']);
    const started = answerOf(await run('start-with-bot', { PARLEY_URL: api.url, PARLEY_KEY: channel, CAMPAIGN_ID: campaign.id })).data.startInteraction;
    expect(started.interaction.phase).toBe('BOT');
    // Without the choice, the same campaign's chats wait for an agent.
    expect((await interactionOf(await bridgedChat(channel))).phase).toBe('WAITING');
  },

  async bot() {
    const own = await createCampaign(api.url, admin, { botFirst: true, messages: [{ language: 'en', welcome: 'An agent will be with you.', botWelcome: 'Hi, I am the assistant.' }] });
    const bot = await keyFor(['BOT'], [own.id]);
    const vars = { PARLEY_URL: api.url, PARLEY_KEY: bot, CAMPAIGN_ID: own.id, TRAY_ID: own.generalTrayId };
    const QUESTION = 'What is your order number?';
    const THANKS = 'Thank you! An agent will take it from here.';
    const asked = (id: string) => poll(async () => (await messagesOf(id)).some((m) => m.body === QUESTION)).toBe(true);
    const answer = (chat: { id: string; visitorToken: string }, body: string) => ok(api.url, POST, { input: { interactionId: chat.id, body } }, chat.visitorToken);
    const handedOff = async (id: string, order: string) => {
      await poll(async () => (await interactionOf(id)).phase).toBe('WAITING');
      expect(await interactionOf(id)).toMatchObject({ tray: { id: own.generalTrayId }, botAnswers: [{ key: 'order', value: order }] });
      // Each line once, whatever the bot heard twice or restarted through.
      const said = (await messagesOf(id)).filter((m) => m.author.kind === 'BOT').map((m) => m.body);
      expect(said).toEqual([QUESTION, THANKS]);
    };

    // A chat that started before the bot: found by its first listing.
    const early = await startWidgetChat(api.url, own.id);
    let running = startExample(example('bot'), vars);
    try {
      await running.waitFor(/the bot is ready/);
      await asked(early.id);
      // A chat that starts while it runs: heard on interactionChanged.
      const live = await startWidgetChat(api.url, own.id);
      await asked(live.id);
      await answer(early, 'A-1234');
      await answer(live, 'B-5678');
      await handedOff(early.id, 'A-1234');
      await handedOff(live.id, 'B-5678');
      await running.waitFor(new RegExp(`handed ${live.id} to the tray \\(order B-5678\\)`));

      // A bot restarted between its question and the answer neither asks again nor misses the answer.
      const restarted = await startWidgetChat(api.url, own.id);
      await asked(restarted.id);
      await running.stop();
      running = startExample(example('bot'), vars);
      await running.waitFor(/the bot is ready/);
      await answer(restarted, 'C-9012');
      await handedOff(restarted.id, 'C-9012');
    } finally {
      await running.stop();
    }
  },

  async 'bridge-start'() {
    const channel = await keyFor(['CHANNEL']);
    const vars = { PARLEY_URL: api.url, PARLEY_KEY: channel, CAMPAIGN_ID: campaign.id };
    const first = answerOf(await run('bridge-start', vars)).data.startInteraction;
    expect(first).toMatchObject({ admission: 'OPEN', interaction: { phase: 'WAITING', contact: { name: 'Ana Souza' } } });
    // The same customer again: the same contact, and, as the guide warns, a second interaction.
    const second = answerOf(await run('bridge-start', vars)).data.startInteraction;
    expect(second.interaction.contact.id).toBe(first.interaction.contact.id);
    expect(second.interaction.id).not.toBe(first.interaction.id);
  },

  async 'bridge-customer-writes'() {
    const channel = await keyFor(['CHANNEL']);
    const id = await bridgedChat(channel);
    const vars = { PARLEY_URL: api.url, PARLEY_KEY: channel, INTERACTION_ID: id };
    const first = answerOf(await run('bridge-customer-writes', vars)).data.postMessage;
    expect(first.author.kind).toBe('CONTACT');
    // The channel delivered it twice: one message.
    expect(answerOf(await run('bridge-customer-writes', vars)).data.postMessage).toEqual(first);
    expect((await messagesOf(id)).filter((m) => m.author.kind === 'CONTACT')).toHaveLength(1);
    // The same id with another body is a CONFLICT.
    const reused = await gql(api.url, POST, { input: { interactionId: id, body: 'Something else', clientMessageId: 'wamid.HBgMNTUxMTkxMjM0NTY3OBUCABIYFjNFQjA' } }, channel);
    expectCode(reused, 'CONFLICT');
  },

  async 'bridge-follow'() {
    const channel = await keyFor(['CHANNEL']);
    const id = await bridgedChat(channel);
    await ok(api.url, POST, { input: { interactionId: id, body: 'Olá', clientMessageId: 'wamid.1' } }, channel);
    const vars = { PARLEY_URL: api.url, PARLEY_KEY: channel, INTERACTION_ID: id };
    const cwd = runDir('bridge-follow');
    let running = startExample(example('bridge-follow'), vars, { cwd });
    try {
      await running.waitFor(new RegExp(`following ${id} after sequence 0`));
      await take(id);
      await ok(api.url, POST, { input: { interactionId: id, body: 'Only for staff', internal: true } }, agent.token);
      const reply = (await ok(api.url, POST, { input: { interactionId: id, body: 'Olá Ana, como posso ajudar?' } }, agent.token)).postMessage;
      await running.waitFor(new RegExp(`to the customer: ${agent.name}: Olá Ana, como posso ajudar\\?`));
      // Stopped once it saved what it sent (stopped before, it would send that message again).
      await poll(() => readFileSync(path.join(cwd, `last-sequence-${id}.txt`), 'utf8')).toBe(String(reply.sequence));
      await running.stop();
      const firstRun = running.output();

      // Stopped meanwhile: the next run starts after the last sequence it sent, and sends only what is new.
      await ok(api.url, POST, { input: { interactionId: id, body: 'Pode me dizer o número do pedido?' } }, agent.token);
      running = startExample(example('bridge-follow'), vars, { cwd });
      await running.waitFor(/to the customer: .*: Pode me dizer o número do pedido\?/);
      for (const output of [firstRun, running.output()]) {
        expect(output).not.toContain('Only for staff');
        expect(output).not.toContain('to the customer: Ana');
      }
      expect(running.output()).not.toContain('como posso ajudar');
    } finally {
      await running.stop();
    }
  },

  async feed() {
    const supervise = await keyFor(['SUPERVISE']);
    const since = new Date(Date.now() - 1000).toISOString();
    const lifecycle = async () => {
      const chat = await startWidgetChat(api.url, campaign.id);
      await take(chat.id);
      await close(chat.id);
      return chat.id;
    };
    const first = await lifecycle();
    const vars = { PARLEY_URL: api.url, PARLEY_KEY: supervise, FEED_SINCE: since };
    const cwd = runDir('feed');
    let running = startExample(example('feed'), vars, { cwd });
    try {
      // From FEED_SINCE: what was recorded since.
      const [, cursor] = await running.waitFor(new RegExp(`CLOSED ${first} \\{"result":"SUCCESS"\\} (\\S+)`));
      // Stopped once it saved its cursor (stopped before, it would read that event again).
      await poll(() => readFileSync(path.join(cwd, 'feed-cursor.txt'), 'utf8')).toBe(cursor);
      const of = (output: string, id: string) => [...output.matchAll(new RegExp(`(\\w+) ${id}`, 'g'))].map((m) => m[1]);
      expect(of(running.output(), first)).toEqual(['STARTED', 'TAKEN', 'CLOSED']);
      await running.stop();

      // Stopped meanwhile: the next run resumes after its cursor, with nothing missed or repeated.
      const second = await lifecycle();
      running = startExample(example('feed'), vars, { cwd });
      await running.waitFor(new RegExp(`CLOSED ${second}`));
      expect(of(running.output(), second)).toEqual(['STARTED', 'TAKEN', 'CLOSED']);
      expect(of(running.output(), first)).toEqual([]);
    } finally {
      await running.stop();
    }
  },

  async 'create-webhook'() {
    const hook = await collector();
    try {
      const created = answerOf(await run('create-webhook', { PARLEY_URL: api.url, PARLEY_ADMIN_TOKEN: admin, CAMPAIGN_ID: campaign.id, HOOK_URL: hook.url })).data.createWebhook;
      expect(created).toMatchObject({
        secret: expect.stringMatching(/^whsec_/),
        webhook: { url: hook.url, campaignIds: [campaign.id], eventTypes: ['STARTED', 'HANDED_OFF', 'TAKEN', 'CLOSED', 'MESSAGE_ADDED'], active: true },
      });
      const chat = await startWidgetChat(api.url, campaign.id);
      await ok(api.url, POST, { input: { interactionId: chat.id, body: 'Hi' } }, chat.visitorToken);
      await poll(() =>
        hook
          .bodies()
          .filter((b) => b.interactionId === chat.id)
          .map((b) => b.type),
      ).toEqual(['STARTED', 'MESSAGE_ADDED']);
      for (const r of hook.received) {
        const t = String(r.headers['parley-timestamp']);
        expect(r.headers['parley-signature']).toBe(`t=${t},v1=${createHmac('sha256', created.secret).update(`${t}.${r.body}`).digest('hex')}`);
        expect(r.headers['parley-event-id']).toBe(JSON.parse(r.body).id);
        expect(r.headers['user-agent']).toBe('Parley-Webhooks/1');
      }
      await deleteHook(created.webhook.id);
    } finally {
      await hook.stop();
    }
  },

  async 'webhook-receiver'() {
    const own = await createCampaign(api.url, admin);
    const port = await freePort();
    const hook = await createHook({ url: `http://127.0.0.1:${port}/parley`, campaignIds: [own.id], eventTypes: ['STARTED', 'CLOSED'] });
    const running = startExample(example('webhook-receiver'), { PORT: String(port), WEBHOOK_SECRET: hook.secret });
    try {
      await running.waitFor(new RegExp(`listening on ${port}`));
      const chat = await startWidgetChat(api.url, own.id);
      await close(chat.id, supervisor.token);
      await running.waitFor(new RegExp(`CLOSED ${chat.id}`));
      expect(running.output()).toMatch(new RegExp(`STARTED ${chat.id}`));
      await poll(async () => (await deliveriesOf(hook.webhook.id)).map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED']);

      // What it turns away, and what it takes once only.
      const send = async (body: string, signature: string, eventId = 'MTox') => {
        const res = await fetch(`http://127.0.0.1:${port}/parley`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'parley-signature': signature, 'parley-event-id': eventId },
          body,
        });
        return res.status;
      };
      const sign = (body: string, t: number, secret = hook.secret) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
      const now = Math.floor(Date.now() / 1000);
      const body = JSON.stringify({ id: 'MTox', type: 'PING', webhookId: hook.webhook.id, createdAt: new Date().toISOString() });
      expect(await send(body, sign(body, now, 'whsec_another-secret'))).toBe(401);
      expect(await send(body, sign(body, now - 600))).toBe(401);
      expect(await send(`${body} `, sign(body, now))).toBe(401);
      expect(await send(body, 'v1=abc')).toBe(401);
      expect(await send(body, sign(body, now))).toBe(204);
      expect(await send(body, sign(body, now + 1))).toBe(204);
      await running.waitFor(/PING {2}MTox/);
      expect(running.output().match(/PING/g)).toHaveLength(1);
    } finally {
      await running.stop();
      await deleteHook(hook.webhook.id);
    }
  },

  async 'verify-signature'() {
    const { delivery, secret } = await payloads.sample();
    const bodyFile = path.join(runDir('verify-signature'), 'body.json');
    writeFileSync(bodyFile, delivery.body);
    const vars = { WEBHOOK_SECRET: secret, PARLEY_SIGNATURE: String(delivery.headers['parley-signature']), BODY_FILE: bodyFile };
    expect((await run('verify-signature', vars)).stdout).toBe('valid\n');
    // One byte changed, or another secret: refused, with a failing exit code.
    writeFileSync(bodyFile, delivery.body.replace('"type"', '"tYpe"'));
    expect(await runExample(example('verify-signature'), vars)).toMatchObject({ code: 1, stdout: 'invalid\n' });
    writeFileSync(bodyFile, delivery.body);
    expect(await runExample(example('verify-signature'), { ...vars, WEBHOOK_SECRET: 'whsec_another-secret' })).toMatchObject({ code: 1, stdout: 'invalid\n' });
  },

  async deliveries() {
    const { hookId } = await payloads.sample();
    // The receiver may have answered a moment before its answer was logged.
    await poll(async () => (await deliveriesOf(hookId)).every((d) => d.status === 'DELIVERED')).toBe(true);
    const log = answerOf(await run('deliveries', { PARLEY_URL: api.url, PARLEY_ADMIN_TOKEN: admin, WEBHOOK_ID: hookId })).data.webhookDeliveries;
    expect(log).toHaveLength(10);
    expect(log[0]).toMatchObject({ eventId: expect.any(String), status: 'DELIVERED', attempts: 1, lastStatusCode: 200, lastError: null });
  },

  async redeliver() {
    const { hookId, hook } = await payloads.sample();
    const delivery = (await deliveriesOf(hookId)).find((d) => d.eventType === 'CLOSED')!;
    const count = () => hook.received.filter((r) => r.headers['parley-event-id'] === delivery.eventId).length;
    expect(count()).toBe(1);
    const answer = answerOf(await run('redeliver', { PARLEY_URL: api.url, PARLEY_ADMIN_TOKEN: admin, DELIVERY_ID: delivery.id })).data.redeliverWebhook;
    expect(answer).toMatchObject({ id: delivery.id, eventId: delivery.eventId, status: 'PENDING' });
    await poll(count).toBe(2);
  },

  async paginate() {
    const own = await createCampaign(api.url, admin);
    const ids: string[] = [];
    for (let i = 0; i < 101; i += 20) ids.push(...(await Promise.all(Array.from({ length: Math.min(20, 101 - i) }, () => startWidgetChat(api.url, own.id)))).map((c) => c.id));
    for (let i = 0; i < ids.length; i += 5) await ok(api.url, 'mutation($ids: [ID!]!) { closeInteractions(ids: $ids, result: SUCCESS) { id } }', { ids: ids.slice(i, i + 5) }, supervisor.token);
    const read = await keyFor(['READ'], [own.id]);
    const lines = (await run('paginate', { PARLEY_URL: api.url, PARLEY_KEY: read, CAMPAIGN_ID: own.id })).stdout.trim().split('\n');
    // Two pages, every conversation once.
    expect(lines.at(-1)).toBe('101 conversations');
    const protocols = lines.slice(0, -1).map((l) => l.split(',')[0]);
    expect(new Set(protocols).size).toBe(101);
    expect(lines[0]).toMatch(/^[\w-]+,\d{4}-\d\d-\d\dT[\d:.]+Z,SUCCESS,Customer$/);
  },

  async 'rate-limited'() {
    const read = await keyFor(['READ']);
    for (let i = 0; i < KEY_LIMIT; i++) await ok(limited.url, '{ campaigns { id } }', {}, read);
    const { stdout } = await run('rate-limited', { PARLEY_URL: limited.url, PARLEY_KEY: read });
    const retryAfter = Number(/^retry-after: (\d+)\r?$/im.exec(stdout)![1]);
    expect(stdout).toMatch(/^HTTP\/1\.1 429 Too Many Requests\r?$/m);
    const body = stdout.slice(stdout.indexOf('{"errors"')).trim();
    expect(JSON.parse(body)).toEqual({ errors: [{ message: `Too many requests; try again in ${retryAfter} s`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }] });
    // The answer the guide shows is this one, but for the seconds.
    expect(MARKDOWN).toContain(`HTTP/1.1 429 Too Many Requests\nretry-after: 37\n…\n${body.replaceAll(String(retryAfter), '37')}\n`);
  },

  async 'get-query'() {
    const read = await keyFor(['READ']);
    expect(answerOf(await run('get-query', { PARLEY_URL: api.url, PARLEY_KEY: read }))).toEqual({ data: { campaigns: [{ id: campaign.id, name: campaign.name, botFirst: false }] } });
  },
};

// ---------------------------------------------------------------------------------------------
// Real deliveries of every event type, for the payloads the guide shows
// ---------------------------------------------------------------------------------------------

/**
 * A hook naming every event type, on a campaign of its own, and one story that causes each type once
 * at least: a bot's chat handed off, a widget chat taken, helped, noted, tagged, e-mailed, called twice,
 * returned, transferred and closed, a file sent, a contact left silent past its window, a ping.
 * Told once, shared by the checks that need a real delivery.
 */
const payloads = {
  story: null as Promise<{ hook: Awaited<ReturnType<typeof collector>>; hookId: string; secret: string }> | null,
  sample() {
    return (this.story ??= this.tell()).then((s) => ({ ...s, delivery: s.hook.received.find((r) => JSON.parse(r.body).type === 'STARTED')! }));
  },
  async tell() {
    const own = await createCampaign(api.url, admin, { allowAudio: true, allowVideo: true });
    const hook = await collector();
    const created = await createHook({ url: hook.url, campaignIds: [own.id], eventTypes: schemaEnum('InteractionEventType') });
    const bot = await keyFor(['BOT'], [own.id]);
    const staff = await createPerson(api.url, admin, 'AGENT', { skills: ['billing'] });
    const gqlAs = (token: string | null, query: string, variables: Record<string, unknown> = {}) => ok(api.url, query, variables, token);

    const botChat = (
      await gqlAs(bot, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', { i: { campaignId: own.id, channel: 'API', contact: { name: 'Ana' } } })
    ).startInteraction.interaction.id;
    await gqlAs(bot, POST, { input: { interactionId: botChat, body: 'Your order number?' } });
    await gqlAs(bot, 'mutation($i: HandOffInput!) { handOff(input: $i) { id } }', {
      i: { interactionId: botChat, trayId: own.generalTrayId, botAnswers: [{ key: 'order', value: 'A-1234' }], skills: ['billing'] },
    });

    const chat = (
      await gqlAs(null, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken interaction { id } } }', {
        i: { campaignId: own.id, channel: 'WEBCHAT', contact: { name: 'Bea', email: 'bea@example.com' }, language: 'en' },
      })
    ).startInteraction;
    const id = chat.interaction.id;
    await gqlAs(staff.token, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id });
    const file = await uploadFile(api.url, chat.visitorToken, PNG_1PX, 'receipt.png');
    await gqlAs(chat.visitorToken, 'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', { i: { interactionId: id, body: 'Here is the receipt', attachmentIds: [file.body.id] } });
    await gqlAs(staff.token, 'mutation($id: ID!) { setInteractionStatus(id: $id, status: NEEDS_HELP) { id } }', { id });
    await gqlAs(supervisor.token, 'mutation($id: ID!) { joinInteraction(id: $id) { id } }', { id });
    await gqlAs(supervisor.token, 'mutation($id: ID!) { leaveInteraction(id: $id) { id } }', { id });
    await gqlAs(staff.token, 'mutation($id: ID!) { addNote(id: $id, body: "VIP") { id } }', { id });
    await gqlAs(staff.token, 'mutation($id: ID!) { setTags(id: $id, tags: ["vip"]) { id } }', { id });
    await gqlAs(staff.token, 'mutation($id: ID!) { setExpertise(id: $id, skills: ["billing"]) { id } }', { id });
    await gqlAs(staff.token, 'mutation($id: ID!) { sendTranscript(interactionId: $id) { to } }', { id });
    const call = (kind: string) => gqlAs(chat.visitorToken, 'mutation($id: ID!, $k: CallKind!) { requestCall(interactionId: $id, kind: $k) { id } }', { id, k: kind });
    const declined = (await call('AUDIO')).requestCall.id;
    await gqlAs(staff.token, 'mutation($id: ID!) { answerCall(callId: $id, accept: false) { id } }', { id: declined });
    const accepted = (await call('VIDEO')).requestCall.id;
    await gqlAs(staff.token, 'mutation($id: ID!) { answerCall(callId: $id, accept: true) { id } }', { id: accepted });
    await gqlAs(chat.visitorToken, 'mutation($id: ID!) { endCall(callId: $id) { id } }', { id: accepted });
    await gqlAs(staff.token, 'mutation($id: ID!) { returnToTray(id: $id) { id } }', { id });
    await gqlAs(staff.token, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id });
    await gqlAs(staff.token, 'mutation($id: ID!, $t: TransferTargetInput!) { transferInteraction(id: $id, to: $t, note: "Refund approved") { id } }', { id, t: { trayId: own.generalTrayId } });
    await gqlAs(supervisor.token, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id });
    // The second process's session window is a second: this customer expires at once.
    await startWidgetChat(limited.url, own.id);
    await gqlAs(admin, 'mutation($id: ID!) { pingWebhook(id: $id) { id } }', { id: created.webhook.id });

    const types = [...schemaEnum('InteractionEventType'), 'PING'];
    await poll(() => types.filter((t) => !hook.bodies().some((b) => b.type === t))).toEqual([]);
    return { hook, hookId: created.webhook.id, secret: created.secret };
  },
};

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe('the integrator guide', () => {
  afterAll(async () => {
    if (payloads.story) await (await payloads.story).hook.stop();
  });

  it('marks every code block: shell and TypeScript blocks with the example they are, JSON blocks with the event they show', () => {
    expect(guide.unmarked).toEqual([]);
    const names = guide.examples.map((e) => e.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    // Every example has its check here, and every check its example.
    expect([...names].sort()).toEqual(Object.keys(CHECKS).sort());
    expect(guide.examples.length).toBeGreaterThan(20);
  });

  for (const { name, kind, line } of guide.examples) {
    it(`runs the ${kind === 'sh' ? 'shell' : 'TypeScript'} example "${name}" (line ${line}), which does what the guide says`, async () => {
      await CHECKS[name]!();
    });
  }

  it('has TypeScript examples that type-check as strict ES modules, in syntax Node can strip', () => {
    expect(typeCheck(guide.examples.filter((e) => e.kind === 'ts'))).toEqual([]);
  });

  it('shows one payload per event type, each shaped as a real delivery of its type', async () => {
    const { hook } = await payloads.sample();
    const documented = guide.payloads.map((p) => p.type);
    expect([...documented].sort()).toEqual([...schemaEnum('InteractionEventType'), 'PING'].sort());
    const real = hook.bodies();
    for (const payload of guide.payloads) {
      const ofType = real.filter((b) => b.type === payload.type);
      const differences = ofType.map((b) => sameShape(payload.body, b));
      expect(
        differences.some((d) => d.length === 0),
        `${payload.type} (line ${payload.line}) is shaped like no real delivery of its type: ${JSON.stringify(differences)}\n${JSON.stringify(ofType)}`,
      ).toBe(true);
    }
  });

  it('tells the event feed’s refusals as the server words them', async () => {
    const supervise = await keyFor(['SUPERVISE']);
    const ws = connect(api.wsUrl, supervise);
    const refusal = async (variables: Record<string, unknown>, token?: string) => {
      const socket = token ? connect(api.wsUrl, token) : ws;
      const sub = socket.subscribe('subscription($after: String, $since: DateTimeISO) { interactionEvents(after: $after, since: $since) { cursor } }', variables);
      await poll(() => sub.errors.length).toBe(1);
      if (token) await socket.dispose();
      return { codes: errorCodes(sub.errors), message: JSON.stringify(sub.errors) };
    };
    try {
      // A cursor before the first event kept: the position of transaction 1.
      const old = await refusal({ after: Buffer.from('1:1').toString('base64url') });
      expect(old.codes).toEqual(['BAD_USER_INPUT']);
      expect(old.message).toContain("This cursor is older than the feed's retention of 30 days: start again with since");
      expect(MARKDOWN).toContain('"This cursor is older than the feed\'s retention of 30 days: start\n  again with since"');
      const made = await refusal({ after: 'not-a-cursor' });
      expect([made.codes, made.message.includes('This cursor was not given out by Parley')]).toEqual([['BAD_USER_INPUT'], true]);
      expect((await refusal({ since: new Date(Date.now() + 3_600_000).toISOString() })).codes).toEqual(['BAD_USER_INPUT']);
      expect((await refusal({ since: new Date().toISOString(), after: Buffer.from('1:1').toString('base64url') })).codes).toEqual(['BAD_USER_INPUT']);
      expect((await refusal({}, await keyFor(['READ']))).codes).toEqual(['FORBIDDEN']);
      expect((await refusal({}, await keyFor(['BOT']))).codes).toEqual(['FORBIDDEN']);
    } finally {
      await ws.dispose();
    }
  });

  it('states every request limit with its setting, default and status, as the server refuses it', async () => {
    const fragments = (n: number) => `{ ...F${n} } ${Array.from({ length: n }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ')} fragment F0 on Query { me { id } }`;
    const PROVOKE: Record<string, () => Promise<{ status: number; answer: any }>> = {
      MAX_QUERY_DEPTH: () => post({ query: `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(10)}name${' }'.repeat(10)} } } } }` }, { authorization: `Bearer ${admin}` }),
      MAX_ALIASES: () => post({ query: `{${Array.from({ length: 31 }, (_, i) => ` a${i + 1}: me { id }`).join('')} }` }, { authorization: `Bearer ${admin}` }),
      MAX_QUERY_COST: () => post({ query: fragments(16) }, { authorization: `Bearer ${admin}` }),
      MAX_TOKENS: () => post({ query: `{ ${'...F '.repeat(3000)}} fragment F on Query { me { id } }` }, { authorization: `Bearer ${admin}` }),
      MAX_DOCUMENT_BYTES: () => post({ query: `{ me { id } } #${'x'.repeat(17_000)}` }, { authorization: `Bearer ${admin}` }),
      MAX_VARIABLES_BYTES: () => post({ query: '{ me { id } }', variables: { pad: 'x'.repeat(140_000) } }, { authorization: `Bearer ${admin}` }),
      BODY_BYTES: () => post({ query: '{ me { id } }', pad: 'x'.repeat(2_200_000) }, { authorization: `Bearer ${admin}` }),
      INTROSPECTION_DEPTH: () => post({ query: `{ __schema { types { ${'ofType { '.repeat(19)}name${' }'.repeat(19)} } } }` }, { authorization: `Bearer ${admin}` }),
    };
    const rows = guide.tables.limits!;
    expect(rows.map((r) => backticked(r[1]!)).sort()).toEqual(Object.keys(PROVOKE).sort());
    for (const [, setting, defaults, status] of rows) {
      const limit = backticked(setting!);
      const refused = await PROVOKE[limit]!();
      expect({ limit, status: refused.status, code: refused.answer.errors[0].extensions.code, named: refused.answer.errors[0].extensions.limit }).toEqual({
        limit,
        status: Number(status),
        code: 'QUERY_TOO_COMPLEX',
        named: limit,
      });
      if (/^\d+$/.test(defaults!)) expect(refused.answer.errors[0].message, limit).toContain(defaults);
      // One below the limit passes: the default is the limit.
      if (limit === 'MAX_ALIASES') expect((await post({ query: `{${Array.from({ length: 30 }, (_, i) => ` a${i}: me { id }`).join('')} }` }, { authorization: `Bearer ${admin}` })).status).toBe(200);
    }
    // The answer the guide shows is the server's, word for word; and the same over WebSocket.
    const aliases = await PROVOKE.MAX_ALIASES!();
    expect(MARKDOWN).toContain(`\`\`\`text\n${JSON.stringify(aliases.answer)}\n\`\`\``);
    const ws = connect(api.wsUrl, admin);
    try {
      const sub = ws.subscribe(`{${Array.from({ length: 31 }, (_, i) => ` a${i}: me { id }`).join('')} }`);
      await poll(() => sub.errors.length).toBe(1);
      expect(JSON.stringify(sub.errors)).toContain('"limit":"MAX_ALIASES"');
    } finally {
      await ws.dispose();
    }
  });

  it('states every page size as the server enforces it, with the schema’s default', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const { interaction } = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { contact { id } } }', { id: chat.id }, admin);
    // A hook of a campaign with no events, whose log stays empty.
    const quiet = await createCampaign(api.url, admin);
    const hook = await createHook({ url: 'http://127.0.0.1:9/unused', campaignIds: [quiet.id] });
    const PAGE: Record<string, [string, Record<string, unknown>, string]> = {
      interactions: ['query($f: Int!) { interactions(first: $f) { totalCount } }', {}, admin],
      contacts: ['query($f: Int!) { contacts(first: $f) { totalCount } }', {}, admin],
      'ContactRecord.conversations': ['query($id: ID!, $f: Int!) { contact(id: $id) { conversations(first: $f) { totalCount } } }', { id: interaction.contact.id }, admin],
      messages: ['query($id: ID!, $f: Int!) { messages(interactionId: $id, first: $f) { id } }', { id: chat.id }, admin],
      internalMessages: ['query($u: ID!, $f: Int!) { internalMessages(withUserId: $u, first: $f) { id } }', { u: agent.id }, supervisor.token],
      webhookDeliveries: ['query($id: ID!, $f: Int!) { webhookDeliveries(webhookId: $id, first: $f) { id } }', { id: hook.webhook.id }, admin],
    };
    const rows = guide.tables.pages!;
    expect(rows.map((r) => backticked(r[0]!)).sort()).toEqual(Object.keys(PAGE).sort());
    for (const [field, range, defaults] of rows) {
      const name = backticked(field!);
      const [min, max] = /^(\d+) to (\d+)$/.exec(range!)!.slice(1).map(Number) as [number, number];
      const [query, variables, token] = PAGE[name]!;
      expect((await gql(api.url, query, { ...variables, f: max }, token)).errors, `${name} first: ${max}`).toBeUndefined();
      expect((await gql(api.url, query, { ...variables, f: min }, token)).errors, `${name} first: ${min}`).toBeUndefined();
      for (const f of [min - 1, max + 1]) expectCode(await gql(api.url, query, { ...variables, f }, token), 'BAD_USER_INPUT');
      expect(schemaFirstDefault(name), name).toBe(Number(defaults));
    }
    await deleteHook(hook.webhook.id);
  });

  it('lists every error code the server gives, each provoked with the status the guide states', async () => {
    const rows = guide.tables.codes!;
    const documented = rows.map((r) => backticked(r[0]!));
    const enumBlock = /export enum ErrorCode \{([\s\S]*?)\}/.exec(readFileSync(path.join(ROOT, 'api', 'src', 'shared', 'errors.ts'), 'utf8'))![1]!;
    for (const code of enumBlock.matchAll(/(\w+) = '/g)) expect(documented).toContain(code[1]);

    const read = await keyFor(['READ']);
    const channel = await keyFor(['CHANNEL']);
    const bridged = await bridgedChat(channel);
    await ok(api.url, POST, { input: { interactionId: bridged, body: 'One', clientMessageId: 'c-1' } }, channel);
    const offline = (
      await ok(api.url, 'mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }', { i: { campaignId: campaign.id, email: 'eve@example.com', body: 'Call me' } })
    ).leaveOfflineMessage.id;
    const limitedKey = await keyFor(['READ']);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const PROVOKE: Record<string, (() => Promise<{ status: number; answer: any }>)[]> = {
      BAD_USER_INPUT: [() => post({ query: '{ interaction(id: "not-an-id") { id } }' }, bearer(admin)), () => post({ query: 'query($id: ID!) { interaction(id: $id) { id } }' }, bearer(admin))],
      UNAUTHENTICATED: [() => post({ query: '{ campaigns { id } }' }, { 'x-api-key': read }), () => post({ query: '{ interactions { totalCount } }' })],
      FORBIDDEN: [
        () => post({ query: 'mutation { createTag(name: "by-an-agent") { name } }' }, bearer(agent.token)),
        () => post({ query: 'mutation { createTag(name: "by-a-read-key") { name } }' }, bearer(read)),
      ],
      NOT_FOUND: [() => post({ query: `{ interaction(id: "${randomUUID()}") { id } }` }, bearer(admin))],
      CONFLICT: [() => post({ query: POST, variables: { input: { interactionId: bridged, body: 'Two', clientMessageId: 'c-1' } } }, bearer(channel))],
      RATE_LIMITED: [
        async () => {
          for (let i = 0; i < KEY_LIMIT; i++) await post({ query: '{ __typename }' }, bearer(limitedKey), limited.url);
          return post({ query: '{ __typename }' }, bearer(limitedKey), limited.url);
        },
        async () => {
          const guess = { query: 'mutation($e: String!) { signIn(email: $e, password: "a-guess") { token } }', variables: { e: `guessed-${randomUUID()}@example.com` } };
          for (let i = 0; i < KEY_LIMIT; i++) await post(guess, {}, limited.url);
          return post(guess, {}, limited.url);
        },
      ],
      QUERY_TOO_COMPLEX: [() => post({ query: `{${' a: me { id }'.repeat(31)} }` }, bearer(admin)), () => post({ query: `{ me { id } } #${'x'.repeat(17_000)}` }, bearer(admin))],
      EMAIL_NOT_CONFIGURED: [() => post({ query: 'mutation($id: ID!) { answerOfflineMessage(id: $id, body: "We will call") { id } }', variables: { id: offline } }, bearer(admin))],
      EMAIL_NOT_SENT: [() => post({ query: 'mutation($id: ID!) { answerOfflineMessage(id: $id, body: "We will write") { id } }', variables: { id: offline } }, bearer(admin), limited.url)],
      OPERATION_RESOLUTION_FAILURE: [() => post({ query: 'query Mine { me { id } }', operationName: 'Other' }, bearer(admin))],
      BAD_REQUEST: [() => post('{"query": "{ me { id } }"', bearer(admin)), () => post({ query: 'subscription { interactionChanged { kind } }' }, bearer(admin))],
      GRAPHQL_PARSE_FAILED: [() => post({ query: '{ me { id ' }, bearer(admin))],
      GRAPHQL_VALIDATION_FAILED: [() => post({ query: '{ nothingHere }' }, bearer(admin))],
      PERSISTED_QUERY_NOT_FOUND: [() => post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, bearer(admin))],
    };
    // Only the masked server error cannot be provoked on purpose.
    expect(documented.filter((c) => !PROVOKE[c])).toEqual(['INTERNAL_SERVER_ERROR']);
    for (const [cell, statuses] of rows) {
      const code = backticked(cell!);
      if (!PROVOKE[code]) continue;
      const seen = new Set<number>();
      for (const provoke of PROVOKE[code]) {
        const { status, answer } = await provoke();
        expect(
          answer.errors?.map((e: any) => e.extensions?.code),
          `${code}: ${JSON.stringify(answer)}`,
        ).toEqual([code]);
        seen.add(status);
      }
      // Every status the guide gives for the code is met, and no other.
      expect([...seen].sort(), code).toEqual(statuses!.match(/\d{3}/g)!.map(Number).sort());
    }
  });

  it('says what GET and CSRF prevention really require', async () => {
    const query = '{ campaigns { id } }';
    const key = { authorization: `Bearer ${await keyFor(['READ'])}` };
    // Passes: the JSON content type, or either header with any value.
    for (const headers of [{ 'content-type': 'application/json' }, { 'apollo-require-preflight': 'yes' }, { 'x-apollo-operation-name': 'Campaigns' }] as Record<string, string>[]) {
      expect(await get(query, { ...key, ...headers }), JSON.stringify(headers)).toEqual({ status: 200, answer: { data: { campaigns: [{ id: campaign.id }] } } });
    }
    // Refused: neither, or text/plain; another content type is 415.
    for (const headers of [{}, { 'content-type': 'text/plain' }] as Record<string, string>[]) {
      const refused = await get(query, { ...key, ...headers });
      expect([refused.status, refused.answer.errors[0].extensions.code, refused.answer.errors[0].message], JSON.stringify(headers)).toEqual([400, 'BAD_REQUEST', expect.stringMatching(/CSRF/)]);
    }
    for (const headers of [{ 'content-type': 'text/csv' }, { 'content-type': 'text/csv', 'apollo-require-preflight': 'true' }, { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' }]) {
      expect((await get(query, { ...key, ...headers })).status, JSON.stringify(headers)).toBe(415);
    }
    // A mutation over GET is 405.
    expect((await get('mutation { signOut }', { ...key, 'content-type': 'application/json' })).status).toBe(405);
    // A POST must be JSON, whatever else it carries.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      for (const preflight of [{}, { 'apollo-require-preflight': 'true' }] as Record<string, string>[]) {
        const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { ...key, ...preflight, 'content-type': type }, body: JSON.stringify({ query }) });
        expect([res.status, ((await res.json()) as any).errors[0].extensions.code], `${type} ${JSON.stringify(preflight)}`).toEqual([400, 'BAD_REQUEST']);
      }
    }
    // A batch is refused.
    expect((await post([{ query }, { query }], key)).status).toBe(400);
  });
});
