/**
 * Bots as first-class participants (issue 17, item 3). A key has a display name and an avatar, which
 * customers and agents see on what it writes, on every path (HTTP and an open socket, after a change).
 * A key puts one chat with a bot, or not, whatever its campaign's default, and asks for the customer's
 * token when the customer writes from elsewhere. A chat with a bot is welcomed with the campaign's bot
 * welcome, never with the promise of an agent. Every refusal leaves things as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, POST } from './support/world.js';

let api: ApiProcess;
let admin: string;
let supervisor: Person;
/** Its chats wait for an agent unless a key says otherwise. */
let plain: CampaignFixture;
/** Its chats start with a bot unless a key says otherwise. */
let botFirst: CampaignFixture;
let channelKey: string;

const TEXTS = [{ language: 'en', welcome: 'An agent will be with you shortly.', botWelcome: 'Our assistant will take a few details first.' }];
const CREATE_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name displayName avatarUrl } } }';
const UPDATE_KEY = 'mutation($id: ID!, $input: UpdateApiKeyInput!) { updateApiKey(id: $id, input: $input) { id name displayName avatarUrl } }';
const START = `mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken interaction { id phase } } }`;
const MESSAGES = 'query($id: ID!) { messages(interactionId: $id) { sequence body author { kind name avatarUrl } } }';
const HAND_OFF = 'mutation($i: HandOffInput!) { handOff(input: $i) { phase tray { id } botAnswers { key value } } }';

const start = (token: string | null, campaignId: string, extra: Record<string, unknown> = {}) =>
  gql(api.url, START, { i: { campaignId, channel: 'WHATSAPP', contact: { name: 'Bridged Customer' }, language: 'en', ...extra } }, token);
const messagesOf = async (id: string, token = admin) =>
  (await ok(api.url, MESSAGES, { id }, token)).messages as { sequence: number; body: string; author: { kind: string; name: string | null; avatarUrl: string | null } }[];
const keysNow = async () =>
  (await ok(api.url, '{ apiKeys { id name displayName avatarUrl } }', {}, admin)).apiKeys as { id: string; name: string; displayName: string | null; avatarUrl: string | null }[];
const chatsOf = async (campaignId: string) =>
  (await ok(api.url, 'query($f: InteractionFilterInput) { interactions(filter: $f, first: 200) { totalCount } }', { f: { campaignId } }, admin)).interactions.totalCount as number;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  plain = await createCampaign(api.url, admin, { messages: TEXTS });
  botFirst = await createCampaign(api.url, admin, { messages: TEXTS, botFirst: true });
  channelKey = await createApiKey(api.url, admin, ['CHANNEL'], [plain.id, botFirst.id]);
});

afterAll(async () => {
  await api?.stop();
});

describe('what customers and agents see of a bot', () => {
  it('is its display name and avatar, on HTTP and on an open socket, and a change applies from the next message on', async () => {
    const created = (
      await ok(
        api.url,
        CREATE_KEY,
        { input: { name: 'integrator-bot 08:09:48', scopes: ['BOT'], campaignIds: [botFirst.id], displayName: '  Acme Helper ', avatarUrl: 'https://cdn.example.com/helper.png' } },
        admin,
      )
    ).createApiKey;
    expect(created.apiKey).toMatchObject({ name: 'integrator-bot 08:09:48', displayName: 'Acme Helper', avatarUrl: 'https://cdn.example.com/helper.png' });
    const bot = created.secret;

    const started = (await ok(api.url, START, { i: { campaignId: botFirst.id, channel: 'WEBCHAT', contact: { name: 'Widget Customer' }, language: 'en' } })).startInteraction;
    expect(started.interaction.phase).toBe('BOT');
    await ok(api.url, POST, { input: { interactionId: started.interaction.id, body: 'Hi! What are you looking for?' } }, bot);

    // An open socket of the key, made before the change below, speaks with the new name and avatar once it is made.
    const socket = connect(api.wsUrl, bot);
    const postOverSocket = async (body: string) => (await socket.subscribe(POST, { input: { interactionId: started.interaction.id, body } }).waitFor(1))[0].postMessage.author;
    try {
      expect(await postOverSocket('Before the change')).toMatchObject({ name: 'Acme Helper' });
      await ok(api.url, UPDATE_KEY, { id: created.apiKey.id, input: { displayName: 'Acme Assistant', avatarUrl: 'https://cdn.example.com/assistant.png' } }, admin);
      await expect.poll(() => postOverSocket(`Anything else? ${Date.now()}`), { timeout: 5000 }).toEqual({ kind: 'BOT', id: created.apiKey.id, name: 'Acme Assistant' });
      expect((await messagesOf(started.interaction.id)).at(-1)!.author.avatarUrl).toBe('https://cdn.example.com/assistant.png');
    } finally {
      await socket.dispose();
    }

    // The customer, through its own token, and staff read the same authors: earlier messages keep theirs.
    for (const reader of [started.visitorToken, supervisor.token]) {
      const bots = (await messagesOf(started.interaction.id, reader)).filter((m) => m.author.kind === 'BOT');
      expect(bots[0]!.author).toEqual({ kind: 'BOT', name: 'Acme Helper', avatarUrl: 'https://cdn.example.com/helper.png' });
      expect(bots.at(-1)!.author).toEqual({ kind: 'BOT', name: 'Acme Assistant', avatarUrl: 'https://cdn.example.com/assistant.png' });
    }
    // The administrator's list keeps the name it was filed under; a key without a display name shows its name.
    expect((await keysNow()).find((k) => k.id === created.apiKey.id)).toMatchObject({ name: 'integrator-bot 08:09:48', displayName: 'Acme Assistant' });
    const plainBot = await createApiKey(api.url, admin, ['BOT'], [botFirst.id]);
    const other = (await ok(api.url, START, { i: { campaignId: botFirst.id, channel: 'WEBCHAT', contact: { name: 'Second' }, language: 'en' } })).startInteraction.interaction.id;
    const posted = (await ok(api.url, POST, { input: { interactionId: other, body: 'Hello' } }, plainBot)).postMessage;
    expect(posted.author.name).toMatch(/^key /);

    // Cleared, the name stands in again.
    await ok(api.url, UPDATE_KEY, { id: created.apiKey.id, input: { displayName: '', avatarUrl: null } }, admin);
    expect((await keysNow()).find((k) => k.id === created.apiKey.id)).toMatchObject({ displayName: null, avatarUrl: null });
    const after = (await ok(api.url, POST, { input: { interactionId: started.interaction.id, body: 'Still here' } }, bot)).postMessage;
    expect(after.author.name).toBe('integrator-bot 08:09:48');
  });

  it('refuses an avatar that is not https, a display name too long, a key out of reach, and a caller who is not an administrator, changing nothing', async () => {
    const before = await keysNow();
    for (const input of [
      { avatarUrl: 'http://cdn.example.com/helper.png' },
      { avatarUrl: 'javascript:alert(1)' },
      { avatarUrl: 'https://user:secret@cdn.example.com/a.png' },
      { displayName: 'x'.repeat(81) },
    ]) {
      const refused = await gql(api.url, CREATE_KEY, { input: { name: 'refused', scopes: ['BOT'], ...input } }, admin);
      expect(expectCode(refused, 'BAD_USER_INPUT')).toMatch(/avatar|display name/i);
      expect(refused.errors![0]!.extensions!.field).toBe(Object.keys(input)[0]);
    }
    // Test files share the database: only this file's refused names are looked for.
    expect((await keysNow()).filter((k) => k.name === 'refused')).toEqual([]);

    const target = before[0]!;
    expectCode(await gql(api.url, UPDATE_KEY, { id: target.id, input: { avatarUrl: 'ftp://example.com/a.png' } }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, UPDATE_KEY, { id: target.id, input: { name: '  ' } }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, UPDATE_KEY, { id: target.id, input: { displayName: 'Sneaky' } }, supervisor.token), 'FORBIDDEN');
    expectCode(await gql(api.url, UPDATE_KEY, { id: target.id, input: { displayName: 'Sneaky' } }, channelKey), 'FORBIDDEN');
    expectCode(await gql(api.url, UPDATE_KEY, { id: '00000000-0000-4000-8000-000000000000', input: { displayName: 'Nobody' } }, admin), 'NOT_FOUND');
    // An administrator limited to one campaign does not reach a key of every campaign.
    const group = (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `Bots ${Date.now()}` }, admin)).createSecurityGroup.id;
    const limited = await createPerson(api.url, admin, 'ADMIN', { securityGroupId: group });
    const everywhere = (await ok(api.url, CREATE_KEY, { input: { name: 'everywhere', scopes: ['READ'] } }, admin)).createApiKey.apiKey.id;
    expectCode(await gql(api.url, UPDATE_KEY, { id: everywhere, input: { displayName: 'Mine now' } }, limited.token), 'NOT_FOUND');
    expect((await keysNow()).find((k) => k.id === target.id)).toEqual(target);
    expect((await keysNow()).find((k) => k.id === everywhere)!.displayName).toBeNull();
  });
});

describe('one chat with a bot, whatever the campaign’s default', () => {
  it('a bridge puts one chat with the bot where chats wait for agents; the bot speaks and hands off with its answers', async () => {
    const bot = await createApiKey(api.url, admin, ['BOT'], [plain.id]);
    const started = (await start(channelKey, plain.id, { withBot: true })).data!.startInteraction;
    expect(started.interaction.phase).toBe('BOT');
    // The bot's welcome, not the promise of an agent.
    expect((await messagesOf(started.interaction.id)).map((m) => m.body)).toEqual(['Our assistant will take a few details first.']);
    await ok(api.url, POST, { input: { interactionId: started.interaction.id, body: 'Which product is it about?' } }, bot);
    await ok(api.url, POST, { input: { interactionId: started.interaction.id, body: 'The annual plan' } }, channelKey);
    const handed = (await ok(api.url, HAND_OFF, { i: { interactionId: started.interaction.id, trayId: plain.generalTrayId, botAnswers: [{ key: 'product', value: 'The annual plan' }] } }, bot))
      .handOff;
    expect(handed).toEqual({ phase: 'WAITING', tray: { id: plain.generalTrayId }, botAnswers: [{ key: 'product', value: 'The annual plan' }] });
    // Without the choice, the campaign's default holds: the chat waits, welcomed with the agent's promise.
    const waiting = (await start(channelKey, plain.id)).data!.startInteraction.interaction;
    expect(waiting.phase).toBe('WAITING');
    expect((await messagesOf(waiting.id)).map((m) => m.body)).toEqual(['An agent will be with you shortly.']);
  });

  it('a key sends one chat straight to the tray where the bot answers first', async () => {
    const started = (await start(channelKey, botFirst.id, { withBot: false })).data!.startInteraction.interaction;
    expect(started.phase).toBe('WAITING');
    expect((await messagesOf(started.id)).map((m) => m.body)).toEqual(['An agent will be with you shortly.']);
    // A bot-first campaign's own chats still start with the bot's welcome.
    const byDefault = (await start(channelKey, botFirst.id)).data!.startInteraction.interaction;
    expect(byDefault.phase).toBe('BOT');
    expect((await messagesOf(byDefault.id)).map((m) => m.body)).toEqual(['Our assistant will take a few details first.']);
  });

  it('is refused where no bot key serves the campaign, which would leave the chat waiting for nobody', async () => {
    const unserved = await createCampaign(api.url, admin, { messages: TEXTS });
    const bridge = await createApiKey(api.url, admin, ['CHANNEL'], [unserved.id]);
    const refused = await start(bridge, unserved.id, { withBot: true });
    expect(expectCode(refused, 'CONFLICT')).toMatch(/bot/i);
    expect(await chatsOf(unserved.id)).toBe(0);
    // A revoked bot serves nothing; a live one does.
    const revoked = (await ok(api.url, CREATE_KEY, { input: { name: 'gone', scopes: ['BOT'], campaignIds: [unserved.id] } }, admin)).createApiKey.apiKey.id;
    await ok(api.url, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: revoked }, admin);
    expectCode(await start(bridge, unserved.id, { withBot: true }), 'CONFLICT');
    await createApiKey(api.url, admin, ['BOT'], [unserved.id]);
    expect((await start(bridge, unserved.id, { withBot: true })).data!.startInteraction.interaction.phase).toBe('BOT');
  });

  it('the widget chooses neither the bot nor a second token', async () => {
    const before = await chatsOf(botFirst.id);
    const skip = await gql(api.url, START, { i: { campaignId: botFirst.id, channel: 'WEBCHAT', contact: { name: 'Skipper' }, withBot: false } });
    expect(expectCode(skip, 'FORBIDDEN')).toMatch(/key/);
    const token = await gql(api.url, START, { i: { campaignId: botFirst.id, channel: 'WEBCHAT', contact: { name: 'Skipper' }, customerToken: true } });
    expectCode(token, 'FORBIDDEN');
    expect(await chatsOf(botFirst.id)).toBe(before);
  });
});

describe('the customer’s token for a chat a key starts', () => {
  it('is answered when asked for, writes and reads that chat as its customer, and nothing else', async () => {
    const bot = await createApiKey(api.url, admin, ['BOT'], [plain.id]);
    const withoutToken = (await start(bot, plain.id)).data!.startInteraction;
    expect(withoutToken.visitorToken).toBeNull();

    const started = (await start(bot, plain.id, { customerToken: true })).data!.startInteraction;
    expect(started.interaction.phase).toBe('BOT');
    const customer = started.visitorToken as string;
    expect(customer).toEqual(expect.any(String));
    await ok(api.url, POST, { input: { interactionId: started.interaction.id, body: 'Hello, bot' } }, bot);
    const written = (await ok(api.url, POST, { input: { interactionId: started.interaction.id, body: 'Hello from my app' } }, customer)).postMessage;
    expect(written.author.kind).toBe('CONTACT');
    expect((await messagesOf(started.interaction.id, customer)).map((m) => m.body)).toEqual(['Our assistant will take a few details first.', 'Hello, bot', 'Hello from my app']);

    // The token reaches its own chat only.
    expectCode(await gql(api.url, MESSAGES, { id: withoutToken.interaction.id }, customer), 'NOT_FOUND');
    expectCode(await gql(api.url, POST, { input: { interactionId: withoutToken.interaction.id, body: 'Not mine' } }, customer), 'NOT_FOUND');
    expect((await messagesOf(withoutToken.interaction.id)).map((m) => m.body)).not.toContain('Not mine');

    // Nor does it make the widget take the key's contact (a CRM contact, maybe) into another campaign.
    const key = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { contact { id } } }', { id: started.interaction.id }, admin)).interaction.contact.id;
    const widget = (await ok(api.url, START, { i: { campaignId: botFirst.id, channel: 'WEBCHAT', contact: { name: 'Someone Else' }, returningVisitorToken: customer } })).startInteraction;
    const contact = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { contact { id name } } }', { id: widget.interaction.id }, admin)).interaction.contact;
    expect(contact.id).not.toBe(key);
    expect((await ok(api.url, 'query($id: ID!) { interaction(id: $id) { contact { name } } }', { id: started.interaction.id }, admin)).interaction.contact.name).toBe('Bridged Customer');
  });
});
