/**
 * The life of an interaction through the public API: the widget starts it, a bot serves and hands
 * off, an agent takes and closes it; lists, protocol search and visibility follow each step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, INTERACTION_FIELDS, type Person, POST, startWidgetChat, untilConnected } from './support/world.js';

let api: ApiProcess;
let admin: string;
let campaign: CampaignFixture;
let agent: Person;
let otherAgent: Person;
let supervisor: Person;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin, {
    messages: [
      { language: 'en', welcome: 'Welcome!', agentGreeting: 'Hi, I am your agent.', closing: 'Bye!' },
      { language: 'es', welcome: '¡Bienvenido!' },
    ],
  });
  agent = await createPerson(api.url, admin, 'AGENT');
  otherAgent = await createPerson(api.url, admin, 'AGENT');
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
});

afterAll(async () => {
  await api?.stop();
});

const START = `mutation($input: StartInteractionInput!) { startInteraction(input: $input) { visitorToken interaction { ${INTERACTION_FIELDS} } } }`;

describe('starting an interaction', () => {
  it('gives an anonymous widget caller a visitor token and sends the welcome in its language', async () => {
    const data = await ok(api.url, START, { input: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Lucía' }, language: 'es-AR' } });
    const { visitorToken, interaction } = data.startInteraction;
    expect(visitorToken).toMatch(/^pvt_/);
    expect(interaction.phase).toBe('WAITING');
    expect(interaction.tray.id).toBe(campaign.generalTrayId);
    expect(interaction.contact.state).toBe('TRAY');
    expect(interaction.protocol).toMatch(/^CAM-\d{6}-\d+$/);
    const msgs = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { sequence body author { kind } } }', { id: interaction.id }, visitorToken);
    expect(msgs.messages).toEqual([{ sequence: 1, body: '¡Bienvenido!', author: { kind: 'SYSTEM' } }]);
  });

  it('falls back to the default language, then English, for a language the campaign lacks', async () => {
    const data = await ok(api.url, START, { input: { campaignId: campaign.id, channel: 'WEBCHAT', contact: {}, language: 'pt-BR' } });
    const msgs = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: data.startInteraction.interaction.id }, data.startInteraction.visitorToken);
    expect(msgs.messages.map((m: any) => m.body)).toEqual(['Welcome!']);
  });

  it('refuses an unknown campaign with NOT_FOUND and bad contact data with BAD_USER_INPUT', async () => {
    expectCode(await gql(api.url, START, { input: { campaignId: '00000000-0000-4000-8000-000000000000', channel: 'WEBCHAT', contact: {} } }), 'NOT_FOUND');
    expectCode(await gql(api.url, START, { input: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { email: 'not-an-email' } } }), 'BAD_USER_INPUT');
  });

  it('does not let an anonymous caller start a chat on a bridged channel', async () => {
    expectCode(await gql(api.url, START, { input: { campaignId: campaign.id, channel: 'WHATSAPP', contact: {} } }), 'FORBIDDEN');
  });

  it('gives every interaction a unique protocol that finds it', async () => {
    const chats = await Promise.all(Array.from({ length: 10 }, () => startWidgetChat(api.url, campaign.id)));
    expect(new Set(chats.map((c) => c.protocol)).size).toBe(10);
    const found = await ok(api.url, 'query($p: String!) { interactionByProtocol(protocol: $p) { id } }', { p: chats[3]!.protocol.toLowerCase() }, supervisor.token);
    expect(found.interactionByProtocol.id).toBe(chats[3]!.id);
  });
});

describe('a bot serves first, then hands off', () => {
  it('starts in BOT, posts as BOT, and hands off to a tray with its answers', async () => {
    const bot = await createApiKey(api.url, admin, ['BOT'], [campaign.id]);
    const started = await ok(api.url, START, { input: { campaignId: campaign.id, channel: 'WHATSAPP', contact: { name: 'Rui', phone: '+351 912 345 678', externalId: 'wa-1' } } }, bot);
    const chat = started.startInteraction.interaction;
    expect(started.startInteraction.visitorToken).toBeNull();
    expect(chat.phase).toBe('BOT');
    expect(chat.contact.state).toBe('BOT');
    const posted = await ok(api.url, POST, { input: { interactionId: chat.id, body: 'What is your order number?' } }, bot);
    expect(posted.postMessage.author.kind).toBe('BOT');

    const handed = await ok(
      api.url,
      `mutation($input: HandOffInput!) { handOff(input: $input) { phase tray { id } botAnswers { key value } contact { state previousState } } }`,
      { input: { interactionId: chat.id, trayId: campaign.generalTrayId, botAnswers: [{ key: 'order', value: 'A-1234' }] } },
      bot,
    );
    expect(handed.handOff).toEqual({ phase: 'WAITING', tray: { id: campaign.generalTrayId }, botAnswers: [{ key: 'order', value: 'A-1234' }], contact: { state: 'TRAY', previousState: 'BOT' } });
    // The trail's hand-off (what the feed and webhooks carry) holds the answers themselves, not only their number.
    const trail = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { events { type data } } }', { id: chat.id }, admin);
    expect(trail.interaction.events.find((e: any) => e.type === 'HANDED_OFF').data).toEqual({ trayId: campaign.generalTrayId, answers: 1, botAnswers: [{ key: 'order', value: 'A-1234' }] });
    const again = await gql(api.url, `mutation($input: HandOffInput!) { handOff(input: $input) { phase } }`, { input: { interactionId: chat.id, trayId: campaign.generalTrayId } }, bot);
    // Waiting in a tray, the chat has left the bot's sight (see the visibility table).
    expectCode(again, 'NOT_FOUND');
  });

  it('hears the customer by subscription, then hands off to a skill: SKILLS routing gives the chat to the agent who has it', async () => {
    const billing = await createPerson(api.url, admin, 'AGENT', { skills: ['Billing'], languages: ['en'] });
    const generalist = await createPerson(api.url, admin, 'AGENT', { languages: ['en'] });
    const sockets = [billing, generalist].map((p) => {
      const ws = connect(api.wsUrl, p.token);
      ws.subscribe('subscription { interactionChanged { kind } }');
      return ws;
    });
    await Promise.all([billing, generalist].map((p) => untilConnected(api.url, p.token)));
    const skilled = await createCampaign(api.url, admin, { routingStrategy: 'SKILLS', memberIds: [billing.id, generalist.id], botFirst: true, skillsWideningSeconds: 3600 });
    const bot = await createApiKey(api.url, admin, ['BOT'], [skilled.id]);
    const chat = await startWidgetChat(api.url, skilled.id, 'Bia');
    const botSocket = connect(api.wsUrl, bot);
    const heard = botSocket.subscribe<any>('subscription($id: ID!) { messageAdded(interactionId: $id) { body author { kind } } }', { id: chat.id });
    await new Promise((r) => setTimeout(r, 300));
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'My invoice is wrong' } }, chat.visitorToken);
    await heard.until((e) => e.some((m) => m.messageAdded.body === 'My invoice is wrong'));
    expect(heard.events.find((m) => m.messageAdded.body === 'My invoice is wrong').messageAdded.author.kind).toBe('CONTACT');

    const HAND_OFF = 'mutation($i: HandOffInput!) { handOff(input: $i) { phase tray { kind } expertise } }';
    expectCode(await gql(api.url, HAND_OFF, { i: { interactionId: chat.id } }, bot), 'BAD_USER_INPUT');
    const handed = await ok(api.url, HAND_OFF, { i: { interactionId: chat.id, skills: [' billing '], botAnswers: [{ key: 'topic', value: 'invoice' }] } }, bot);
    expect(handed.handOff.tray.kind).toBe('GENERAL');
    expect(handed.handOff.expertise).toEqual(['billing']);
    const held = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase agent { id } } }', { id: chat.id }, admin);
    expect(held.interaction).toEqual({ phase: 'IN_SERVICE', agent: { id: billing.id } });
    await Promise.all([...sockets, botSocket].map((w) => w.dispose()));
  });

  it('never lets a bot key reach another campaign', async () => {
    const other = await createCampaign(api.url, admin);
    const bot = await createApiKey(api.url, admin, ['BOT'], [campaign.id]);
    expectCode(await gql(api.url, START, { input: { campaignId: other.id, channel: 'API', contact: {} } }, bot), 'NOT_FOUND');
    const foreign = await startWidgetChat(api.url, other.id);
    expectCode(await gql(api.url, POST, { input: { interactionId: foreign.id, body: 'hi' } }, bot), 'NOT_FOUND');
  });
});

describe('an agent takes and closes a chat', () => {
  it('takes a waiting chat, greets the customer, and closes it into the Closed tray', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const taken = await ok(api.url, `mutation($id: ID!) { takeInteraction(id: $id) { ${INTERACTION_FIELDS} assignedAt } }`, { id: chat.id }, agent.token);
    expect(taken.takeInteraction).toMatchObject({ phase: 'IN_SERVICE', agent: { id: agent.id }, contact: { state: 'AGENT', previousState: 'TRAY' } });
    expect(taken.takeInteraction.assignedAt).toBeTruthy();

    // Held by an agent: that agent and supervisors see it; another agent gets NOT_FOUND and can change nothing.
    expectCode(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: chat.id }, otherAgent.token), 'NOT_FOUND');
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'sneaky' } }, otherAgent.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, otherAgent.token), 'NOT_FOUND');
    await ok(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: chat.id }, supervisor.token);

    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'How can I help?' } }, agent.token);
    const closed = await ok(api.url, `mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { ${INTERACTION_FIELDS} closedAt } }`, { id: chat.id }, agent.token);
    expect(closed.closeInteraction).toMatchObject({ phase: 'CLOSED', result: 'SUCCESS', tray: { id: campaign.closedTrayId, kind: 'CLOSED' } });

    const msgs = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { sequence body author { kind } } }', { id: chat.id }, chat.visitorToken);
    expect(msgs.messages.map((m: any) => [m.sequence, m.author.kind, m.body])).toEqual([
      [1, 'SYSTEM', 'Welcome!'],
      [2, 'SYSTEM', 'Hi, I am your agent.'],
      [3, 'AGENT', 'How can I help?'],
      [4, 'SYSTEM', 'Bye!'],
    ]);
    // Closed: everyone may see it again, and nobody may write into it.
    await ok(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: chat.id }, otherAgent.token);
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'late' } }, chat.visitorToken), 'CONFLICT');
    expectCode(await gql(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, agent.token), 'CONFLICT');
  });

  it('greets the customer once per chat: not again when a transfer or a return gives it to another agent', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const TAKE = 'mutation($id: ID!) { takeInteraction(id: $id) { id } }';
    await ok(api.url, TAKE, { id: chat.id }, agent.token);
    await ok(api.url, 'mutation($id: ID!, $t: ID!) { transferInteraction(id: $id, to: { trayId: $t }) { id } }', { id: chat.id, t: campaign.generalTrayId }, agent.token);
    await ok(api.url, TAKE, { id: chat.id }, otherAgent.token);
    await ok(api.url, 'mutation($id: ID!) { returnToTray(id: $id) { id } }', { id: chat.id }, otherAgent.token);
    await ok(api.url, TAKE, { id: chat.id }, agent.token);
    const msgs = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: chat.id }, chat.visitorToken);
    expect(msgs.messages.map((m: any) => m.body).filter((b: string) => b === 'Hi, I am your agent.')).toHaveLength(1);
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, agent.token);
  });

  it('stops an agent at its maximum of concurrent chats', async () => {
    const busy = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 1 });
    const [a, b] = [await startWidgetChat(api.url, campaign.id), await startWidgetChat(api.url, campaign.id)];
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: a.id }, busy.token);
    expectCode(await gql(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: b.id }, busy.token), 'CONFLICT');
    const still = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase agent { id } } }', { id: b.id }, supervisor.token);
    expect(still.interaction).toEqual({ phase: 'WAITING', agent: null });
  });

  it('lets only the agent who holds it answer, never a visitor of another chat', async () => {
    const mine = await startWidgetChat(api.url, campaign.id);
    const theirs = await startWidgetChat(api.url, campaign.id);
    expectCode(await gql(api.url, POST, { input: { interactionId: mine.id, body: 'not yet' } }, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: theirs.id }, mine.visitorToken), 'NOT_FOUND');
    expectCode(await gql(api.url, POST, { input: { interactionId: theirs.id, body: 'hello?' } }, mine.visitorToken), 'NOT_FOUND');
    expectCode(await gql(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: mine.id }, mine.visitorToken), 'FORBIDDEN');
  });
});

describe('listing interactions', () => {
  it('pages with a cursor and filters by tray, phase, campaign and search text', async () => {
    const own = await createCampaign(api.url, admin);
    const names = ['Zoe Quinn', 'Zack Quill', 'Yara Stone'];
    const chats = [];
    for (const n of names) chats.push(await startWidgetChat(api.url, own.id, n));
    const LIST = `query($filter: InteractionFilterInput, $first: Int, $after: String, $order: InteractionOrder) {
      interactions(filter: $filter, first: $first, after: $after, order: $order) { totalCount edges { cursor node { id contact { name } } } pageInfo { hasNextPage endCursor } } }`;
    const p1 = await ok(api.url, LIST, { filter: { campaignId: own.id }, first: 2, order: 'OLDEST_FIRST' }, supervisor.token);
    expect(p1.interactions.totalCount).toBe(3);
    expect(p1.interactions.edges.map((e: any) => e.node.contact.name)).toEqual(['Zoe Quinn', 'Zack Quill']);
    expect(p1.interactions.pageInfo.hasNextPage).toBe(true);
    const p2 = await ok(api.url, LIST, { filter: { campaignId: own.id }, first: 2, after: p1.interactions.pageInfo.endCursor, order: 'OLDEST_FIRST' }, supervisor.token);
    expect(p2.interactions.edges.map((e: any) => e.node.contact.name)).toEqual(['Yara Stone']);
    expect(p2.interactions.pageInfo.hasNextPage).toBe(false);

    const searched = await ok(api.url, LIST, { filter: { campaignId: own.id, search: 'qu' } }, agent.token);
    expect(searched.interactions.edges.map((e: any) => e.node.contact.name).sort()).toEqual(['Zack Quill', 'Zoe Quinn']);
    const byCampaignName = await ok(api.url, LIST, { filter: { search: own.name } }, agent.token);
    expect(byCampaignName.interactions.totalCount).toBe(3);
    const inTray = await ok(api.url, LIST, { filter: { trayId: own.generalTrayId, phases: ['WAITING'] } }, agent.token);
    expect(inTray.interactions.totalCount).toBe(3);
    const closedOnly = await ok(api.url, LIST, { filter: { campaignId: own.id, phases: ['CLOSED'] } }, agent.token);
    expect(closedOnly.interactions.totalCount).toBe(0);
  });

  it('finds a customer by name whatever the accents and case: "jose nunez" and "JOSÉ" find José Núñez', async () => {
    const own = await createCampaign(api.url, admin);
    const jose = await startWidgetChat(api.url, own.id, 'José Núñez');
    await startWidgetChat(api.url, own.id, 'Joana Silva');
    const SEARCH = 'query($filter: InteractionFilterInput) { interactions(filter: $filter) { edges { node { id } } } }';
    for (const search of ['jose nunez', 'JOSÉ', 'núñez', 'Jose Núnez']) {
      const found = await ok(api.url, SEARCH, { filter: { campaignId: own.id, search } }, supervisor.token);
      expect(
        found.interactions.edges.map((e: any) => e.node.id),
        search,
      ).toEqual([jose.id]);
    }
  });

  it('refuses a forged cursor and an out-of-range page size with BAD_USER_INPUT', async () => {
    const LIST = 'query($after: String, $first: Int) { interactions(first: $first, after: $after) { totalCount } }';
    const forged = Buffer.from(`${new Date().toISOString()}|not-a-uuid`).toString('base64url');
    expectCode(await gql(api.url, LIST, { after: forged }, supervisor.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, LIST, { after: 'garbage' }, supervisor.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, LIST, { first: 0 }, supervisor.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, LIST, { first: 1000 }, supervisor.token), 'BAD_USER_INPUT');
  });

  it('shows an agent only what the visibility table allows', async () => {
    const own = await createCampaign(api.url, admin);
    const waiting = await startWidgetChat(api.url, own.id);
    const held = await startWidgetChat(api.url, own.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: held.id }, otherAgent.token);
    const LIST = `query($c: ID) { interactions(filter: { campaignId: $c }) { edges { node { id } } } }`;
    const seen = (await ok(api.url, LIST, { c: own.id }, agent.token)).interactions.edges.map((e: any) => e.node.id);
    expect(seen).toEqual([waiting.id]);
    const bySupervisor = (await ok(api.url, LIST, { c: own.id }, supervisor.token)).interactions.edges.map((e: any) => e.node.id);
    expect(bySupervisor.sort()).toEqual([waiting.id, held.id].sort());
    expectCode(await gql(api.url, LIST, { c: own.id }), 'UNAUTHENTICATED');
  });
});
