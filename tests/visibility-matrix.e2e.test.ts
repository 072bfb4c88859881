/**
 * The visibility table of the product spec ("Trays and who may see what"), proved as a matrix:
 * every viewer × every place a chat can be × every read, a refused write, and both subscriptions,
 * over HTTP and over WebSocket. The table below is the expectation; the cases are generated from it.
 *
 * A chat the viewer may not see answers NOT_FOUND (it never leaks) and a write to it changes
 * nothing; an anonymous caller is UNAUTHENTICATED.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, type GqlResult, gql, ok } from './support/graphql.js';
import { connect, type Subscription, type TestWsClient, errorCodes } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

/** Who looks. */
const ROLES = [
  'ADMIN',
  'SUPERVISOR',
  'AGENT_A', // holds / owns / served the chats below where the location says so
  'AGENT_B', // an agent with no special access: General tray only
  'AGENT_C', // access to the custom tray through a team
  'AGENT_D', // access to the custom tray given directly
  'KEY_BOT', // the BOT key on the campaign (it starts and hands off the bot chats)
  'KEY_READ', // READ key on the campaign
  'KEY_READ_ALL', // READ key on every campaign (campaignIds empty)
  'KEY_SUPERVISE', // SUPERVISE key on the campaign
  'KEY_READ_OTHER', // READ key on another campaign
  'KEY_SUPERVISE_OTHER', // SUPERVISE key on another campaign
  'OWN_VISITOR', // the visitor token of this very chat (widget chats only)
  'OTHER_VISITOR', // the visitor token of another chat of the same campaign
  'ANONYMOUS', // no token at all
] as const;
type Role = (typeof ROLES)[number];

/** Where the chat is. */
const LOCATIONS = [
  'BOT', // started by the BOT key, still with the bot
  'WAITING_GENERAL', // widget chat waiting in the campaign's General tray
  'WAITING_CUSTOM', // bot handed it off to the custom tray
  'WAITING_PERSONAL_A', // AGENT_B took it and transferred it to AGENT_A: waits in A's personal tray
  'IN_SERVICE_A', // taken from General, held by AGENT_A
  'NEEDS_HELP_GENERAL', // held by AGENT_A (from General), status NEEDS_HELP
  'NEEDS_HELP_CUSTOM', // AGENT_A transferred it to the custom tray, AGENT_D took it and asked for help
  'EXPIRED', // held by AGENT_A, contact silent past the session window (contact EXPIRED)
  'CLOSED', // served and closed by AGENT_A: in the Closed tray
] as const;
type Location = (typeof LOCATIONS)[number];

/** Supervisors, administrators and SUPERVISE keys on the campaign see every chat of it. */
const SUPERVISORS: Role[] = ['ADMIN', 'SUPERVISOR', 'KEY_SUPERVISE'];
const ALL_AGENTS: Role[] = ['AGENT_A', 'AGENT_B', 'AGENT_C', 'AGENT_D'];
const CAMPAIGN_KEYS: Role[] = ['KEY_BOT', 'KEY_READ', 'KEY_READ_ALL', 'KEY_SUPERVISE'];
/** "everyone": every signed-in person and every key within its campaigns. */
const EVERYONE: Role[] = [...new Set([...SUPERVISORS, ...ALL_AGENTS, ...CAMPAIGN_KEYS])];

/** THE TABLE: who sees a chat, by where it is. Everyone not listed gets NOT_FOUND (ANONYMOUS: UNAUTHENTICATED). */
const SEES: Record<Location, readonly Role[]> = {
  BOT: [...EVERYONE], //                                                       with a bot: everyone
  WAITING_GENERAL: [...SUPERVISORS, ...ALL_AGENTS, 'OWN_VISITOR'], //            in a tray: agents with access, supervisors
  WAITING_CUSTOM: [...SUPERVISORS, 'AGENT_C', 'AGENT_D'], //                     in a tray: agents with access, supervisors
  WAITING_PERSONAL_A: [...SUPERVISORS, 'AGENT_A', 'OWN_VISITOR'], //             personal tray: its owner, supervisors
  IN_SERVICE_A: [...SUPERVISORS, 'AGENT_A', 'OWN_VISITOR'], //                   held: that agent, supervisors
  NEEDS_HELP_GENERAL: [...SUPERVISORS, ...ALL_AGENTS, 'OWN_VISITOR'], //         held + needs help: every agent with access to the campaign's General tray
  NEEDS_HELP_CUSTOM: [...SUPERVISORS, ...ALL_AGENTS, 'OWN_VISITOR'], //          held + needs help: every agent with access to the campaign's General tray
  EXPIRED: [...EVERYONE, 'OWN_VISITOR'], //                                      expired: everyone
  CLOSED: [...EVERYONE, 'OWN_VISITOR'], //                                       closed: everyone
};

/** Bot-started chats have no widget visitor, so the OWN_VISITOR cell does not exist for them. */
const WITHOUT_VISITOR: ReadonlySet<Location> = new Set(['BOT', 'WAITING_CUSTOM']);

type Outcome = 'SEES' | 'NOT_FOUND' | 'UNAUTHENTICATED';
interface Cell {
  role: Role;
  location: Location;
  outcome: Outcome;
}
const outcome = (role: Role, location: Location): Outcome => (role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : SEES[location].includes(role) ? 'SEES' : 'NOT_FOUND');
const CELLS: Cell[] = LOCATIONS.flatMap((location) =>
  ROLES.filter((role) => !(role === 'OWN_VISITOR' && WITHOUT_VISITOR.has(location))).map((role) => ({ role, location, outcome: outcome(role, location) })),
);
const verb = (c: Cell) => (c.outcome === 'SEES' ? 'sees' : c.outcome === 'NOT_FOUND' ? 'does not see' : 'is UNAUTHENTICATED for');
const title = (c: Cell, what: string) => `${c.role} ${verb(c)} ${c.location} over ${what}`;

/** What each location must look like as an administrator reads it, so the matrix tests the right states. */
const SHAPE: Record<Location, Record<string, unknown>> = {
  BOT: { phase: 'BOT', status: 'IN_PROGRESS', tray: null, agent: null, contact: { state: 'BOT' } },
  WAITING_GENERAL: { phase: 'WAITING', tray: { kind: 'GENERAL' }, agent: null, contact: { state: 'TRAY' } },
  WAITING_CUSTOM: { phase: 'WAITING', tray: { kind: 'CUSTOM' }, agent: null, contact: { state: 'TRAY' } },
  WAITING_PERSONAL_A: { phase: 'WAITING', tray: { kind: 'PERSONAL' }, agent: null, contact: { state: 'TRAY' } },
  IN_SERVICE_A: { phase: 'IN_SERVICE', status: 'IN_PROGRESS', tray: { kind: 'GENERAL' }, contact: { state: 'AGENT' } },
  NEEDS_HELP_GENERAL: { phase: 'IN_SERVICE', status: 'NEEDS_HELP', tray: { kind: 'GENERAL' }, contact: { state: 'AGENT' } },
  NEEDS_HELP_CUSTOM: { phase: 'IN_SERVICE', status: 'NEEDS_HELP', tray: { kind: 'CUSTOM' }, contact: { state: 'AGENT' } },
  EXPIRED: { phase: 'IN_SERVICE', status: 'IN_PROGRESS', tray: { kind: 'GENERAL' }, contact: { state: 'EXPIRED', previousState: 'AGENT' } },
  CLOSED: { phase: 'CLOSED', tray: { kind: 'CLOSED' }, contact: { state: 'AGENT' } },
};

// ---------------------------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------------------------

let api: ApiProcess;
let admin: string;
let campaign: CampaignFixture;
let otherCampaign: CampaignFixture;
let customTrayId: string;
const people: Partial<Record<'SUPERVISOR' | 'AGENT_A' | 'AGENT_B' | 'AGENT_C' | 'AGENT_D', Person>> = {};
const keys: Partial<Record<'KEY_BOT' | 'KEY_READ' | 'KEY_READ_ALL' | 'KEY_SUPERVISE' | 'KEY_READ_OTHER' | 'KEY_SUPERVISE_OTHER', string>> = {};
const chats = {} as Record<Location, { id: string; protocol: string; visitorToken: string | null }>;
let otherVisitor: { id: string; visitorToken: string };
/** What an administrator saw after set-up: the refused writes must leave it exactly so. */
const baseline = {} as Record<Location, { lastSequence: number; notes: number; events: string[]; sequences: number[] }>;

const FAST_EXPIRY = { CONTACT_EXPIRY_SECONDS: '2', JOB_POLL_SECONDS: '0.5' };

const Q_ONE = 'query($id: ID!) { interaction(id: $id) { id protocol phase } }';
const Q_PROTOCOL = 'query($p: String!) { interactionByProtocol(protocol: $p) { id phase } }';
const Q_LIST = 'query($c: ID) { interactions(filter: { campaignId: $c }, first: 200) { totalCount edges { node { id } } } }';
const Q_MESSAGES = 'query($id: ID!) { messages(interactionId: $id, first: 500) { sequence visibility } }';
const M_NOTE = 'mutation($id: ID!, $b: String!) { addNote(id: $id, body: $b) { id } }';
const Q_ADMIN_VIEW = `query($id: ID!) { interaction(id: $id) { id phase status lastSequence tray { id kind } agent { id } contact { state previousState } notes { body } events { type } } }`;
const START = 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id protocol phase } } }';
const TAKE = 'mutation($id: ID!) { takeInteraction(id: $id) { id } }';
const TRANSFER = 'mutation($id: ID!, $to: TransferTargetInput!) { transferInteraction(id: $id, to: $to) { id } }';
const STATUS = 'mutation($id: ID!, $s: InteractionStatus!) { setInteractionStatus(id: $id, status: $s) { status } }';
const HAND_OFF = 'mutation($i: HandOffInput!) { handOff(input: $i) { phase } }';
const MESSAGE_ADDED = 'subscription($id: ID!) { messageAdded(interactionId: $id, afterSequence: 0) { interactionId sequence visibility } }';
const CHANGED = 'subscription($f: InteractionChangedFilter) { interactionChanged(filter: $f) { kind interactionId interaction { id phase } } }';

function tokenOf(role: Role, location: Location): string | null {
  switch (role) {
    case 'ADMIN':
      return admin;
    case 'SUPERVISOR':
    case 'AGENT_A':
    case 'AGENT_B':
    case 'AGENT_C':
    case 'AGENT_D':
      return people[role]!.token;
    case 'OWN_VISITOR':
      return chats[location].visitorToken;
    case 'OTHER_VISITOR':
      return otherVisitor.visitorToken;
    case 'ANONYMOUS':
      return null;
    default:
      return keys[role]!;
  }
}

async function botChat(bot: string, name: string): Promise<{ id: string; protocol: string; visitorToken: null }> {
  const started = await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'API', contact: { name }, language: 'en' } }, bot);
  const { id, protocol } = started.startInteraction.interaction;
  await ok(api.url, POST, { input: { interactionId: id, body: 'Hello, I am the bot. What is your order number?' } }, bot);
  return { id, protocol, visitorToken: null };
}

/** A widget chat on `url` (the fast-expiry process for EXPIRED), taken by `taker`, with a message from the customer. */
async function heldChat(url: string, taker: Person, name: string) {
  const chat = await startWidgetChat(url, campaign.id, name);
  await ok(url, TAKE, { id: chat.id }, taker.token);
  await ok(url, POST, { input: { interactionId: chat.id, body: 'My order did not arrive' } }, chat.visitorToken);
  return chat;
}

/** Starts a second API on the same database with a 2 s session window, and lets one held chat expire there. */
async function expiredChat(): Promise<{ id: string; protocol: string; visitorToken: string }> {
  const fast = await startApi(FAST_EXPIRY);
  try {
    const chat = await heldChat(fast.url, people.AGENT_A!, 'Silent customer');
    // The job carries the 2 s window, so whichever process on this database runs it expires the contact.
    await vi.waitFor(
      async () => {
        const seen = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { contact { state } } }', { id: chat.id }, admin);
        if (seen.interaction.contact.state !== 'EXPIRED') throw new Error(`the contact of ${chat.id} has not expired:\n${fast.output()}`);
      },
      { timeout: 20_000, interval: 250 },
    );
    return chat;
  } finally {
    await fast.stop();
  }
}

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin, {
    messages: [{ language: 'en', welcome: 'Welcome!', agentGreeting: 'Hi, I am your agent.', closing: 'Bye!' }],
  });
  otherCampaign = await createCampaign(api.url, admin);

  people.SUPERVISOR = await createPerson(api.url, admin, 'SUPERVISOR');
  for (const r of ['AGENT_A', 'AGENT_B', 'AGENT_C', 'AGENT_D'] as const) people[r] = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 20 });
  const team = await ok(api.url, 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { name: `Matrix team ${Date.now()}`, memberIds: [people.AGENT_C!.id] } }, admin);
  const tray = await ok(
    api.url,
    'mutation($i: CreateTrayInput!) { createTray(input: $i) { id kind } }',
    { i: { name: `Matrix VIP ${Date.now()}`, campaignId: campaign.id, teamIds: [team.createTeam.id], userIds: [people.AGENT_D!.id] } },
    people.SUPERVISOR.token,
  );
  customTrayId = tray.createTray.id;

  keys.KEY_BOT = await createApiKey(api.url, admin, ['BOT'], [campaign.id]);
  keys.KEY_READ = await createApiKey(api.url, admin, ['READ'], [campaign.id]);
  keys.KEY_READ_ALL = await createApiKey(api.url, admin, ['READ'], []);
  keys.KEY_SUPERVISE = await createApiKey(api.url, admin, ['SUPERVISE'], [campaign.id]);
  keys.KEY_READ_OTHER = await createApiKey(api.url, admin, ['READ'], [otherCampaign.id]);
  keys.KEY_SUPERVISE_OTHER = await createApiKey(api.url, admin, ['SUPERVISE'], [otherCampaign.id]);

  const { AGENT_A: a, AGENT_B: b, AGENT_D: d } = people as Record<string, Person>;
  // The expiry takes a few seconds on its own process: start it first and let it run alongside.
  const expiring = expiredChat();
  try {
    chats.BOT = await botChat(keys.KEY_BOT, 'Bot customer');

    const custom = await botChat(keys.KEY_BOT, 'VIP customer');
    await ok(api.url, HAND_OFF, { i: { interactionId: custom.id, trayId: customTrayId, botAnswers: [{ key: 'order', value: 'A-1' }] } }, keys.KEY_BOT);
    chats.WAITING_CUSTOM = custom;

    chats.WAITING_GENERAL = await startWidgetChat(api.url, campaign.id, 'Waiting customer');

    const personal = await heldChat(api.url, b, 'Personal customer');
    await ok(api.url, TRANSFER, { id: personal.id, to: { agentId: a.id } }, b.token);
    chats.WAITING_PERSONAL_A = personal;

    chats.IN_SERVICE_A = await heldChat(api.url, a, 'Held customer');

    const help = await heldChat(api.url, a, 'Needs help customer');
    await ok(api.url, STATUS, { id: help.id, s: 'NEEDS_HELP' }, a.token);
    chats.NEEDS_HELP_GENERAL = help;

    const helpCustom = await heldChat(api.url, a, 'Needs help VIP');
    await ok(api.url, TRANSFER, { id: helpCustom.id, to: { trayId: customTrayId } }, a.token);
    await ok(api.url, TAKE, { id: helpCustom.id }, d.token);
    await ok(api.url, STATUS, { id: helpCustom.id, s: 'NEEDS_HELP' }, d.token);
    chats.NEEDS_HELP_CUSTOM = helpCustom;

    const closed = await heldChat(api.url, a, 'Closed customer');
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: closed.id }, a.token);
    chats.CLOSED = closed;

    otherVisitor = await startWidgetChat(api.url, campaign.id, 'Another customer');
  } finally {
    chats.EXPIRED = await expiring;
  }

  for (const location of LOCATIONS) {
    const view = (await ok(api.url, Q_ADMIN_VIEW, { id: chats[location].id }, admin)).interaction;
    const msgs = (await ok(api.url, Q_MESSAGES, { id: chats[location].id }, admin)).messages;
    baseline[location] = { lastSequence: view.lastSequence, notes: view.notes.length, events: view.events.map((e: any) => e.type), sequences: msgs.map((m: any) => m.sequence) };
  }
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

// ---------------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------------

describe('the locations are what the table says they are', () => {
  for (const location of LOCATIONS) {
    it(`${location} has the expected phase, tray, holder and contact state`, async () => {
      const view = (await ok(api.url, Q_ADMIN_VIEW, { id: chats[location].id }, admin)).interaction;
      expect(view).toMatchObject(SHAPE[location]);
      const holder: Partial<Record<Location, Role>> = { IN_SERVICE_A: 'AGENT_A', NEEDS_HELP_GENERAL: 'AGENT_A', EXPIRED: 'AGENT_A', NEEDS_HELP_CUSTOM: 'AGENT_D' };
      if (holder[location]) expect(view.agent).toEqual({ id: people[holder[location] as 'AGENT_A']!.id });
      if (location === 'WAITING_CUSTOM' || location === 'NEEDS_HELP_CUSTOM') expect(view.tray.id).toBe(customTrayId);
      if (location === 'WAITING_PERSONAL_A') {
        const trays = (await ok(api.url, '{ trays { id kind ownerId } }', {}, admin)).trays;
        expect(trays.find((t: any) => t.id === view.tray.id)).toMatchObject({ kind: 'PERSONAL', ownerId: people.AGENT_A!.id });
      }
      // Every chat has stored messages, so "receives the stored messages" is a real check.
      expect(baseline[location].sequences.length).toBeGreaterThan(0);
    });
  }

  it('the table has one row per location and covers every role', () => {
    expect(Object.keys(SEES).sort()).toEqual([...LOCATIONS].sort());
    for (const role of ROLES) expect(CELLS.some((c) => c.role === role)).toBe(true);
  });
});

describe('over HTTP', () => {
  describe('interaction(id)', () => {
    for (const c of CELLS) {
      it(title(c, 'HTTP interaction(id)'), async () => {
        const chat = chats[c.location];
        const result = await gql(api.url, Q_ONE, { id: chat.id }, tokenOf(c.role, c.location));
        if (c.outcome === 'SEES') {
          expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
          expect(result.data.interaction).toEqual({ id: chat.id, protocol: chat.protocol, phase: SHAPE[c.location].phase });
        } else {
          expectCode(result, c.outcome);
          expect(result.data?.interaction ?? null).toBeNull();
        }
      });
    }
  });

  describe('interactionByProtocol(protocol)', () => {
    for (const c of CELLS) {
      it(title(c, 'HTTP interactionByProtocol(protocol)'), async () => {
        const chat = chats[c.location];
        const result = await gql(api.url, Q_PROTOCOL, { p: chat.protocol }, tokenOf(c.role, c.location));
        if (c.outcome === 'SEES') {
          expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
          expect(result.data.interactionByProtocol.id).toBe(chat.id);
        } else {
          expectCode(result, c.outcome);
        }
      });
    }
  });

  describe('interactions(filter: { campaignId }) lists it or not', () => {
    const lists = new Map<string | null, Promise<GqlResult<any>>>();
    const listFor = (token: string | null) => {
      if (!lists.has(token)) lists.set(token, gql<any>(api.url, Q_LIST, { c: campaign.id }, token));
      return lists.get(token)!;
    };
    for (const c of CELLS) {
      it(title(c, 'HTTP interactions(filter: {campaignId}) (list)'), async () => {
        const result = await listFor(tokenOf(c.role, c.location));
        if (c.outcome === 'UNAUTHENTICATED') return void expectCode(result, 'UNAUTHENTICATED');
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        const ids: string[] = result.data.interactions.edges.map((e: any) => e.node.id);
        if (c.outcome === 'SEES') expect(ids).toContain(chats[c.location].id);
        else expect(ids).not.toContain(chats[c.location].id);
      });
    }

    it('a visitor lists its own chat and nothing else', async () => {
      for (const location of LOCATIONS.filter((l) => !WITHOUT_VISITOR.has(l))) {
        const data = await ok(api.url, Q_LIST, { c: campaign.id }, chats[location].visitorToken);
        expect(data.interactions.edges.map((e: any) => e.node.id)).toEqual([chats[location].id]);
        expect(data.interactions.totalCount).toBe(1);
      }
    });

    it('the list counts only what it shows (totalCount matches the visible rows)', async () => {
      for (const role of ROLES.filter((r) => r !== 'ANONYMOUS' && r !== 'OWN_VISITOR')) {
        const data = (await listFor(tokenOf(role, 'CLOSED'))).data;
        expect(data.interactions.totalCount, role).toBe(data.interactions.edges.length);
      }
    });
  });

  describe('messages(interactionId)', () => {
    for (const c of CELLS) {
      it(title(c, 'HTTP messages(interactionId)'), async () => {
        const result = await gql(api.url, Q_MESSAGES, { id: chats[c.location].id }, tokenOf(c.role, c.location));
        if (c.outcome === 'SEES') {
          expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
          expect(result.data.messages.map((m: any) => m.sequence)).toEqual(baseline[c.location].sequences);
        } else {
          expectCode(result, c.outcome);
        }
      });
    }
  });

  describe('writes to a chat one may not see are refused as NOT_FOUND (a READ key: FORBIDDEN, before anything is looked up)', () => {
    // A key that only reads is refused every write before its target is looked up: it learns nothing either way.
    const refusal = (c: Cell) => (c.role.startsWith('KEY_READ') ? 'FORBIDDEN' : c.outcome);
    for (const c of CELLS.filter((x) => x.outcome !== 'SEES')) {
      it(`${title(c, 'HTTP addNote')}: ${refusal(c)}`, async () => {
        const result = await gql(api.url, M_NOTE, { id: chats[c.location].id, b: `sneaky note by ${c.role}` }, tokenOf(c.role, c.location));
        expectCode(result, refusal(c));
      });
      it(`${title(c, 'HTTP postMessage(internal: true)')}: ${refusal(c)}`, async () => {
        const result = await gql(api.url, POST, { input: { interactionId: chats[c.location].id, body: `sneaky message by ${c.role}`, internal: true } }, tokenOf(c.role, c.location));
        expectCode(result, refusal(c));
      });
    }

    for (const location of LOCATIONS) {
      it(`the refused writes changed nothing in ${location} (as the administrator reads it)`, async () => {
        const view = (await ok(api.url, Q_ADMIN_VIEW, { id: chats[location].id }, admin)).interaction;
        const msgs = (await ok(api.url, Q_MESSAGES, { id: chats[location].id }, admin)).messages;
        expect({ lastSequence: view.lastSequence, notes: view.notes.length, events: view.events.map((e: any) => e.type), sequences: msgs.map((m: any) => m.sequence) }).toEqual(baseline[location]);
        expect(view).toMatchObject(SHAPE[location]);
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// WebSocket
// ---------------------------------------------------------------------------------------------

/** Resolves when `pred` holds, or the subscription errored / completed / timed out; never rejects. */
const settle = <T>(sub: Subscription<T>, pred: (events: T[]) => boolean, ms: number) =>
  sub.until(pred, ms).then(
    () => undefined,
    () => undefined,
  );

describe('over WebSocket', () => {
  const sockets = new Map<string, TestWsClient>();
  const socketFor = (token: string | null) => {
    const key = token ?? '(anonymous)';
    if (!sockets.has(key)) sockets.set(key, connect(api.wsUrl, token));
    return sockets.get(key)!;
  };
  const messageSubs = new Map<Cell, Subscription<any>>();
  const changeSubs = new Map<Cell, Subscription<any>>();
  const noteCounts: Partial<Record<Location, number>> = {};
  const changesOf = (sub: Subscription<any>, id: string) => sub.events.map((e) => e.interactionChanged).filter((x) => x.interactionId === id);
  // A customer's token first hears its chat as it stands, then the changes like everyone.
  const changesExpected = (c: Cell) => noteCounts[c.location]! + (c.role === 'OWN_VISITOR' ? 1 : 0);

  beforeAll(async () => {
    // One socket per token; on it, messageAdded for the cell's chat and interactionChanged for the campaign.
    const changeByToken = new Map<string | null, Subscription<any>>();
    for (const c of CELLS) {
      const token = tokenOf(c.role, c.location);
      const ws = socketFor(token);
      messageSubs.set(c, ws.subscribe<any>(MESSAGE_ADDED, { id: chats[c.location].id }));
      if (!changeByToken.has(token)) changeByToken.set(token, ws.subscribe<any>(CHANGED, { f: { campaignId: campaign.id } }));
      changeSubs.set(c, changeByToken.get(token)!);
    }
    // Stored messages reach the viewers that see the chat; the others get an error at once.
    await Promise.all(CELLS.map((c) => settle(messageSubs.get(c)!, (e) => e.length >= (c.outcome === 'SEES' ? baseline[c.location].sequences.length : 1), 5000)));
    await sleep(300); // subscription readiness for interactionChanged

    // A change to each chat, made by the administrator while every subscription is open.
    for (const location of LOCATIONS) {
      await ok(api.url, M_NOTE, { id: chats[location].id, b: `note for ${location}` }, admin);
      noteCounts[location] = 1;
    }
    // A last change to the chat everyone may see: on the campaign channel it arrives after all the others.
    await ok(api.url, M_NOTE, { id: chats.CLOSED.id, b: 'closing the round' }, admin);
    noteCounts.CLOSED = 2;
    await Promise.all(
      CELLS.map((c) => {
        const sub = changeSubs.get(c)!;
        if (c.outcome !== 'SEES') return undefined;
        return settle(sub, () => changesOf(sub, chats[c.location].id).length >= changesExpected(c), 5000);
      }),
    );
    await Promise.all(
      CELLS.filter((c) => SEES.CLOSED.includes(c.role) && c.role !== 'OWN_VISITOR').map((c) => settle(changeSubs.get(c)!, () => changesOf(changeSubs.get(c)!, chats.CLOSED.id).length >= 2, 5000)),
    );
    await sleep(500); // for the subscribers that hear nothing at all (other campaign, visitors, anonymous)
  }, 60_000);

  afterAll(async () => {
    await Promise.all([...sockets.values()].map((s) => s.dispose()));
  });

  describe('messageAdded(interactionId, afterSequence: 0)', () => {
    for (const c of CELLS) {
      it(title(c, 'WebSocket messageAdded'), () => {
        const sub = messageSubs.get(c)!;
        if (c.outcome === 'SEES') {
          expect(sub.errors).toEqual([]);
          expect(sub.events.map((e) => e.messageAdded.sequence)).toEqual(baseline[c.location].sequences);
          expect(sub.events.every((e) => e.messageAdded.interactionId === chats[c.location].id)).toBe(true);
        } else {
          expect(sub.events).toEqual([]);
          expect(errorCodes(sub.errors), JSON.stringify(sub.errors)).toEqual([c.outcome]);
        }
      });
    }
  });

  describe('interactionChanged(filter: { campaignId }) after the administrator adds a note', () => {
    for (const c of CELLS) {
      it(title(c, 'WebSocket interactionChanged'), () => {
        const sub = changeSubs.get(c)!;
        const got = sub.events.map((e) => e.interactionChanged).filter((x) => x.interactionId === chats[c.location].id);
        if (c.outcome === 'SEES') {
          expect(sub.errors).toEqual([]);
          expect(got.length).toBe(changesExpected(c));
          for (const change of got) expect(change).toEqual({ kind: 'UPDATED', interactionId: chats[c.location].id, interaction: { id: chats[c.location].id, phase: SHAPE[c.location].phase } });
        } else if (c.outcome === 'NOT_FOUND') {
          expect(sub.errors).toEqual([]);
          expect(got).toEqual([]);
        } else {
          expect(sub.events).toEqual([]);
          expect(errorCodes(sub.errors), JSON.stringify(sub.errors)).toEqual(['UNAUTHENTICATED']);
        }
      });
    }

    it('a visitor hears about its own chat and nothing else', () => {
      for (const location of LOCATIONS.filter((l) => !WITHOUT_VISITOR.has(l))) {
        const sub = changeSubs.get(CELLS.find((c) => c.role === 'OWN_VISITOR' && c.location === location)!)!;
        expect(new Set(sub.events.map((e) => e.interactionChanged.interactionId)), location).toEqual(new Set([chats[location].id]));
      }
      // Another chat's customer hears its own chat as it stands, and nothing of these.
      const other = changeSubs.get(CELLS.find((c) => c.role === 'OTHER_VISITOR')!)!;
      expect(other.events.map((e) => e.interactionChanged.interactionId)).toEqual([otherVisitor.id]);
    });

    it('keys of another campaign hear nothing of this campaign', () => {
      for (const role of ['KEY_READ_OTHER', 'KEY_SUPERVISE_OTHER'] as const) {
        const sub = changeSubs.get(CELLS.find((c) => c.role === role)!)!;
        expect(sub.errors, role).toEqual([]);
        expect(sub.events, role).toEqual([]);
      }
    });
  });
});
