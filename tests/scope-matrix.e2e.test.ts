/**
 * Issue 13 as a matrix: every caller resolves to one scope, and nothing outside it is there.
 *
 * Two security groups, North and South, each with a campaign holding a chat in every place: with a
 * bot, waiting in General, held by the campaign's agent, closed (with a customer's file and an
 * internal note), and a WhatsApp chat its campaign's CHANNEL key started. The callers are North's: a
 * grouped administrator, a grouped supervisor and a grouped agent, and a key of each scope (READ,
 * BOT, SUPERVISE, ADMIN, CHANNEL) limited to North's campaign, made by the installation's ungrouped
 * administrator.
 *
 * Every caller tries every read (over HTTP and over its WebSocket), every write, the files, the CSV
 * report, the monitor and the event feed against North (inside its scope: it works wherever the
 * caller's role or key scope allows it at all, and is refused the same way as in South where they do
 * not) and against South (outside: NOT_FOUND or FORBIDDEN, BAD_USER_INPUT for an input naming South,
 * and a list simply does not show it). Every refused write is read back by the installation's
 * administrator: it changed nothing. On every caller's socket, North's events arrive and South's
 * never do; the installation's administrator, asking the same, does see South, so that silence means
 * something. The cases are generated from the tables below: caller × operation × North/South. The
 * issue's own probes follow (keys made without campaigns, hooks for "every campaign", people made or
 * signed out across the line, contacts named by a South external id), with a few of the same kind:
 * South's team, South's file attached to a North message, North's campaign moved into South.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { type GqlResult, gql, ok } from './support/graphql.js';
import { connect, type Subscription, type TestWsClient, errorCodes } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, PASSWORD, type Person, PNG_1PX, POST, uploadFile } from './support/world.js';

// ---------------------------------------------------------------------------------------------
// The tables
// ---------------------------------------------------------------------------------------------

/** Who asks: North's people and North's keys. */
const CALLERS = ['grouped administrator', 'grouped supervisor', 'grouped agent', 'READ key', 'BOT key', 'SUPERVISE key', 'ADMIN key', 'CHANNEL key'] as const;
type Caller = (typeof CALLERS)[number];
const KEY_SCOPES = ['READ', 'BOT', 'SUPERVISE', 'ADMIN', 'CHANNEL'] as const;
const who = (c: Caller) => (c.endsWith(' key') ? `the North ${c}` : `a ${c}`);

const PEOPLE: readonly Caller[] = ['grouped administrator', 'grouped supervisor', 'grouped agent'];
/** People above agents. */
const STAFF_SUPERVISORS: readonly Caller[] = ['grouped administrator', 'grouped supervisor'];
/** Who acts on any chat as a supervisor would. */
const AS_SUPERVISOR: readonly Caller[] = [...STAFF_SUPERVISORS, 'SUPERVISE key'];
/** The agent acts on the chat it holds (the grouped agent holds North's), supervisors on any. */
const HOLDER_OR_SUPERVISOR: readonly Caller[] = [...AS_SUPERVISOR, 'grouped agent'];
/** The dashboard and the directories behind it: supervisors, administrators and ADMIN keys. */
const DASHBOARD: readonly Caller[] = [...STAFF_SUPERVISORS, 'ADMIN key'];
const ADMINS: readonly Caller[] = ['grouped administrator', 'ADMIN key'];
const FEED_READERS: readonly Caller[] = [...AS_SUPERVISOR, 'ADMIN key'];
/** Offline messages carry customers' addresses: people, and keys that supervise or administer. */
const OFFLINE_READERS: readonly Caller[] = [...PEOPLE, 'SUPERVISE key', 'ADMIN key'];
const STARTERS: readonly Caller[] = [...PEOPLE, 'BOT key', 'SUPERVISE key', 'CHANNEL key'];
const EVERYONE: readonly Caller[] = CALLERS;

type Side = 'North' | 'South';
const SIDES: readonly Side[] = ['North', 'South'];

const LOCATIONS = ['BOT', 'WAITING', 'HELD', 'CLOSED', 'BRIDGED'] as const;
type Location = (typeof LOCATIONS)[number];
const PLACE: Record<Location | 'NEEDS_HELP', string> = {
  BOT: 'chat with a bot',
  WAITING: 'chat waiting in General',
  HELD: 'chat held by its agent',
  NEEDS_HELP: 'chat whose agent asks for help',
  CLOSED: 'closed chat with a file and an internal note',
  BRIDGED: 'WhatsApp chat its CHANNEL key started',
};
const chatOf = (side: Side, at: Location | 'NEEDS_HELP') => `a ${side} ${PLACE[at]}`;

/** The visibility table within North: which of its chats each caller sees. Outside North: none. */
const SEES: Record<Caller, readonly Location[]> = {
  'grouped administrator': LOCATIONS,
  'grouped supervisor': LOCATIONS,
  // It holds HELD; BOT and CLOSED are everyone's; WAITING and BRIDGED wait in General.
  'grouped agent': LOCATIONS,
  'SUPERVISE key': LOCATIONS,
  'READ key': ['BOT', 'CLOSED'],
  'BOT key': ['BOT', 'CLOSED'],
  'ADMIN key': ['BOT', 'CLOSED'],
  'CHANNEL key': ['BOT', 'CLOSED', 'BRIDGED'],
};

/** How anything outside the scope may be refused. */
const OUTSIDE = ['NOT_FOUND', 'FORBIDDEN'];
/** How a write the caller's role does not allow may be refused inside: by role, by the visibility table, or by the chat's state. */
const NOT_ITS_ROLE = ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'];

type Transport = 'HTTP' | 'WebSocket';
const TRANSPORTS: readonly Transport[] = ['HTTP', 'WebSocket'];

// ---------------------------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------------------------

interface Chat {
  id: string;
  protocol: string;
  visitorToken: string | null;
  /** The customer's e-mail address. */
  email: string;
}
interface Key {
  id: string;
  secret: string;
}
interface SideWorld {
  side: Side;
  group: { id: string; name: string };
  campaign: CampaignFixture;
  customTrayId: string;
  /** Holds the side's chats. */
  agent: Person;
  /** A supervisor of the side, to write to. */
  supervisor: Person;
  team: { id: string };
  botKey: string;
  channelKey: string;
  /** A READ key of the side's campaign: listed, and revoked by nobody outside. */
  readKey: Key;
  hookId: string;
  cannedId: string;
  offlineId: string;
  chats: Record<Location, Chat>;
  needsHelp: Chat;
  fileId: string;
  /** The customer of the bridged chat, known by its external id. */
  contact: { id: string; externalId: string; name: string; email: string; phone: string };
}

let api: ApiProcess;
let owner: string;
const world = {} as Record<Side, SideWorld>;
const tokens = {} as Record<Caller, string>;
const callerIds = {} as Record<Caller, string>;
let groupedAdmin: Person;
const reasons: string[] = [];
let allCampaignsKey: Key;
let allCampaignsHookId: string;
/** North agents, members of North's campaign, to be paused, renamed, signed out and deactivated. */
const spares: { id: string; email: string }[] = [];
/** Strings only South's data (and the ungrouped administrator) hold: none may reach a North caller. */
const southMarks = new Set<string>();
const ownerMarks = new Set<string>();

const unique = () => randomBytes(4).toString('hex');
const mark = (side: Side, ...values: (string | null | undefined)[]) => {
  if (side === 'South') for (const v of values) if (v) southMarks.add(v);
};

const START = 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken interaction { id protocol contact { id name email phone } } } }';
const TAKE = 'mutation($id: ID!) { takeInteraction(id: $id) { id } }';
const CLOSE = 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { phase } }';
const NOTE = 'mutation($id: ID!, $b: String!) { addNote(id: $id, body: $b) { id } }';
const STATUS = 'mutation($id: ID!, $s: InteractionStatus!) { setInteractionStatus(id: $id, status: $s) { status } }';
const SNAPSHOT = `query($id: ID!) {
  interaction(id: $id) { phase status result lastSequence tray { id } agent { id } tags expertise notes { body } events { type } contact { id name email phone state } }
  messages(interactionId: $id, first: 500) { sequence body visibility author { kind } attachments { id } } }`;

/** Everything about a chat that a write could change, as the installation's administrator reads it. */
const snapshot = async (id: string) => ok(api.url, SNAPSHOT, { id }, owner);

async function createGroup(name: string) {
  return (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id name } }', { n: name }, owner)).createSecurityGroup as { id: string; name: string };
}

/** A person who never signs in: a target to act on. */
async function addPerson(role: 'AGENT' | 'SUPERVISOR' | 'ADMIN', securityGroupId: string): Promise<{ id: string; email: string }> {
  const email = `${role.toLowerCase()}-${unique()}@tests.parley.dev`;
  const data = await ok(
    api.url,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { email, name: `Target ${email.slice(0, 14)}`, password: PASSWORD, role, securityGroupId } },
    owner,
  );
  return { id: data.createUser.id, email };
}

async function makeKey(token: string, scopes: string[], campaignIds: string[]): Promise<Key> {
  const data = await ok(api.url, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }', { i: { name: `key ${unique()}`, scopes, campaignIds } }, token);
  return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret };
}

// The hooks listen for an event no test causes, so no delivery ever changes them behind the tests' back.
const HOOK = 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id campaignIds } } }';
const hookInput = (campaignIds: string[]) => ({ i: { url: 'http://127.0.0.1:9/hook', campaignIds, eventTypes: ['CONTACT_EXPIRED'] } });
const makeHook = async (token: string, campaignIds: string[]): Promise<string> => (await ok(api.url, HOOK, hookInput(campaignIds), token)).createWebhook.webhook.id;

/** A chat the side's BOT key started, with the bot's first words: phase BOT. */
async function botChat(side: Side): Promise<Chat> {
  const s = world[side];
  const u = unique();
  const contact = { name: `${side} bot customer ${u}`, email: `${side.toLowerCase()}-bot-${u}@example.com` };
  const started = (await ok(api.url, START, { i: { campaignId: s.campaign.id, channel: 'API', contact, language: 'en' } }, s.botKey)).startInteraction.interaction;
  await ok(api.url, POST, { input: { interactionId: started.id, body: 'Hello, I am the bot' } }, s.botKey);
  mark(side, started.id, started.protocol, contact.name, contact.email);
  return { id: started.id, protocol: started.protocol, visitorToken: null, email: contact.email };
}

/** A widget chat waiting in the side's General tray, with the customer's first words. */
async function widgetChat(side: Side, label: string): Promise<Chat> {
  const u = unique();
  const contact = { name: `${side} ${label} ${u}`, email: `${side.toLowerCase()}-${u}@example.com` };
  const started = (await ok(api.url, START, { i: { campaignId: world[side].campaign.id, channel: 'WEBCHAT', contact, language: 'en' } })).startInteraction;
  const chat = { id: started.interaction.id, protocol: started.interaction.protocol, visitorToken: started.visitorToken, email: contact.email };
  await ok(api.url, POST, { input: { interactionId: chat.id, body: `Hello from ${label}` } }, chat.visitorToken);
  mark(side, chat.id, chat.protocol, contact.name, contact.email);
  return chat;
}

/** A widget chat held by the side's agent. */
async function heldChat(side: Side, label = 'held customer'): Promise<Chat> {
  const chat = await widgetChat(side, label);
  await ok(api.url, TAKE, { id: chat.id }, world[side].agent.token);
  return chat;
}

/** Served and closed: the customer sent a file, the agent left an internal note and a staff note. */
async function closedChat(side: Side): Promise<{ chat: Chat; fileId: string }> {
  const s = world[side];
  const chat = await heldChat(side, 'closed customer');
  const upload = await uploadFile(api.url, chat.visitorToken, PNG_1PX, 'receipt.png');
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  await ok(api.url, POST, { input: { interactionId: chat.id, body: 'Here is my receipt', attachmentIds: [upload.body.id] } }, chat.visitorToken);
  await ok(api.url, POST, { input: { interactionId: chat.id, body: `${side} internal: refund approved`, internal: true } }, s.agent.token);
  await ok(api.url, NOTE, { id: chat.id, b: `${side} staff note` }, s.agent.token);
  await ok(api.url, CLOSE, { id: chat.id }, s.agent.token);
  mark(side, upload.body.id);
  return { chat, fileId: upload.body.id };
}

/** A WhatsApp chat the side's CHANNEL key started for a customer known by an external id. */
async function bridgedChat(side: Side): Promise<{ chat: Chat; contact: SideWorld['contact'] }> {
  const s = world[side];
  const u = unique();
  const wanted = {
    name: `${side} WhatsApp customer ${u}`,
    email: `${side.toLowerCase()}-wa-${u}@example.com`,
    phone: `+34 600 ${u.slice(0, 3).replace(/\D/g, '1')} 123`,
    externalId: `wa:${side}:${randomUUID()}`,
  };
  const started = (await ok(api.url, START, { i: { campaignId: s.campaign.id, channel: 'WHATSAPP', contact: wanted, language: 'en' } }, s.channelKey)).startInteraction.interaction;
  await ok(api.url, POST, { input: { interactionId: started.id, body: 'Hola, from WhatsApp' } }, s.channelKey);
  mark(side, started.id, started.protocol, wanted.name, wanted.email, wanted.externalId, started.contact.id);
  return { chat: { id: started.id, protocol: started.protocol, visitorToken: null, email: wanted.email }, contact: { id: started.contact.id, ...wanted } };
}

/** A North chat made for one write, in the place the write needs (held ones by the grouped agent). */
async function freshNorthChat(at: Location | 'NEEDS_HELP'): Promise<Chat> {
  switch (at) {
    case 'BOT':
      return botChat('North');
    case 'WAITING':
      return widgetChat('North', 'fresh waiting customer');
    case 'HELD':
      return heldChat('North', 'fresh held customer');
    case 'NEEDS_HELP': {
      const chat = await heldChat('North', 'fresh customer needing help');
      await ok(api.url, STATUS, { id: chat.id, s: 'NEEDS_HELP' }, world.North.agent.token);
      return chat;
    }
    case 'CLOSED': {
      const chat = await heldChat('North', 'fresh closed customer');
      await ok(api.url, CLOSE, { id: chat.id }, world.North.agent.token);
      return chat;
    }
    case 'BRIDGED':
      return (await bridgedChat('North')).chat;
  }
}

/** Frees the grouped agent's capacity: whatever a write left open is closed by the installation's administrator. */
const closeQuietly = async (id: string) => void (await gql(api.url, CLOSE, { id }, owner));

/** What a person looks like to the installation's administrator, and whether its session still works. */
async function personState(person: { id: string; token?: string }) {
  const users = (await ok(api.url, '{ users(includeInactive: true) { id name role active securityGroup { id } } }', {}, owner)).users;
  const agents = (await ok(api.url, '{ agents { userId paused pauseReason { id } } }', {}, owner)).agents;
  return {
    user: users.find((u: any) => u.id === person.id) ?? null,
    agent: agents.find((a: any) => a.userId === person.id) ?? null,
    signedIn: person.token ? ((await gql(api.url, '{ me { id } }', {}, person.token)).data?.me?.id ?? null) : null,
  };
}

async function buildSide(side: Side, group: { id: string; name: string }, extraMembers: string[]): Promise<void> {
  const agent = await createPerson(api.url, owner, 'AGENT', { securityGroupId: group.id, maxConcurrentChats: 50 });
  const supervisor = await createPerson(api.url, owner, 'SUPERVISOR', { securityGroupId: group.id });
  const campaign = await createCampaign(api.url, owner, { name: `${side} campaign ${unique()}`, securityGroupId: group.id, memberIds: [agent.id, ...extraMembers] });
  const customTrayId = (
    await ok(api.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `${side} VIP ${unique()}`, campaignId: campaign.id, userIds: [agent.id] } }, owner)
  ).createTray.id;
  const team = (await ok(api.url, 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { name: `${side} team ${unique()}`, memberIds: [agent.id] } }, owner)).createTeam;
  const cannedId = (
    await ok(
      api.url,
      'mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }',
      { i: { campaignId: campaign.id, shortcut: `hi${unique()}`, body: `${side} greeting` } },
      owner,
    )
  ).createCannedResponse.id;
  const offlineId = (
    await ok(api.url, 'mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }', {
      i: { campaignId: campaign.id, email: `${side.toLowerCase()}-offline-${unique()}@example.com`, body: 'Call me back' },
    })
  ).leaveOfflineMessage.id;
  const hookId = await makeHook(owner, [campaign.id]);
  const trays = (await ok(api.url, '{ trays { id campaignId } }', {}, owner)).trays.filter((t: any) => t.campaignId === campaign.id).map((t: any) => t.id);
  mark(side, campaign.id, campaign.name, group.id, group.name, customTrayId, cannedId, offlineId, hookId, agent.id, agent.email, supervisor.id, supervisor.email, ...trays);
  world[side] = { side, group, campaign, customTrayId, agent, supervisor, team, cannedId, offlineId, hookId } as SideWorld;
}

async function fillSide(side: Side): Promise<void> {
  const s = world[side];
  const bot = await botChat(side);
  const waiting = await widgetChat(side, 'waiting customer');
  const held = await heldChat(side);
  const closed = await closedChat(side);
  const bridged = await bridgedChat(side);
  s.needsHelp = await heldChat(side, 'customer needing help');
  await ok(api.url, STATUS, { id: s.needsHelp.id, s: 'NEEDS_HELP' }, s.agent.token);
  s.chats = { BOT: bot, WAITING: waiting, HELD: held, CLOSED: closed.chat, BRIDGED: bridged.chat };
  s.fileId = closed.fileId;
  s.contact = bridged.contact;
}

beforeAll(async () => {
  api = await startApi();
  owner = await adminToken(api.url);
  const me = (await ok(api.url, '{ me { id email } }', {}, owner)).me;
  ownerMarks.add(me.id).add(me.email);
  const north = await createGroup(`North ${unique()}`);
  const south = await createGroup(`South ${unique()}`);
  for (const name of ['Lunch', 'Training']) {
    reasons.push((await ok(api.url, 'mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: `${name} ${unique()}` }, owner)).createPauseReason.id);
  }

  for (let i = 0; i < 40; i += 8) spares.push(...(await Promise.all(Array.from({ length: 8 }, () => addPerson('AGENT', north.id)))));
  await buildSide(
    'North',
    north,
    spares.map((p) => p.id),
  );
  await buildSide('South', south, []);

  groupedAdmin = await createPerson(api.url, owner, 'ADMIN', { securityGroupId: north.id });
  const groupedSupervisor = await createPerson(api.url, owner, 'SUPERVISOR', { securityGroupId: north.id });
  tokens['grouped administrator'] = groupedAdmin.token;
  tokens['grouped supervisor'] = groupedSupervisor.token;
  tokens['grouped agent'] = world.North.agent.token;
  callerIds['grouped administrator'] = groupedAdmin.id;
  callerIds['grouped supervisor'] = groupedSupervisor.id;
  callerIds['grouped agent'] = world.North.agent.id;
  for (const scope of KEY_SCOPES) {
    const key = await makeKey(owner, [scope], [world.North.campaign.id]);
    tokens[`${scope} key`] = key.secret;
    callerIds[`${scope} key`] = key.id;
  }
  world.North.botKey = tokens['BOT key'];
  world.North.channelKey = tokens['CHANNEL key'];
  world.North.readKey = { id: callerIds['READ key'], secret: tokens['READ key'] };

  const southKeys = {
    bot: await makeKey(owner, ['BOT'], [world.South.campaign.id]),
    channel: await makeKey(owner, ['CHANNEL'], [world.South.campaign.id]),
    read: await makeKey(owner, ['READ'], [world.South.campaign.id]),
  };
  world.South.botKey = southKeys.bot.secret;
  world.South.channelKey = southKeys.channel.secret;
  world.South.readKey = southKeys.read;
  mark('South', southKeys.bot.id, southKeys.channel.id, southKeys.read.id);
  // Made by the ungrouped administrator for every campaign: South's reach, so no North caller's.
  allCampaignsKey = await makeKey(owner, ['READ'], []);
  allCampaignsHookId = await makeHook(owner, []);
  mark('South', allCampaignsKey.id, allCampaignsHookId);

  await fillSide('North');
  await fillSide('South');
  // South's agent sits in a pause that no North caller may end or change.
  await ok(api.url, 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { paused } }', { u: world.South.agent.id, r: reasons[0] }, owner);

  for (const caller of CALLERS) sockets.set(caller, connect(api.wsUrl, tokens[caller]));
}, 120_000);

afterAll(async () => {
  await Promise.all([...sockets.values()].map((s) => s.dispose()));
  await api?.stop();
});

// ---------------------------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------------------------

const sockets = new Map<Caller, TestWsClient>();
const via = (t: Transport) => ` over ${t}`;

/** One operation as the caller, over HTTP or over its WebSocket, answered in the same shape. */
function ask(t: Transport, caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
  return t === 'HTTP' ? gql(api.url, query, variables, tokens[caller]) : overSocket(sockets.get(caller)!, query, variables);
}

function overSocket(ws: TestWsClient, query: string, variables: Record<string, unknown>): Promise<GqlResult> {
  return new Promise((resolve) => {
    let last: { data?: any; errors?: GqlResult['errors'] } = {};
    ws.client.subscribe(
      { query, variables },
      {
        next: (result) => (last = result as typeof last),
        error: (err) => resolve({ status: 0, contentType: null, errors: (Array.isArray(err) ? err : [err]) as GqlResult['errors'] }),
        complete: () => resolve({ status: 200, contentType: null, data: last.data ?? undefined, errors: last.errors }),
      },
    );
  });
}

const codesOf = (r: GqlResult): string[] => (r.errors ?? []).map((e) => String(e.extensions?.code ?? e.message ?? 'NO CODE'));
const answer = (r: GqlResult) => JSON.stringify(r.errors ?? r.data ?? null).slice(0, 400);

function expectWorks(r: GqlResult): void {
  expect(r.errors, answer(r)).toBeUndefined();
}

/** Refused with exactly one of these codes; the message shows what came back instead. */
function expectRefused(r: GqlResult, codes: readonly string[]): void {
  const got = codesOf(r);
  expect(got.length === 1 && codes.includes(got[0]!) ? 'refused' : `answered ${answer(r)}`).toBe(`refused`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Which South marks (and, for people, the ungrouped administrator's) appear in what a caller got. */
function leaks(value: unknown, marks: Iterable<string> = [...southMarks, ...ownerMarks]): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  // Protocols end in a counter: SOU-261204-1 must not be found inside SOU-261204-12.
  return [...marks].filter((m) => new RegExp(`${escape(m)}(?![0-9A-Za-z])`).test(text));
}

/** Everything South has, as the installation's administrator reads it, and whether its people are still signed in. */
async function southState() {
  const s = world.South;
  const chats = [];
  for (const chat of [...Object.values(s.chats), s.needsHelp]) chats.push(await snapshot(chat.id));
  const campaign = await ok(
    api.url,
    `query($c: ID!, $t: ID!) {
      campaign(id: $c) { name serviceLevelSeconds securityGroup { id } }
      campaignMembers(campaignId: $c) { id }
      cannedResponses(campaignId: $c) { id shortcut body }
      offlineMessages(campaignId: $c) { id }
      interactions(filter: { campaignId: $c }) { totalCount }
      trayAccess(trayId: $t) { users { id } teams { id } } }`,
    { c: s.campaign.id, t: s.customTrayId },
    owner,
  );
  const all = await ok(api.url, '{ trays { id name campaignId } webhooks { id active campaignIds } apiKeys { id revokedAt scopes campaignIds } teams { id name members { id } } }', {}, owner);
  return {
    chats,
    campaign,
    trays: all.trays.filter((t: any) => t.campaignId === s.campaign.id),
    hooks: all.webhooks.filter((h: any) => southMarks.has(h.id)),
    keys: all.apiKeys.filter((k: any) => southMarks.has(k.id)),
    team: all.teams.find((t: any) => t.id === s.team.id),
    agent: await personState(s.agent),
    supervisor: await personState(s.supervisor),
    readKeyWorks: (await gql(api.url, '{ campaigns { id } }', {}, s.readKey.secret)).data?.campaigns?.map((c: any) => c.id) ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// The world is what the tables say
// ---------------------------------------------------------------------------------------------

const SHAPE: Record<Location, Record<string, unknown>> = {
  BOT: { phase: 'BOT', tray: null, agent: null },
  WAITING: { phase: 'WAITING', agent: null },
  HELD: { phase: 'IN_SERVICE', status: 'IN_PROGRESS' },
  CLOSED: { phase: 'CLOSED' },
  BRIDGED: { phase: 'WAITING', agent: null },
};

describe('the world', () => {
  for (const side of SIDES) {
    for (const at of LOCATIONS) {
      it(`${chatOf(side, at)} is where the table says`, async () => {
        const s = world[side];
        const view = (await snapshot(s.chats[at].id)).interaction;
        expect(view).toMatchObject(SHAPE[at]);
        if (at === 'HELD') expect(view.agent).toEqual({ id: s.agent.id });
        if (at === 'WAITING' || at === 'BRIDGED') expect(view.tray).toEqual({ id: s.campaign.generalTrayId });
      });
    }
    it(`the ${side} closed chat holds the customer's file and an internal note`, async () => {
      const messages = (await snapshot(world[side].chats.CLOSED.id)).messages;
      expect(messages.flatMap((m: any) => m.attachments.map((a: any) => a.id))).toEqual([world[side].fileId]);
      expect(messages.filter((m: any) => m.visibility === 'INTERNAL')).toHaveLength(1);
    });
  }

  it("the North keys reach North's campaign only", async () => {
    for (const scope of KEY_SCOPES) expect((await ok(api.url, '{ campaigns { id } }', {}, tokens[`${scope} key`])).campaigns).toEqual([{ id: world.North.campaign.id }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Chats looked up one by one, over HTTP and over WebSocket
// ---------------------------------------------------------------------------------------------

/** A chat mutation's variables: the chat's id, and any others given. */
const withId = (others: Record<string, unknown>) => (c: Chat) => ({ id: c.id, ...others });
const byId = withId({});

interface ChatRead {
  does: (chat: string) => string;
  doc: string;
  vars: (c: Chat) => Record<string, unknown>;
  /** What a caller who sees the chat gets. */
  shows: (data: any, c: Chat, caller: Caller, at: Location) => void;
}

const CHAT_READS: ChatRead[] = [
  {
    does: (chat) => `read ${chat} by id`,
    doc: 'query($id: ID!) { interaction(id: $id) { id } }',
    vars: byId,
    shows: (d, c) => expect(d.interaction.id).toBe(c.id),
  },
  {
    does: (chat) => `find ${chat} by its protocol`,
    doc: 'query($p: String!) { interactionByProtocol(protocol: $p) { id } }',
    vars: (c) => ({ p: c.protocol }),
    shows: (d, c) => expect(d.interactionByProtocol.id).toBe(c.id),
  },
  {
    does: (chat) => `read the messages of ${chat}`,
    doc: 'query($id: ID!) { messages(interactionId: $id, first: 500) { interactionId visibility attachments { id } } }',
    vars: byId,
    shows: (d, c, caller, at) => {
      expect(d.messages.length).toBeGreaterThan(0);
      expect(new Set(d.messages.map((m: any) => m.interactionId))).toEqual(new Set([c.id]));
      // Internal notes are staff's: people read them, keys never.
      if (at === 'CLOSED') expect(d.messages.some((m: any) => m.visibility === 'INTERNAL')).toBe(PEOPLE.includes(caller));
    },
  },
  {
    does: (chat) => `ask where ${chat} may be transferred`,
    doc: 'query($id: ID!) { transferTargets(interactionId: $id) { trays { id } agents { id } } }',
    vars: byId,
    shows: (d) => expect(leaks(d)).toEqual([]),
  },
];

for (const t of TRANSPORTS) {
  describe(`chats looked up one by one${via(t)}`, () => {
    for (const op of CHAT_READS) {
      for (const caller of CALLERS) {
        for (const at of SEES[caller]) {
          it(`${who(caller)} can ${op.does(chatOf('North', at))}${via(t)}`, async () => {
            const chat = world.North.chats[at];
            const result = await ask(t, caller, op.doc, op.vars(chat));
            expectWorks(result);
            op.shows(result.data, chat, caller, at);
          });
        }
        for (const at of LOCATIONS) {
          it(`${who(caller)} cannot ${op.does(chatOf('South', at))}${via(t)}`, async () => {
            expectRefused(await ask(t, caller, op.doc, op.vars(world.South.chats[at])), OUTSIDE);
          });
        }
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Directories, lists, the monitor: over HTTP and over WebSocket
// ---------------------------------------------------------------------------------------------

interface Read {
  does: (side: Side) => string;
  /** A lookup names one South thing and must be refused; a list must simply not show South. */
  kind: 'lookup' | 'list';
  by: readonly Caller[];
  doc: string;
  vars?: (s: SideWorld) => Record<string, unknown>;
  /** What North shows the callers allowed to read it. */
  shows?: (data: any, caller: Caller) => void;
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);
const NORTH = () => world.North;

/** Reads one campaign's list of things, by the campaign's id. */
const ofCampaign = (what: string, by: readonly Caller[], field: string, idType: 'ID' | 'ID!', shows: Read['shows']): Read => ({
  kind: 'lookup',
  does: (s) => `read the ${what} of the ${s} campaign`,
  by,
  doc: `query($c: ${idType}) { ${field}(campaignId: $c) { id } }`,
  vars: (s) => ({ c: s.campaign.id }),
  shows,
});

const READS: Read[] = [
  {
    kind: 'lookup',
    does: (s) => `read the ${s} campaign`,
    by: EVERYONE,
    doc: 'query($c: ID!) { campaign(id: $c) { id securityGroup { id } } }',
    vars: (s) => ({ c: s.campaign.id }),
    shows: (d) => expect(d.campaign.id).toBe(NORTH().campaign.id),
  },
  ofCampaign('members', DASHBOARD, 'campaignMembers', 'ID!', (d) => expect(ids(d.campaignMembers)).toContain(NORTH().agent.id)),
  ofCampaign('canned responses', PEOPLE, 'cannedResponses', 'ID!', (d) => expect(ids(d.cannedResponses)).toContain(NORTH().cannedId)),
  ofCampaign('offline messages', OFFLINE_READERS, 'offlineMessages', 'ID', (d) => expect(ids(d.offlineMessages)).toContain(NORTH().offlineId)),
  {
    kind: 'lookup',
    does: (s) => `read who may open the ${s} custom tray`,
    by: DASHBOARD,
    doc: 'query($t: ID!) { trayAccess(trayId: $t) { users { id } } }',
    vars: (s) => ({ t: s.customTrayId }),
    shows: (d) => expect(ids(d.trayAccess.users)).toContain(NORTH().agent.id),
  },
  { kind: 'lookup', does: (s) => `read the delivery log of a ${s} webhook`, by: ADMINS, doc: 'query($h: ID!) { webhookDeliveries(webhookId: $h) { id } }', vars: (s) => ({ h: s.hookId }) },

  {
    kind: 'list',
    does: (s) => `list ${s}'s campaigns`,
    by: EVERYONE,
    doc: '{ campaigns { id name securityGroup { id name } } }',
    shows: (d) => expect(ids(d.campaigns)).toContain(NORTH().campaign.id),
  },
  { kind: 'list', does: (s) => `list ${s}'s trays`, by: EVERYONE, doc: '{ trays { id name campaignId ownerId } }', shows: (d) => expect(ids(d.trays)).toContain(NORTH().campaign.generalTrayId) },
  { kind: 'list', does: (s) => `list ${s}'s people`, by: DASHBOARD, doc: '{ users(includeInactive: true) { id email name } }', shows: (d) => expect(ids(d.users)).toContain(NORTH().agent.id) },
  {
    kind: 'list',
    does: (s) => `list ${s}'s agents and their states`,
    by: DASHBOARD,
    doc: '{ agents { userId name } }',
    shows: (d) => expect(d.agents.map((a: any) => a.userId)).toContain(NORTH().agent.id),
  },
  {
    kind: 'list',
    does: (s) => `see ${s}'s people in the teams`,
    by: DASHBOARD,
    doc: '{ teams { id members { id name } } }',
    shows: (d) => expect(d.teams.find((t: any) => t.id === NORTH().team.id)?.members.map((m: any) => m.id)).toEqual([NORTH().agent.id]),
  },
  { kind: 'list', does: (s) => `list ${s}'s supervisors to write to`, by: PEOPLE, doc: '{ supervisors { id name } }', shows: (d) => expect(ids(d.supervisors)).toContain(NORTH().supervisor.id) },
  { kind: 'list', does: (s) => `list ${s}'s API keys`, by: ADMINS, doc: '{ apiKeys { id campaignIds } }', shows: (d) => expect(ids(d.apiKeys)).toContain(NORTH().readKey.id) },
  { kind: 'list', does: (s) => `list ${s}'s webhooks`, by: ADMINS, doc: '{ webhooks { id campaignIds } }', shows: (d) => expect(ids(d.webhooks)).toContain(NORTH().hookId) },
  {
    kind: 'list',
    does: (s) => `list ${s}'s offline messages`,
    by: OFFLINE_READERS,
    doc: '{ offlineMessages { id campaignId email } }',
    shows: (d) => expect(ids(d.offlineMessages)).toContain(NORTH().offlineId),
  },
  {
    kind: 'list',
    does: (s) => `list ${s}'s security group`,
    by: ADMINS,
    doc: '{ securityGroups { id name } }',
    shows: (d, caller) => caller === 'grouped administrator' && expect(d.securityGroups).toEqual([NORTH().group]),
  },
  {
    kind: 'list',
    does: (s) => `list ${s}'s chats`,
    by: EVERYONE,
    doc: '{ interactions(first: 200) { totalCount edges { node { id protocol campaign { id name } contact { name email } } } } }',
    shows: (d, caller) => expect(d.interactions.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining(SEES[caller].map((at) => NORTH().chats[at].id))),
  },
  {
    kind: 'list',
    does: (s) => `list ${s}'s chats by filtering on its campaign`,
    by: EVERYONE,
    doc: 'query($c: ID) { interactions(filter: { campaignId: $c }, first: 200) { totalCount edges { node { id protocol } } } }',
    vars: (s) => ({ c: s.campaign.id }),
    shows: (d, caller) => expect(d.interactions.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining(SEES[caller].map((at) => NORTH().chats[at].id))),
  },
  {
    kind: 'list',
    does: (s) => `open ${s}'s General tray as an inbox`,
    by: EVERYONE,
    doc: 'query($t: ID) { interactions(filter: { trayId: $t }, first: 200) { totalCount edges { node { id protocol } } } }',
    vars: (s) => ({ t: s.campaign.generalTrayId }),
    shows: (d, caller) => SEES[caller].includes('WAITING') && expect(d.interactions.edges.map((e: any) => e.node.id)).toContain(NORTH().chats.WAITING.id),
  },
  {
    kind: 'list',
    does: (s) => `list the conversations of a ${s} contact`,
    by: EVERYONE,
    doc: 'query($c: ID) { interactions(filter: { contactId: $c }, first: 200) { totalCount edges { node { id protocol } } } }',
    vars: (s) => ({ c: s.contact.id }),
    shows: (d, caller) => SEES[caller].includes('BRIDGED') && expect(d.interactions.edges.map((e: any) => e.node.id)).toContain(NORTH().chats.BRIDGED.id),
  },
  {
    kind: 'list',
    does: (s) => `list the chats of a ${s} agent`,
    by: EVERYONE,
    doc: 'query($a: ID) { interactions(filter: { agentId: $a }, first: 200) { totalCount edges { node { id protocol } } } }',
    vars: (s) => ({ a: s.agent.id }),
    shows: (d, caller) => SEES[caller].includes('HELD') && expect(d.interactions.edges.map((e: any) => e.node.id)).toContain(NORTH().chats.HELD.id),
  },
  {
    kind: 'list',
    does: (s) => `search ${s}'s chats by a customer's e-mail`,
    by: EVERYONE,
    doc: 'query($q: String) { interactions(filter: { search: $q }, first: 200) { totalCount edges { node { id protocol contact { email } } } } }',
    vars: (s) => ({ q: s.chats.WAITING.email }),
    shows: (d, caller) => SEES[caller].includes('WAITING') && expect(d.interactions.edges.map((e: any) => e.node.id)).toContain(NORTH().chats.WAITING.id),
  },
  {
    kind: 'list',
    does: (s) => `see ${s}'s chats, agents and waiting customers' e-mails in the monitor`,
    by: DASHBOARD,
    doc: `{ monitor { totals { open } campaigns { campaign { id name } } agents { userId chats { id } }
            waiting { id protocol campaign { id } contact { name email phone } } bot { id protocol contact { name email } } inService { id protocol contact { name email } } } }`,
    shows: (d, caller) => monitorShows(d, caller),
  },
  {
    kind: 'list',
    does: (s) => `filter the monitor on the ${s} campaign`,
    by: DASHBOARD,
    doc: `query($c: [ID!]) { monitor(filter: { campaignIds: $c }) { campaigns { campaign { id name } } agents { userId } waiting { id protocol contact { name email } } bot { id } inService { id } } }`,
    vars: (s) => ({ c: [s.campaign.id] }),
    shows: (d, caller) => monitorShows(d, caller),
  },
  {
    kind: 'list',
    does: (s) => `search the monitor for a waiting ${s} customer by e-mail`,
    by: DASHBOARD,
    doc: `query($q: String) { monitor(filter: { contact: $q }) { waiting { id protocol contact { name email } } bot { id } inService { id } } }`,
    vars: (s) => ({ q: s.chats.WAITING.email }),
    // The search also matches the address's digits inside phone numbers, so other North chats may come along.
    shows: (d, caller) => monitorShows(d, caller),
  },
  {
    kind: 'list',
    does: (s) => `search the monitor for a waiting ${s} chat by its protocol`,
    by: DASHBOARD,
    doc: `query($p: String) { monitor(filter: { protocol: $p }) { waiting { id protocol contact { name email } } bot { id } inService { id } } }`,
    vars: (s) => ({ p: s.chats.WAITING.protocol }),
    shows: (d, caller) => monitorShows(d, caller),
  },
  {
    kind: 'list',
    does: (s) => `filter the monitor on a ${s} agent`,
    by: DASHBOARD,
    doc: `query($a: [ID!]) { monitor(filter: { agentIds: $a }) { agents { userId name chats { id protocol } } inService { id protocol contact { name email } } } }`,
    vars: (s) => ({ a: [s.agent.id] }),
    shows: (d, caller) => {
      expect(d.monitor.agents.map((a: any) => a.userId)).toEqual([NORTH().agent.id]);
      monitorShows(d, caller);
    },
  },
  {
    kind: 'list',
    does: (s) => `see ${s}'s figures in today's charts`,
    by: DASHBOARD,
    doc: '{ monitorToday { campaigns { campaign { id name } hours { received } } } }',
    shows: (d) => expect(d.monitorToday.campaigns.map((c: any) => c.campaign.id)).toContain(NORTH().campaign.id),
  },
  {
    kind: 'list',
    does: (s) => `filter today's charts on the ${s} campaign`,
    by: DASHBOARD,
    doc: 'query($c: [ID!]) { monitorToday(filter: { campaignIds: $c }) { campaigns { campaign { id name } } } }',
    vars: (s) => ({ c: [s.campaign.id] }),
    shows: (d) => expect(d.monitorToday.campaigns.map((c: any) => c.campaign.id)).toEqual([NORTH().campaign.id]),
  },
];

/**
 * The monitor's chats are the ones the visibility table gives the caller: every one of its scope to a
 * supervisor, only those everyone may see to a key that does not supervise.
 */
function monitorShows(d: any, caller: Caller): void {
  const m = d.monitor;
  const ids = [...(m.waiting ?? []), ...(m.bot ?? []), ...(m.inService ?? []), ...(m.agents ?? []).flatMap((a: any) => a.chats ?? [])].map((c: any) => c.id);
  for (const at of LOCATIONS) if (!SEES[caller].includes(at)) expect(ids, `${caller} must not see the ${at} chat`).not.toContain(NORTH().chats[at].id);
  if (SEES[caller].includes('WAITING') && m.waiting) expect(ids).toContain(NORTH().chats.WAITING.id);
}

for (const t of TRANSPORTS) {
  describe(`directories, lists and the monitor${via(t)}`, () => {
    for (const op of READS) {
      for (const caller of CALLERS) {
        const allowed = op.by.includes(caller);
        it(`${who(caller)} ${allowed ? 'can' : 'cannot'} ${op.does('North')}${allowed ? '' : ' (not its role)'}${via(t)}`, async () => {
          const result = await ask(t, caller, op.doc, op.vars?.(world.North) ?? {});
          if (!allowed) return expectRefused(result, ['FORBIDDEN']);
          expectWorks(result);
          op.shows?.(result.data, caller);
          expect(leaks(result.data), 'South shows through').toEqual([]);
        });
        it(`${who(caller)} cannot ${op.does('South')}${via(t)}`, async () => {
          const result = await ask(t, caller, op.doc, op.vars?.(world.South) ?? {});
          if (op.kind === 'lookup' || !allowed || result.errors) return expectRefused(result, allowed ? OUTSIDE : ['FORBIDDEN']);
          expect(leaks(result.data)).toEqual([]);
        });
      }
    }
  });
}

// The checks above can fail: where a North caller sees nothing of South, the installation's
// administrator, asking the same, does.
describe('the installation administrator does see South on the same paths', () => {
  for (const op of READS) {
    it(`the installation administrator can ${op.does('South')}`, async () => {
      const result = await gql(api.url, op.doc, op.vars?.(world.South) ?? {}, owner);
      expectWorks(result);
      if (op.kind === 'list') expect(leaks(result.data).length).toBeGreaterThan(0);
    });
  }
  for (const at of LOCATIONS) {
    it(`the installation administrator can read ${chatOf('South', at)} and its messages`, async () => {
      for (const op of CHAT_READS) expectWorks(await gql(api.url, op.doc, op.vars(world.South.chats[at]), owner));
    });
  }
  it("the installation administrator can download South's file and finds South's chats in the CSV report", async () => {
    const file = await fetch(`${api.url}/files/${world.South.fileId}`, { headers: { authorization: `Bearer ${owner}` } });
    expect(file.status).toBe(200);
    const csv = await fetch(`${api.url}/reports/conversations.csv`, { headers: { authorization: `Bearer ${owner}` } });
    expect(await csv.text()).toContain(world.South.chats.CLOSED.protocol);
  });
});

// ---------------------------------------------------------------------------------------------
// Files and the CSV report (HTTP only)
// ---------------------------------------------------------------------------------------------

const download = (path: string, caller: Caller) => fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${tokens[caller]}` } });

describe('files and the CSV report over HTTP', () => {
  for (const caller of CALLERS) {
    it(`${who(caller)} can download the customer's file of a North closed chat`, async () => {
      const res = await download(`/files/${world.North.fileId}`, caller);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG_1PX)).toBe(true);
    });
    it(`${who(caller)} cannot download the customer's file of a South closed chat`, async () => {
      const res = await download(`/files/${world.South.fileId}`, caller);
      expect([403, 404], `answered ${res.status}`).toContain(res.status);
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG_1PX)).toBe(false);
    });

    const allowed = DASHBOARD.includes(caller);
    it(`${who(caller)} ${allowed ? 'can' : 'cannot'} download North's chats in the CSV report${allowed ? '' : ' (not its role)'}`, async () => {
      const res = await download('/reports/conversations.csv', caller);
      if (!allowed) return void expect(res.status).toBe(403);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain(world.North.chats.CLOSED.protocol);
      expect(leaks(text)).toEqual([]);
    });
    it(`${who(caller)} cannot download South's chats in the CSV report, filtered on South's campaign or not`, async () => {
      for (const query of ['', `?campaignId=${world.South.campaign.id}`]) {
        const res = await download(`/reports/conversations.csv${query}`, caller);
        if (!allowed) expect(res.status).toBe(403);
        else if (res.status === 200) expect(leaks(await res.text())).toEqual([]);
        else expect([403, 404]).toContain(res.status);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Writes (HTTP): each tried on North (a fresh target where the write uses it up) and on South
// ---------------------------------------------------------------------------------------------

interface Write<T = any> {
  does: (side: Side) => string;
  by: readonly Caller[];
  /** The thing written to: made afresh in North, South's own in South. */
  target?: (side: Side) => Promise<T>;
  run: (caller: Caller, s: SideWorld, target: T) => Promise<GqlResult>;
  /** What the write could change, as the installation's administrator reads it. */
  state: (s: SideWorld, target: T, caller: Caller) => Promise<unknown>;
  /** Refusals besides NOT_FOUND and FORBIDDEN that are right in South: an input naming South. */
  outsideAlso?: string[];
  /** What a write that worked must have done. */
  did?: (data: any, caller: Caller) => void;
  cleanup?: (target: T, side: Side) => Promise<void>;
}

const READ_CHAT = 'query($id: ID!) { interaction(id: $id) { id } }';
const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id securityGroup { id } } }';
const as = (caller: Caller, query: string, variables: Record<string, unknown>) => gql(api.url, query, variables, tokens[caller]);

function onChat(
  at: Location | 'NEEDS_HELP',
  does: (chat: string) => string,
  doc: string,
  vars: (c: Chat, s: SideWorld) => Record<string, unknown>,
  by: readonly Caller[],
  did?: Write['did'],
): Write<Chat> {
  return {
    does: (side) => does(chatOf(side, at)),
    by,
    target: async (side) => (side === 'North' ? freshNorthChat(at) : at === 'NEEDS_HELP' ? world.South.needsHelp : world.South.chats[at]),
    run: (caller, s, chat) => as(caller, doc, vars(chat, s)),
    state: (_s, chat) => snapshot(chat.id),
    did,
    cleanup: async (chat, side) => (side === 'North' ? closeQuietly(chat.id) : undefined),
  };
}

const post =
  (body: string, internal = false) =>
  (c: Chat) => ({ input: { interactionId: c.id, body, internal } });
const authorIs = (kind: string) => (d: any) => expect(d.postMessage.author.kind).toBe(kind);

const CHAT_WRITES: Write[] = [
  onChat('HELD', (c) => `add a note to ${c}`, NOTE, withId({ b: 'A staff note' }), HOLDER_OR_SUPERVISOR),
  onChat(
    'HELD',
    (c) => `post an internal message in ${c}`,
    POST,
    post('Between us', true),
    HOLDER_OR_SUPERVISOR,
    (d) => expect(d.postMessage.visibility).toBe('INTERNAL'),
  ),
  onChat(
    'HELD',
    (c) => `answer the customer of ${c}`,
    POST,
    post('How can I help?'),
    HOLDER_OR_SUPERVISOR,
    (d) => expect(d.postMessage.author.kind).not.toBe('CONTACT'),
  ),
  onChat('BOT', (c) => `speak as the bot in ${c}`, POST, post('Still the bot'), ['BOT key'], authorIs('BOT')),
  onChat('BRIDGED', (c) => `write as the customer of ${c}`, POST, post('Any news?'), ['CHANNEL key'], authorIs('CONTACT')),
  onChat('HELD', (c) => `close ${c}`, CLOSE, byId, HOLDER_OR_SUPERVISOR),
  // The issue: READ and SUPERVISE keys never close nor hand off a chat a bot serves; the bot, or a person, does.
  onChat('BOT', (c) => `close ${c}`, CLOSE, byId, [...STAFF_SUPERVISORS, 'BOT key']),
  onChat(
    'BOT',
    (c) => `hand off ${c} to its General tray`,
    'mutation($i: HandOffInput!) { handOff(input: $i) { phase } }',
    (c, s) => ({ i: { interactionId: c.id, trayId: s.campaign.generalTrayId } }),
    [...STAFF_SUPERVISORS, 'BOT key'],
  ),
  onChat(
    'HELD',
    (c) => `transfer ${c} to its General tray`,
    'mutation($id: ID!, $t: ID!) { transferInteraction(id: $id, to: { trayId: $t }, note: "moving on") { phase } }',
    (c, s) => ({ id: c.id, t: s.campaign.generalTrayId }),
    HOLDER_OR_SUPERVISOR,
  ),
  onChat('HELD', (c) => `give ${c} back to its tray`, 'mutation($id: ID!) { returnToTray(id: $id) { phase } }', byId, HOLDER_OR_SUPERVISOR),
  onChat('HELD', (c) => `ask for help in ${c}`, STATUS, withId({ s: 'NEEDS_HELP' }), HOLDER_OR_SUPERVISOR),
  onChat('NEEDS_HELP', (c) => `join ${c}`, 'mutation($id: ID!) { joinInteraction(id: $id) { status } }', byId, STAFF_SUPERVISORS),
  onChat('HELD', (c) => `tag ${c}`, 'mutation($id: ID!) { setTags(id: $id, tags: ["scope-matrix"]) { tags } }', byId, HOLDER_OR_SUPERVISOR),
  onChat('HELD', (c) => `set the expertise of ${c}`, 'mutation($id: ID!) { setExpertise(id: $id, skills: ["billing"]) { expertise } }', byId, HOLDER_OR_SUPERVISOR),
  onChat('WAITING', (c) => `take ${c}`, TAKE, byId, PEOPLE),
  onChat('CLOSED', (c) => `e-mail the transcript of ${c}`, 'mutation($id: ID!) { sendTranscript(interactionId: $id, to: "someone@example.com") { to } }', byId, PEOPLE),
  onChat(
    'HELD',
    (c) => `close ${c} in a bulk action`,
    'mutation($ids: [ID!]!) { closeInteractions(ids: $ids, result: SUCCESS) { phase } }',
    (c) => ({ ids: [c.id] }),
    AS_SUPERVISOR,
  ),
  onChat(
    'HELD',
    (c) => `transfer ${c} in a bulk action`,
    'mutation($ids: [ID!]!, $t: ID!) { transferInteractions(ids: $ids, to: { trayId: $t }) { phase } }',
    (c, s) => ({ ids: [c.id], t: s.campaign.generalTrayId }),
    AS_SUPERVISOR,
  ),
];

const campaignState = async (s: SideWorld) =>
  ok(api.url, 'query($c: ID!) { campaign(id: $c) { name serviceLevelSeconds } interactions(filter: { campaignId: $c }) { totalCount } }', { c: s.campaign.id }, owner);
const traysOf = async (s: SideWorld) => (await ok(api.url, '{ trays { id campaignId } }', {}, owner)).trays.filter((t: any) => t.campaignId === s.campaign.id);
const countOf = async (field: 'webhooks' | 'apiKeys' | 'teams') => (await ok(api.url, `{ ${field} { id } }`, {}, owner))[field].length;
const hookOf = async (id: string) => (await ok(api.url, '{ webhooks { id active campaignIds } }', {}, owner)).webhooks.find((h: any) => h.id === id) ?? null;

type PersonTarget = { id: string; token?: string };
const spare = (): PersonTarget => spares.pop()!;
const personTarget = async (side: Side): Promise<PersonTarget> => (side === 'North' ? spare() : world.South.agent);

const ADMIN_WRITES: Write[] = [
  {
    does: (s) => `rename the ${s} campaign`,
    by: ADMINS,
    run: (caller, s) =>
      as(caller, 'mutation($id: ID!, $n: String!) { updateCampaign(id: $id, input: { name: $n, serviceLevelSeconds: 45 }) { id } }', { id: s.campaign.id, n: `${s.campaign.name} (by ${caller})` }),
    state: campaignState,
  },
  {
    does: (s) => `add a tray to the ${s} campaign`,
    by: DASHBOARD,
    run: (caller, s) => as(caller, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `Tray ${unique()}`, campaignId: s.campaign.id } }),
    state: traysOf,
  },
  {
    does: (s) => `take away who may open the ${s} custom tray`,
    by: DASHBOARD,
    run: (caller, s) => as(caller, 'mutation($t: ID!) { setTrayAccess(trayId: $t, userIds: [], teamIds: []) { id } }', { t: s.customTrayId }),
    state: (s) => ok(api.url, 'query($t: ID!) { trayAccess(trayId: $t) { users { id } teams { id } } }', { t: s.customTrayId }, owner),
  },
  {
    does: (s) => `add a canned response to the ${s} campaign`,
    by: DASHBOARD,
    run: (caller, s) =>
      as(caller, 'mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }', { i: { campaignId: s.campaign.id, shortcut: `x${unique()}`, body: 'Injected' } }),
    state: (s) => ok(api.url, 'query($c: ID!) { cannedResponses(campaignId: $c) { id } }', { c: s.campaign.id }, owner),
  },
  {
    does: (s) => `hook the ${s} campaign to a webhook`,
    by: ADMINS,
    run: (caller, s) => as(caller, HOOK, hookInput([s.campaign.id])),
    state: () => countOf('webhooks'),
    outsideAlso: ['BAD_USER_INPUT'],
    did: (d) => expect(d.createWebhook.webhook.campaignIds).toEqual([world.North.campaign.id]),
  },
  {
    does: (s) => `switch off a ${s} webhook`,
    by: ADMINS,
    run: (caller, s) => as(caller, 'mutation($id: ID!) { setWebhookActive(id: $id, active: false) { active } }', { id: s.hookId }),
    state: (s) => hookOf(s.hookId),
  },
  {
    does: (s) => `delete a ${s} webhook`,
    by: ADMINS,
    target: async (side) => (side === 'North' ? makeHook(owner, [world.North.campaign.id]) : world.South.hookId),
    run: (caller, _s, id: string) => as(caller, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id }),
    state: (_s, id: string) => hookOf(id),
  },
  {
    does: (s) => `make an API key for the ${s} campaign`,
    by: ADMINS,
    run: (caller, s) =>
      as(caller, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { campaignIds } } }', { i: { name: `key ${unique()}`, scopes: ['ADMIN'], campaignIds: [s.campaign.id] } }),
    state: () => countOf('apiKeys'),
    outsideAlso: ['BAD_USER_INPUT'],
    did: (d) => expect(d.createApiKey.apiKey.campaignIds).toEqual([world.North.campaign.id]),
  },
  {
    does: (s) => `revoke a ${s} API key`,
    by: ADMINS,
    target: async (side) => (side === 'North' ? makeKey(owner, ['READ'], [world.North.campaign.id]) : world.South.readKey),
    run: (caller, _s, key: Key) => as(caller, 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id: key.id }),
    state: async (_s, key: Key) => ({
      revokedAt: (await ok(api.url, '{ apiKeys { id revokedAt } }', {}, owner)).apiKeys.find((k: any) => k.id === key.id)?.revokedAt ?? 'not listed',
      works: !(await gql(api.url, '{ campaigns { id } }', {}, key.secret)).errors,
    }),
  },
  {
    does: (s) => `make a team of ${s} people`,
    // Teams are people management too: a key limited to campaigns does none.
    by: ['grouped administrator'],
    run: (caller, s) => as(caller, 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { name: `Team ${unique()}`, memberIds: [s.agent.id] } }),
    state: () => countOf('teams'),
    outsideAlso: ['BAD_USER_INPUT'],
  },
  {
    does: (s) => `add a person to ${s}`,
    // A key limited to campaigns has no group to put people in: it manages no people.
    by: ['grouped administrator'],
    run: (caller, s) => as(caller, CREATE_USER, { i: { email: `added-${unique()}@tests.parley.dev`, name: 'Added', password: PASSWORD, role: 'AGENT', securityGroupId: s.group.id } }),
    // The people of the side's group: other test files create people of their own meanwhile.
    state: async (s) => (await ok(api.url, '{ users(includeInactive: true) { securityGroup { id } } }', {}, owner)).users.filter((u: any) => u.securityGroup?.id === s.group.id).length,
    did: (d) => expect(d.createUser.securityGroup).toEqual({ id: world.North.group.id }),
  },
  {
    does: (s) => `rename a ${s} agent`,
    by: ['grouped administrator'],
    target: personTarget,
    run: (caller, _s, p: PersonTarget) => as(caller, 'mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed from afar" }) { id } }', { id: p.id }),
    state: (_s, p: PersonTarget) => personState(p),
  },
  {
    does: (s) => `deactivate a ${s} agent`,
    // A person does it: the forced sign-out records who did.
    by: ['grouped administrator'],
    target: personTarget,
    run: (caller, _s, p: PersonTarget) => as(caller, 'mutation($id: ID!) { setUserActive(id: $id, active: false) { active } }', { id: p.id }),
    state: (_s, p: PersonTarget) => personState(p),
  },
  {
    does: (s) => `pause a ${s} agent`,
    by: DASHBOARD,
    target: personTarget,
    run: (caller, _s, p: PersonTarget) => as(caller, 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { paused } }', { u: p.id, r: reasons[1] }),
    state: (_s, p: PersonTarget) => personState(p),
  },
  {
    does: (s) => `resume a paused ${s} agent`,
    by: DASHBOARD,
    target: async (side) => {
      if (side === 'South') return world.South.agent;
      const p = spare();
      await ok(api.url, 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { paused } }', { u: p.id, r: reasons[0] }, owner);
      return p;
    },
    run: (caller, _s, p: PersonTarget) => as(caller, 'mutation($u: ID!) { resumeAgent(userId: $u) { paused } }', { u: p.id }),
    state: (_s, p: PersonTarget) => personState(p),
  },
  {
    does: (s) => `sign out a ${s} agent`,
    by: STAFF_SUPERVISORS,
    target: personTarget,
    run: (caller, _s, p: PersonTarget) => as(caller, 'mutation($u: ID!) { logoutAgent(userId: $u) }', { u: p.id }),
    state: (_s, p: PersonTarget) => personState(p),
  },
  {
    does: (s) => `write to a ${s} supervisor`,
    by: PEOPLE,
    target: async (side) => world[side].supervisor,
    run: (caller, _s, p: Person) => as(caller, 'mutation($u: ID!) { sendInternalMessage(toUserId: $u, body: "Psst") { id } }', { u: p.id }),
    state: async (_s, p: Person, caller) =>
      PEOPLE.includes(caller) ? (await ok(api.url, 'query($u: ID!) { internalMessages(withUserId: $u) { id } }', { u: callerIds[caller] }, p.token)).internalMessages : null,
  },
  {
    does: (s) => `start a WhatsApp chat on the ${s} campaign`,
    by: STARTERS,
    run: (caller, s) => as(caller, START, { i: { campaignId: s.campaign.id, channel: 'WHATSAPP', contact: { name: 'Walk-in', externalId: `wa:${randomUUID()}` } } }),
    state: campaignState,
  },
];

const WRITES: Write[] = [...CHAT_WRITES, ...ADMIN_WRITES];

describe('writes over HTTP: North works where the role allows it; South is refused and unchanged', () => {
  let southBefore: Awaited<ReturnType<typeof southState>>;
  beforeAll(async () => {
    southBefore = await southState();
  }, 60_000);

  for (const w of WRITES) {
    for (const caller of CALLERS) {
      for (const side of SIDES) {
        const works = side === 'North' && w.by.includes(caller);
        const title = side === 'South' ? `${who(caller)} cannot ${w.does('South')}` : works ? `${who(caller)} can ${w.does('North')}` : `${who(caller)} cannot ${w.does('North')} (not its role)`;
        it(title, async () => {
          const s = world[side];
          const target = w.target ? await w.target(side) : undefined;
          try {
            const before = works ? null : await w.state(s, target, caller);
            const result = await w.run(caller, s, target);
            if (works) {
              expectWorks(result);
              w.did?.(result.data, caller);
              return;
            }
            expectRefused(result, side === 'South' ? [...OUTSIDE, ...(w.outsideAlso ?? [])] : NOT_ITS_ROLE);
            expect(await w.state(s, target, caller), 'the refused write changed something').toEqual(before);
          } finally {
            await w.cleanup?.(target, side);
          }
        });
      }
    }
  }

  it('South, as the installation administrator reads it, is exactly as it was before all these attempts', async () => {
    expect(await southState()).toEqual(southBefore);
  });
});

// ---------------------------------------------------------------------------------------------
// The issue's own probes, and a few of the same kind
// ---------------------------------------------------------------------------------------------

describe("the issue's probes, and a few of the same kind", () => {
  let southBefore: Awaited<ReturnType<typeof southState>>;
  beforeAll(async () => {
    southBefore = await southState();
  }, 60_000);

  it('a grouped administrator’s createApiKey(scopes: [ADMIN, SUPERVISE]) without campaignIds makes a key of North’s campaigns that cannot read a South chat', async () => {
    const made = await as('grouped administrator', 'mutation { createApiKey(input: { name: "wide", scopes: [ADMIN, SUPERVISE] }) { secret apiKey { campaignIds } } }', {});
    expectWorks(made);
    expect(made.data.createApiKey.apiKey.campaignIds).toEqual([world.North.campaign.id]);
    const secret = made.data.createApiKey.secret;
    expectWorks(await gql(api.url, READ_CHAT, { id: world.North.chats.HELD.id }, secret));
    for (const at of LOCATIONS) expectRefused(await gql(api.url, READ_CHAT, { id: world.South.chats[at].id }, secret), ['NOT_FOUND']);
  });

  it('the North ADMIN key’s createApiKey(scopes: [ADMIN, SUPERVISE]) without campaignIds does not yield a key reaching South', async () => {
    const made = await as('ADMIN key', 'mutation { createApiKey(input: { name: "wide", scopes: [ADMIN, SUPERVISE] }) { secret apiKey { campaignIds } } }', {});
    // It cannot give a scope it lacks; had it made one, it would have to stay within North.
    if (made.errors) return expectRefused(made, ['BAD_USER_INPUT', 'FORBIDDEN']);
    expect(made.data.createApiKey.apiKey.campaignIds).toEqual([world.North.campaign.id]);
    for (const at of LOCATIONS) expectRefused(await gql(api.url, READ_CHAT, { id: world.South.chats[at].id }, made.data.createApiKey.secret), ['NOT_FOUND']);
  });

  it('the North ADMIN key’s createApiKey(scopes: [ADMIN]) without campaignIds makes a key of North’s campaign only', async () => {
    const made = await as('ADMIN key', 'mutation { createApiKey(input: { name: "admin again", scopes: [ADMIN] }) { secret apiKey { campaignIds } } }', {});
    expectWorks(made);
    expect(made.data.createApiKey.apiKey.campaignIds).toEqual([world.North.campaign.id]);
    expectWorks(await gql(api.url, READ_CHAT, { id: world.North.chats.CLOSED.id }, made.data.createApiKey.secret));
    expectRefused(await gql(api.url, READ_CHAT, { id: world.South.chats.CLOSED.id }, made.data.createApiKey.secret), ['NOT_FOUND']);
  });

  for (const caller of ADMINS) {
    it(`${who(caller)}’s createWebhook(campaignIds: []) is a hook of North’s campaign, written out`, async () => {
      const made = await as(caller, HOOK, hookInput([]));
      expectWorks(made);
      expect(made.data.createWebhook.webhook.campaignIds).toEqual([world.North.campaign.id]);
    });
  }

  it('a grouped administrator’s new supervisor lands in North and reaches North only', async () => {
    const email = `made-by-grouped-${unique()}@tests.parley.dev`;
    const made = await as('grouped administrator', CREATE_USER, { i: { email, name: 'Made by grouped', password: PASSWORD, role: 'SUPERVISOR' } });
    expectWorks(made);
    expect(made.data.createUser.securityGroup).toEqual({ id: world.North.group.id });
    expect((await personState({ id: made.data.createUser.id })).user.securityGroup).toEqual({ id: world.North.group.id });
    const token = (await ok(api.url, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', { e: email, p: PASSWORD })).signIn.token;
    expect((await ok(api.url, '{ campaigns { id } }', {}, token)).campaigns).toEqual([{ id: world.North.campaign.id }]);
  });

  it('a grouped administrator cannot create a person in South, and nobody is created', async () => {
    const email = `escape-${unique()}@tests.parley.dev`;
    for (const role of ['SUPERVISOR', 'ADMIN', 'AGENT']) {
      expectRefused(await as('grouped administrator', CREATE_USER, { i: { email, name: 'Escape', password: PASSWORD, role, securityGroupId: world.South.group.id } }), ['FORBIDDEN']);
    }
    expect((await ok(api.url, '{ users(includeInactive: true) { email } }', {}, owner)).users.map((u: any) => u.email)).not.toContain(email);
  });

  it('a grouped administrator cannot sign out, pause or deactivate the ungrouped administrator, who stays signed in', async () => {
    const me = (await ok(api.url, '{ me { id } }', {}, owner)).me.id;
    try {
      expectRefused(await as('grouped administrator', 'mutation($u: ID!) { logoutAgent(userId: $u) }', { u: me }), OUTSIDE);
      expectRefused(await as('grouped administrator', 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { paused } }', { u: me, r: reasons[0] }), OUTSIDE);
      expectRefused(await as('grouped administrator', 'mutation($u: ID!) { setUserActive(id: $u, active: false) { id } }', { u: me }), OUTSIDE);
      expect((await gql(api.url, '{ me { id active } }', {}, owner)).data?.me).toEqual({ id: me, active: true });
    } finally {
      owner = await adminToken(api.url);
    }
  });

  it('a grouped supervisor cannot sign out, pause or deactivate an administrator of its own group, who stays signed in', async () => {
    expectRefused(await as('grouped supervisor', 'mutation($u: ID!) { logoutAgent(userId: $u) }', { u: groupedAdmin.id }), ['FORBIDDEN']);
    expectRefused(await as('grouped supervisor', 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { paused } }', { u: groupedAdmin.id, r: reasons[0] }), ['FORBIDDEN']);
    expectRefused(await as('grouped supervisor', 'mutation($u: ID!) { setUserActive(id: $u, active: false) { id } }', { u: groupedAdmin.id }), ['FORBIDDEN']);
    expect(await personState(groupedAdmin)).toMatchObject({ user: { active: true }, signedIn: groupedAdmin.id });
  });

  for (const caller of STARTERS) {
    it(`${who(caller)} naming a South contact's external id gets a new contact, learns nothing of the South one, and changes nothing`, async () => {
      const south = world.South.contact;
      const before = await snapshot(world.South.chats.BRIDGED.id);
      expect(before.interaction.contact).toMatchObject({ id: south.id, name: south.name, email: south.email, phone: south.phone });
      const started = await as(caller, START, { i: { campaignId: world.North.campaign.id, channel: 'WHATSAPP', contact: { externalId: south.externalId } } });
      expectWorks(started);
      const contact = started.data.startInteraction.interaction.contact;
      // Another North caller may have made a North contact of that id already; none of South's shows.
      expect(contact.id).not.toBe(south.id);
      for (const field of ['name', 'email', 'phone'] as const) expect(contact[field]).not.toBe(south[field]);
      // Named again, with other details: still not the South contact, and the South one keeps its own.
      const again = await as(caller, START, {
        i: { campaignId: world.North.campaign.id, channel: 'WHATSAPP', contact: { externalId: south.externalId, name: 'Mallory', email: 'mallory@example.com' } },
      });
      expectWorks(again);
      expect(again.data.startInteraction.interaction.contact.id).not.toBe(south.id);
      expect(await snapshot(world.South.chats.BRIDGED.id)).toEqual(before);
    });
  }

  for (const caller of ['READ key', 'SUPERVISE key'] as const) {
    it(`${who(caller)} cannot write as the customer nor close a North chat with a bot, which stays as it was`, async () => {
      const chat = await botChat('North');
      const before = await snapshot(chat.id);
      expectRefused(await as(caller, POST, post('I am the customer')(chat)), NOT_ITS_ROLE);
      expectRefused(await as(caller, CLOSE, { id: chat.id }), NOT_ITS_ROLE);
      expect(await snapshot(chat.id)).toEqual(before);
    });
  }

  it('a grouped supervisor closing a North and a South chat at once is refused for both, all or none', async () => {
    const mine = await heldChat('North', 'bulk customer');
    const before = await snapshot(mine.id);
    const result = await as('grouped supervisor', 'mutation($ids: [ID!]!) { closeInteractions(ids: $ids, result: SUCCESS) { id } }', { ids: [mine.id, world.South.chats.HELD.id] });
    expectRefused(result, OUTSIDE);
    expect(await snapshot(mine.id)).toEqual(before);
    await closeQuietly(mine.id);
  });

  const INTO = [
    ['to a South tray', (s: SideWorld) => ({ trayId: s.campaign.generalTrayId })],
    ['to a South agent', (s: SideWorld) => ({ agentId: s.agent.id })],
    // Its people are all South's: a chat sent there would wait in a tray nobody who reaches North can open.
    ["to South's team", (s: SideWorld) => ({ teamId: s.team.id })],
  ] as const;
  for (const [where, to] of INTO) {
    it(`a grouped supervisor cannot transfer a North chat ${where}, and it stays where it was`, async () => {
      const mine = await heldChat('North', 'transferred customer');
      const before = await snapshot(mine.id);
      const result = await as('grouped supervisor', 'mutation($id: ID!, $to: TransferTargetInput!) { transferInteraction(id: $id, to: $to) { id } }', { id: mine.id, to: to(world.South) });
      expectRefused(result, [...OUTSIDE, 'BAD_USER_INPUT']);
      expect(await snapshot(mine.id)).toEqual(before);
      await closeQuietly(mine.id);
    });
  }

  it("the North BOT key cannot hand a North chat off into South's General tray", async () => {
    const chat = await botChat('North');
    const before = await snapshot(chat.id);
    expectRefused(await as('BOT key', 'mutation($i: HandOffInput!) { handOff(input: $i) { id } }', { i: { interactionId: chat.id, trayId: world.South.campaign.generalTrayId } }), [
      ...OUTSIDE,
      'BAD_USER_INPUT',
    ]);
    expect(await snapshot(chat.id)).toEqual(before);
  });

  it("a grouped administrator cannot make South's agent a member of North's campaign, nor grant it a North tray, new or old", async () => {
    const members = async () => (await ok(api.url, 'query($c: ID!) { campaignMembers(campaignId: $c) { id } }', { c: world.North.campaign.id }, owner)).campaignMembers;
    const before = await members();
    const trays = await traysOf(world.North);
    expectRefused(
      await as('grouped administrator', 'mutation($id: ID!, $m: [ID!]) { updateCampaign(id: $id, input: { memberIds: $m }) { id } }', {
        id: world.North.campaign.id,
        m: [world.North.agent.id, world.South.agent.id],
      }),
      [...OUTSIDE, 'BAD_USER_INPUT'],
    );
    expectRefused(
      await as('grouped administrator', 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', {
        i: { name: `VIP ${unique()}`, campaignId: world.North.campaign.id, userIds: [world.South.agent.id] },
      }),
      [...OUTSIDE, 'BAD_USER_INPUT'],
    );
    const access = () => ok(api.url, 'query($t: ID!) { trayAccess(trayId: $t) { users { id } } }', { t: world.North.customTrayId }, owner);
    const granted = await access();
    expectRefused(await as('grouped administrator', 'mutation($t: ID!, $u: [ID!]!) { setTrayAccess(trayId: $t, userIds: $u) { id } }', { t: world.North.customTrayId, u: [world.South.agent.id] }), [
      ...OUTSIDE,
      'BAD_USER_INPUT',
    ]);
    expect(await access()).toEqual(granted);
    expect(await members()).toEqual(before);
    expect(await traysOf(world.North)).toEqual(trays);
  });

  it('the North ADMIN key is told the South campaign, its members and a South key do not exist', async () => {
    expectRefused(await as('ADMIN key', 'query($c: ID!) { campaignMembers(campaignId: $c) { id } }', { c: world.South.campaign.id }), OUTSIDE);
    expectRefused(await as('ADMIN key', 'mutation($id: ID!) { updateCampaign(id: $id, input: { name: "taken" }) { id } }', { id: world.South.campaign.id }), OUTSIDE);
    expectRefused(await as('ADMIN key', 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: 'taken', campaignId: world.South.campaign.id } }), OUTSIDE);
    expectRefused(await as('ADMIN key', 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: world.South.readKey.id }), OUTSIDE);
    expectRefused(await as('ADMIN key', 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: allCampaignsKey.id }), OUTSIDE);
    expectWorks(await gql(api.url, '{ campaigns { id } }', {}, allCampaignsKey.secret));
  });

  for (const caller of DASHBOARD) {
    it(`${who(caller)} is not shown South's team, all of whose people are South's`, async () => {
      expect(ids((await ok(api.url, '{ teams { id } }', {}, tokens[caller])).teams)).not.toContain(world.South.team.id);
    });
  }
  for (const caller of HOLDER_OR_SUPERVISOR) {
    it(`${who(caller)} is not offered South's team as a transfer target for a North chat`, async () => {
      const targets = (await ok(api.url, 'query($id: ID!) { transferTargets(interactionId: $id) { teams { id } } }', { id: world.North.chats.HELD.id }, tokens[caller])).transferTargets;
      expect(ids(targets.teams)).not.toContain(world.South.team.id);
    });
  }

  for (const caller of STAFF_SUPERVISORS) {
    it(`${who(caller)} cannot ask to watch a South agent's screen`, async () => {
      expectRefused(await as(caller, 'mutation($a: ID!) { requestScreen(agentId: $a) { id } }', { a: world.South.agent.id }), OUTSIDE);
    });
  }

  it("a grouped agent cannot attach South's file to a message in the North chat it holds", async () => {
    const before = await snapshot(world.North.chats.HELD.id);
    const result = await as('grouped agent', POST, { input: { interactionId: world.North.chats.HELD.id, body: 'Look at this', attachmentIds: [world.South.fileId] } });
    expectRefused(result, [...OUTSIDE, 'BAD_USER_INPUT']);
    expect(await snapshot(world.North.chats.HELD.id)).toEqual(before);
  });

  for (const caller of ADMINS) {
    it(`${who(caller)} cannot create a campaign in South, nor move North's campaign there`, async () => {
      const name = `Escaped ${unique()}`;
      expectRefused(await as(caller, 'mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', { i: { name, securityGroupId: world.South.group.id } }), [
        ...OUTSIDE,
        'BAD_USER_INPUT',
      ]);
      expect((await ok(api.url, '{ campaigns { name } }', {}, owner)).campaigns.map((c: any) => c.name)).not.toContain(name);
      expectRefused(await as(caller, 'mutation($id: ID!, $g: ID!) { updateCampaign(id: $id, input: { securityGroupId: $g }) { id } }', { id: world.North.campaign.id, g: world.South.group.id }), [
        ...OUTSIDE,
        'BAD_USER_INPUT',
      ]);
      expect((await ok(api.url, 'query($c: ID!) { campaign(id: $c) { securityGroup { id } } }', { c: world.North.campaign.id }, owner)).campaign.securityGroup).toEqual({ id: world.North.group.id });
    });
  }

  it('South, as the installation administrator reads it, is exactly as it was before the probes', async () => {
    expect(await southState()).toEqual(southBefore);
  });
});

// ---------------------------------------------------------------------------------------------
// Streams: on each caller's socket, North's events arrive and South's never do
// ---------------------------------------------------------------------------------------------

interface Stream {
  name: string;
  by: readonly Caller[];
  doc: string;
  vars: () => Record<string, unknown>;
  /** What an allowed subscriber hears of North, waited for before anything is asserted. */
  hears?: { what: string; done: (events: any[], caller: Caller) => boolean };
  /** The sentence for what it never hears of South. */
  never: string;
  /** A stream of one South thing: it must be refused, not merely quiet. */
  refusedOutright?: boolean;
}

/** A monitor stream gave the caller what it may see: the late North customer waiting, or (a key that does not supervise) the North chat with a bot and never the late one. */
function monitorHeard(pictures: any[], caller: Caller): boolean {
  const ids = pictures.flatMap((m) => [...(m.waiting ?? []), ...(m.bot ?? [])].map((c: any) => c.id));
  if (SEES[caller].includes('WAITING')) return ids.includes(lateNorth?.id);
  return ids.includes(world.North.chats.BOT.id) && !ids.includes(lateNorth?.id);
}

const MONITOR_FIELDS = 'campaigns { campaign { id name } } agents { userId chats { id } } waiting { id protocol contact { name email phone } } bot { id protocol } inService { id protocol }';
let lateNorth: Chat;
const northBotChanges = (events: any[]) => events.filter((e) => e.interactionChanged?.interactionId === world.North.chats.BOT.id).length;
const northBotNotes = (events: any[]) => events.filter((e) => e.interactionEvents?.interactionId === world.North.chats.BOT.id && e.interactionEvents.type === 'NOTE_ADDED').length;

const STREAMS: Stream[] = [
  {
    name: 'interactionChanged',
    by: EVERYONE,
    doc: 'subscription { interactionChanged { kind interactionId interaction { id protocol campaign { id } contact { name email } } } }',
    vars: () => ({}),
    hears: { what: 'a North chat change on interactionChanged', done: (e) => northBotChanges(e) >= 2 },
    never: 'a South chat change on interactionChanged',
  },
  {
    name: 'interactionChanged(filter: { campaignId: South })',
    by: EVERYONE,
    doc: 'subscription($c: ID) { interactionChanged(filter: { campaignId: $c }) { kind interactionId interaction { id protocol } } }',
    vars: () => ({ c: world.South.campaign.id }),
    never: 'a South chat change on interactionChanged filtered on the South campaign',
  },
  {
    name: "interactionChanged(filter: { trayId: South's General })",
    by: EVERYONE,
    doc: 'subscription($t: ID) { interactionChanged(filter: { trayId: $t }) { kind interactionId interaction { id protocol } } }',
    vars: () => ({ t: world.South.campaign.generalTrayId }),
    never: "a change in South's General tray on its inbox stream",
  },
  {
    name: 'inboxUpdates',
    by: PEOPLE,
    doc: 'subscription { inboxUpdates { reset changes { kind interactionId interaction { id protocol campaign { id } contact { name email } tray { id } } } queues { trayId waiting } } }',
    vars: () => ({}),
    hears: { what: 'the late North customer waiting on inboxUpdates', done: (e) => !!lateNorth && JSON.stringify(e).includes(lateNorth.id) },
    never: 'a South chat, customer or tray count on inboxUpdates',
  },
  {
    name: 'messageAdded of a South chat',
    by: EVERYONE,
    doc: 'subscription($id: ID!) { messageAdded(interactionId: $id, afterSequence: 0) { interactionId sequence body } }',
    vars: () => ({ id: world.South.chats.WAITING.id }),
    never: 'a South customer’s message on messageAdded, and is refused the subscription',
    refusedOutright: true,
  },
  {
    name: 'messageAdded of a North chat with a bot',
    by: EVERYONE,
    doc: 'subscription($id: ID!) { messageAdded(interactionId: $id, afterSequence: 0) { interactionId sequence body } }',
    vars: () => ({ id: world.North.chats.BOT.id }),
    hears: { what: 'the North bot’s new message on messageAdded', done: (e) => e.some((x) => x.messageAdded.body === 'North, last words') },
    never: 'anything but that North chat’s messages on messageAdded',
  },
  {
    name: 'interactionEvents',
    by: FEED_READERS,
    doc: 'subscription { interactionEvents { type interactionId campaignId actorId data } }',
    vars: () => ({}),
    hears: { what: 'a North note on the event feed', done: (e) => northBotNotes(e) >= 2 },
    never: 'a South event on the event feed',
  },
  {
    name: 'interactionEvents(filter: { campaignIds: [South] })',
    by: FEED_READERS,
    doc: 'subscription($c: [ID!]) { interactionEvents(filter: { campaignIds: $c }) { type interactionId campaignId data } }',
    vars: () => ({ c: [world.South.campaign.id] }),
    never: 'a South event on the event feed filtered on the South campaign',
  },
  {
    name: 'monitorChanged',
    by: DASHBOARD,
    doc: `subscription { monitorChanged { ${MONITOR_FIELDS} } }`,
    vars: () => ({}),
    hears: {
      what: 'on monitorChanged a new North customer waiting, or only the North chat with a bot for a key that does not supervise',
      done: (e, caller) =>
        monitorHeard(
          e.map((x) => x.monitorChanged),
          caller,
        ),
    },
    never: 'a South chat, agent or customer’s e-mail on monitorChanged',
  },
  {
    name: 'monitorChanged(filter: { campaignIds: [South] })',
    by: DASHBOARD,
    doc: `subscription($c: [ID!]) { monitorChanged(filter: { campaignIds: $c }) { ${MONITOR_FIELDS} } }`,
    vars: () => ({ c: [world.South.campaign.id] }),
    never: 'a South chat, agent or customer’s e-mail on monitorChanged filtered on the South campaign',
  },
  {
    name: 'monitorUpdates',
    by: DASHBOARD,
    doc: 'subscription { monitorUpdates { full chats { id protocol campaign { id } contact { name email } } agents { userId } campaigns { campaign { id name } } removedChatIds } }',
    vars: () => ({}),
    hears: {
      what: 'on monitorUpdates a new North customer waiting, or only the North chat with a bot for a key that does not supervise',
      done: (e, caller) =>
        monitorHeard(
          e.map((x) => ({ waiting: x.monitorUpdates.chats })),
          caller,
        ),
    },
    never: 'a South chat, agent or customer’s e-mail on monitorUpdates',
  },
  {
    name: 'monitorTodayChanged',
    by: DASHBOARD,
    doc: 'subscription { monitorTodayChanged { campaigns { campaign { id name } hours { received } } } }',
    vars: () => ({}),
    // Coalesced over 2 s: the figures after the last changes come as a second emission.
    hears: { what: "North's figures on monitorTodayChanged, again after the changes", done: (e) => e.length >= 2 },
    never: "South's figures on monitorTodayChanged",
  },
];

/**
 * Resolves when `done` holds, or the subscription ends or times out; the assertions then say which.
 * The event feed reads up to the oldest transaction still running, and other test files share the
 * database: beside a busy file its North note has been seen to take over ten seconds.
 */
const settle = (sub: Subscription<any>, done: (events: any[]) => boolean, ms = 25_000) =>
  sub.until(done, ms).then(
    () => undefined,
    () => undefined,
  );

describe('streams over WebSocket: North events arrive, South events never do', () => {
  const subs = new Map<string, Subscription<any>>();
  const subOf = (caller: Caller, stream: Stream) => subs.get(`${caller}|${stream.name}`)!;
  /** South's marks, less the ungrouped administrator: it writes the North notes the streams carry. */
  const southOnly = () => [...southMarks];

  const CONTROLS = [
    'interactionChanged',
    "interactionChanged(filter: { trayId: South's General })",
    'inboxUpdates',
    'messageAdded of a South chat',
    'interactionEvents',
    'monitorChanged',
    'monitorUpdates',
  ];
  const controls = new Map<string, Subscription<any>>();
  let ownerSocket: TestWsClient;

  beforeAll(async () => {
    ownerSocket = connect(api.wsUrl, owner);
    for (const name of CONTROLS) {
      const stream = STREAMS.find((s) => s.name === name)!;
      controls.set(name, ownerSocket.subscribe(stream.doc, stream.vars()));
    }
    // Each caller's one socket carries all its streams. Those that can hear nothing are opened first, so
    // that by the time the last ones have heard North's first change, they are live too.
    const ordered = [...STREAMS.filter((s) => !s.hears), ...STREAMS.filter((s) => s.hears)];
    for (const caller of CALLERS) for (const stream of ordered) subs.set(`${caller}|${stream.name}`, sockets.get(caller)!.subscribe(stream.doc, stream.vars()));

    // Ready: every allowed subscriber has heard North's first change (the monitors: their first picture).
    await ok(api.url, NOTE, { id: world.North.chats.BOT.id, b: 'ready' }, owner);
    await Promise.all(
      CALLERS.flatMap((caller) =>
        STREAMS.filter((s) => s.hears && s.by.includes(caller)).map((s) => {
          const first = s.name === 'interactionChanged' ? (e: any[]) => northBotChanges(e) >= 1 : s.name === 'interactionEvents' ? (e: any[]) => northBotNotes(e) >= 1 : (e: any[]) => e.length >= 1;
          return settle(subOf(caller, s), first);
        }),
      ),
    );

    await Promise.all([
      settle(controls.get('interactionChanged')!, (e) => northBotChanges(e) >= 1),
      settle(controls.get('interactionEvents')!, (e) => northBotNotes(e) >= 1),
      settle(controls.get('monitorChanged')!, (e) => e.length >= 1),
      settle(controls.get('monitorUpdates')!, (e) => e.length >= 1),
    ]);

    // South moves in every way it can: notes on every chat, its customer writes, its bot speaks, a new customer arrives.
    const s = world.South;
    for (const chat of [...Object.values(s.chats), s.needsHelp]) await ok(api.url, NOTE, { id: chat.id, b: 'South moves' }, owner);
    await ok(api.url, POST, { input: { interactionId: s.chats.WAITING.id, body: 'South customer, still waiting' } }, s.chats.WAITING.visitorToken);
    await ok(api.url, POST, { input: { interactionId: s.chats.BOT.id, body: 'South bot speaking' } }, s.botKey);
    await widgetChat('South', 'late customer');

    // Then North, last: once this has arrived, anything of South's would have arrived before it.
    await ok(api.url, NOTE, { id: world.North.chats.BOT.id, b: 'final' }, owner);
    await ok(api.url, POST, { input: { interactionId: world.North.chats.BOT.id, body: 'North, last words' } }, world.North.botKey);
    lateNorth = await widgetChat('North', 'late customer');
    await Promise.all(CALLERS.flatMap((caller) => STREAMS.filter((s) => s.hears && s.by.includes(caller)).map((s) => settle(subOf(caller, s), (e) => s.hears!.done(e, caller)))));
    await Promise.all(CONTROLS.map((name) => settle(controls.get(name)!, (e) => leaks(e, southOnly()).length > 0)));
  }, 90_000);

  afterAll(async () => {
    await ownerSocket?.dispose();
  });

  // The silence below means something: the installation's administrator, on the same streams, hears South.
  for (const name of CONTROLS) {
    it(`the installation administrator does hear South on ${name}`, () => {
      const sub = controls.get(name)!;
      expect(sub.errors).toEqual([]);
      expect(leaks(sub.events, southOnly()).length).toBeGreaterThan(0);
    });
  }

  for (const stream of STREAMS) {
    for (const caller of CALLERS) {
      if (!stream.by.includes(caller)) {
        it(`${who(caller)} cannot subscribe to ${stream.name} (not its role)`, () => {
          const sub = subOf(caller, stream);
          expect(sub.events).toEqual([]);
          expect(errorCodes(sub.errors), JSON.stringify(sub.errors)).toEqual(['FORBIDDEN']);
        });
        continue;
      }
      if (stream.hears) {
        it(`${who(caller)} hears ${stream.hears.what}`, () => {
          const sub = subOf(caller, stream);
          expect(sub.errors).toEqual([]);
          expect(stream.hears!.done(sub.events, caller), `heard ${sub.events.length} events`).toBe(true);
        });
      }
      it(`${who(caller)} never hears ${stream.never}`, () => {
        const sub = subOf(caller, stream);
        expect(leaks(sub.events, southOnly()), 'South events arrived').toEqual([]);
        if (stream.refusedOutright) {
          expect(sub.events).toEqual([]);
          const codes = errorCodes(sub.errors);
          expect(codes.length === 1 && OUTSIDE.includes(codes[0]!) ? 'refused' : `answered ${JSON.stringify(sub.errors).slice(0, 300)}`).toBe('refused');
        } else if (sub.errors.length) {
          // A stream of South alone may be refused rather than kept quiet.
          expect(
            errorCodes(sub.errors).every((c) => OUTSIDE.includes(c)),
            JSON.stringify(sub.errors),
          ).toBe(true);
        }
      });
    }
  }
});
