/**
 * A change to who a caller is counts on its already-open WebSockets, on every process, as it does
 * over HTTP: each test opens a socket on process B and makes the change through process A. What the
 * caller may do or reach (its role, its security group, a key's creator's group) closes the socket
 * with 4403 so it reconnects as whoever it is now; losing a tray through a team changes the open
 * socket in place, for its subscriptions' next events and its next queries; a deactivated person's
 * socket is closed with 4401. "At once" is within a second.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { ok } from './support/graphql.js';
import { connect, type Subscription, type TestWsClient } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, startWidgetChat } from './support/world.js';

const AT_ONCE = { timeout: 1500, interval: 20 };
const unique = () => randomBytes(4).toString('hex');

const UPDATE_USER = 'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }';
const CHANGED = 'subscription($f: InteractionChangedFilter) { interactionChanged(filter: $f) { kind interactionId } }';
const CAMPAIGNS = '{ campaigns { id } }';
const TRAYS = '{ trays { id } }';

let a: ApiProcess;
let b: ApiProcess;
let admin: string;

beforeAll(async () => {
  [a, b] = await Promise.all([startApi(), startApi()]);
  admin = await adminToken(a.url);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

interface Answer {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One query over an open socket, answered with its data or errors as HTTP would be. */
function ask(ws: TestWsClient, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answer: Answer = {};
    ws.client.subscribe({ query, variables }, { next: (result) => (answer = result as Answer), error: reject, complete: () => resolve(answer) });
  });
}

const codesOf = (answer: Answer) => answer.errors?.map((e) => e.extensions?.code);

/**
 * A socket on `api` whose caller the server has resolved: a query answered over it is the ready
 * signal (the server follows a socket's caller from its connection on). `closeCode` is set once the
 * server closes it.
 */
async function openSocket(api: ApiProcess, token: string) {
  const ws = connect(api.wsUrl, token);
  const state: { ws: TestWsClient; closeCode: number | null } = { ws, closeCode: null };
  void ws.closed.then((code) => (state.closeCode = code));
  expect((await ask(ws, '{ __typename }')).data).toEqual({ __typename: 'Query' });
  return state;
}

/** Starts changes until `sub` hears one: then it is live (the stream has no "ready" event of its own). */
async function untilLive(sub: Subscription<any>, poke: () => Promise<string>): Promise<void> {
  await vi.waitFor(
    async () => {
      const id = await poke();
      await sub.until((events) => events.some((e) => e.interactionChanged.interactionId === id), 300);
    },
    { timeout: 5000, interval: 10 },
  );
}

describe('a change made through another process, on an open socket', () => {
  it('a supervisor demoted to agent has its socket closed with 4403, and as an agent may not list people', async () => {
    const supervisor = await createPerson(a.url, admin, 'SUPERVISOR');
    const before = await openSocket(b, supervisor.token);
    expect(codesOf(await ask(before.ws, '{ users { id } }'))).toBeUndefined();

    await ok(a.url, UPDATE_USER, { id: supervisor.id, i: { role: 'AGENT' } }, admin);

    await vi.waitFor(() => expect(before.closeCode).toBe(4403), AT_ONCE);
    const after = await openSocket(b, supervisor.token);
    expect(codesOf(await ask(after.ws, '{ users { id } }'))).toEqual(['FORBIDDEN']);
    await after.ws.dispose();
  });

  it('an agent taken out of the team that grants a custom tray stops hearing its chats, and its queries stop listing it, on the same socket', async () => {
    // A campaign that routes to somebody else only, so the chats wait in their trays.
    const bystander = await createPerson(a.url, admin, 'AGENT');
    const campaign: CampaignFixture = await createCampaign(a.url, admin, { memberIds: [bystander.id] });
    const team = (await ok(a.url, 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { name: `Team ${unique()}`, memberIds: [] } }, admin)).createTeam.id;
    const agent = await createPerson(a.url, admin, 'AGENT', { teamIds: [team] });
    const tray = (await ok(a.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `VIP ${unique()}`, campaignId: campaign.id, teamIds: [team] } }, admin)).createTray
      .id;
    const bot = await createApiKey(a.url, admin, ['BOT'], [campaign.id]);
    const intoTray = async () => {
      const started = await ok(
        a.url,
        'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }',
        { i: { campaignId: campaign.id, channel: 'API', contact: {} } },
        bot,
      );
      const id: string = started.startInteraction.interaction.id;
      await ok(a.url, 'mutation($i: HandOffInput!) { handOff(input: $i) { id } }', { i: { interactionId: id, trayId: tray } }, bot);
      return id;
    };
    const socket = await openSocket(b, agent.token);
    const inTray = socket.ws.subscribe<any>(CHANGED, { f: { trayId: tray } });
    // Hears the campaign's General tray: a chat started there after one handed to the tray comes later on the bus.
    const inCampaign = socket.ws.subscribe<any>(CHANGED, { f: { campaignId: campaign.id } });
    await untilLive(inTray, intoTray);
    await untilLive(inCampaign, async () => (await startWidgetChat(a.url, campaign.id)).id);
    expect((await ask(socket.ws, TRAYS)).data.trays.map((t: any) => t.id)).toContain(tray);

    await ok(a.url, UPDATE_USER, { id: agent.id, i: { teamIds: [] } }, admin);

    await vi.waitFor(async () => expect((await ask(socket.ws, TRAYS)).data.trays.map((t: any) => t.id)).not.toContain(tray), AT_ONCE);
    const unheard = await intoTray();
    const later = await startWidgetChat(a.url, campaign.id);
    await inCampaign.until((events) => events.some((e) => e.interactionChanged.interactionId === later.id));
    await ask(socket.ws, '{ __typename }');
    expect(inTray.events.filter((e) => e.interactionChanged.interactionId === unheard)).toEqual([]);
    expect(socket.closeCode).toBeNull();
    await socket.ws.dispose();
  });

  it('a person moved into a security group has its socket closed with 4403, and reaches only its group’s campaigns after', async () => {
    const group = (await ok(a.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `North ${unique()}` }, admin)).createSecurityGroup.id;
    const inside = await createCampaign(a.url, admin, { securityGroupId: group });
    const outside = await createCampaign(a.url, admin);
    const supervisor = await createPerson(a.url, admin, 'SUPERVISOR');
    const before = await openSocket(b, supervisor.token);
    expect((await ask(before.ws, CAMPAIGNS)).data.campaigns.map((c: any) => c.id)).toEqual(expect.arrayContaining([inside.id, outside.id]));

    await ok(a.url, UPDATE_USER, { id: supervisor.id, i: { securityGroupId: group } }, admin);

    await vi.waitFor(() => expect(before.closeCode).toBe(4403), AT_ONCE);
    const after = await openSocket(b, supervisor.token);
    const seen = (await ask(after.ws, CAMPAIGNS)).data.campaigns.map((c: any) => c.id);
    expect(seen).toContain(inside.id);
    expect(seen).not.toContain(outside.id);
    await after.ws.dispose();
  });

  it('a deactivated person has its socket closed with 4401', async () => {
    const agent = await createPerson(a.url, admin, 'AGENT');
    const socket = await openSocket(b, agent.token);
    socket.ws.subscribe(CHANGED, {});

    await ok(a.url, 'mutation($id: ID!) { setUserActive(id: $id, active: false) { id } }', { id: agent.id }, admin);

    await vi.waitFor(() => expect(socket.closeCode).toBe(4401), AT_ONCE);
  });

  it('an API key whose creator is moved into a security group has its socket closed with 4403', async () => {
    const group = (await ok(a.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `South ${unique()}` }, admin)).createSecurityGroup.id;
    const creator = await createPerson(a.url, admin, 'ADMIN');
    const key = await createApiKey(a.url, creator.token, ['READ']);
    const socket = await openSocket(b, key);

    await ok(a.url, UPDATE_USER, { id: creator.id, i: { securityGroupId: group } }, admin);

    await vi.waitFor(() => expect(socket.closeCode).toBe(4403), AT_ONCE);
  });
});
