/**
 * Two API processes on one PostgreSQL and Redis behave as one: events cross processes, one chat
 * taken by twenty agents at once, through both processes, ends with exactly one owner, and a
 * webhook hears each event once whichever process sends it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

let a: ApiProcess;
let b: ApiProcess;
let admin: string;
let campaign: CampaignFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([startApi(), startApi()]);
  admin = await adminToken(a.url);
  campaign = await createCampaign(a.url, admin);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('who is asking, kept between requests', () => {
  // Each process keeps a signed-in viewer between requests; these prove a change made through one
  // process counts on the other from the very next request, with both caches warm beforehand.
  const CHAT = 'query($id: ID!) { interaction(id: $id) { id } }';
  const seen = async (url: string, token: string, id: string) => {
    const result = await gql(url, CHAT, { id }, token);
    if (result.errors) expectCode(result, 'NOT_FOUND');
    return !result.errors;
  };
  const warm = async (token: string, id: string) => {
    for (const url of [a.url, b.url, a.url, b.url]) await seen(url, token, id);
  };

  it('a tray grant, a team membership and their withdrawal count at once on the other process', async () => {
    const agent = await createPerson(a.url, admin, 'AGENT');
    const tray = (await ok(a.url, 'mutation($input: CreateTrayInput!) { createTray(input: $input) { id } }', { input: { name: `Private ${Date.now()}`, campaignId: campaign.id } }, admin)).createTray
      .id;
    const chat = await startWidgetChat(a.url, campaign.id);
    await ok(a.url, 'mutation($id: ID!, $to: TransferTargetInput!) { transferInteraction(id: $id, to: $to) { id } }', { id: chat.id, to: { trayId: tray } }, admin);
    const grant = (userIds: string[], teamIds: string[] = []) =>
      ok(a.url, 'mutation($t: ID!, $u: [ID!]!, $g: [ID!]!) { setTrayAccess(trayId: $t, userIds: $u, teamIds: $g) { id } }', { t: tray, u: userIds, g: teamIds }, admin);

    await warm(agent.token, chat.id);
    expect(await seen(b.url, agent.token, chat.id)).toBe(false);
    await grant([agent.id]);
    expect(await seen(b.url, agent.token, chat.id)).toBe(true);
    await warm(agent.token, chat.id);
    await grant([]);
    expect(await seen(b.url, agent.token, chat.id)).toBe(false);

    const team = (await ok(a.url, 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }', { input: { name: `Team ${Date.now()}`, memberIds: [] } }, admin)).createTeam.id;
    await grant([], [team]);
    await warm(agent.token, chat.id);
    await ok(a.url, 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }', { id: agent.id, input: { teamIds: [team] } }, admin);
    expect(await seen(b.url, agent.token, chat.id)).toBe(true);
  });

  it('a role change and a sign-out count at once on the other process', async () => {
    const person = await createPerson(a.url, admin, 'AGENT');
    const MONITOR = '{ monitor { totals { open } } }';
    for (const url of [a.url, b.url, b.url]) expectCode(await gql(url, MONITOR, {}, person.token), 'FORBIDDEN');
    await ok(a.url, 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }', { id: person.id, input: { role: 'SUPERVISOR' } }, admin);
    expect((await ok(b.url, MONITOR, {}, person.token)).monitor.totals.open).toBeGreaterThanOrEqual(0);
    await ok(b.url, MONITOR, {}, person.token);
    await ok(a.url, 'mutation { signOut }', {}, person.token);
    expectCode(await gql(b.url, MONITOR, {}, person.token), 'UNAUTHENTICATED');
    expectCode(await gql(a.url, MONITOR, {}, person.token), 'UNAUTHENTICATED');
  });
});

describe('two processes', () => {
  it('a subscriber on one process receives a message posted on the other', async () => {
    const agent = await createPerson(a.url, admin, 'AGENT');
    const chat = await startWidgetChat(b.url, campaign.id);
    await ok(b.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    const ws = connect(a.wsUrl, chat.visitorToken);
    const sub = ws.subscribe<any>('subscription($id: ID!) { messageAdded(interactionId: $id, afterSequence: 0) { sequence body } }', { id: chat.id });
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 1; i <= 10; i++) await ok(i % 2 ? b.url : a.url, POST, { input: { interactionId: chat.id, body: `hello ${i}` } }, agent.token);
    const events = await sub.waitFor(10);
    expect(events.map((e) => e.messageAdded.body)).toEqual(Array.from({ length: 10 }, (_, i) => `hello ${i + 1}`));
    await ws.dispose();
  });

  it('an inbox on one process sees a chat created and taken on the other', async () => {
    const agent = await createPerson(a.url, admin, 'AGENT');
    const supervisor = await createPerson(a.url, admin, 'SUPERVISOR');
    const ws = connect(a.wsUrl, supervisor.token);
    const sub = ws.subscribe<any>('subscription($c: ID) { interactionChanged(filter: { campaignId: $c }) { kind interactionId interaction { phase } } }', { c: campaign.id });
    await new Promise((r) => setTimeout(r, 200));
    const chat = await startWidgetChat(b.url, campaign.id);
    await ok(b.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    const events = await sub.until((e) => e.filter((x) => x.interactionChanged.interactionId === chat.id).length >= 2);
    const mine = events.filter((x) => x.interactionChanged.interactionId === chat.id).map((x) => [x.interactionChanged.kind, x.interactionChanged.interaction.phase]);
    expect(mine).toEqual([
      ['CREATED', 'WAITING'],
      ['UPDATED', 'IN_SERVICE'],
    ]);
    await ws.dispose();
  });

  it('20 concurrent takes of one chat, split across both processes, leave exactly one owner', async () => {
    const agents: Person[] = [];
    for (let i = 0; i < 20; i++) agents.push(await createPerson(a.url, admin, 'AGENT'));
    const chat = await startWidgetChat(a.url, campaign.id);
    const results = await Promise.all(agents.map((agent, i) => gql((i % 2 ? b : a).url, 'mutation($id: ID!) { takeInteraction(id: $id) { agent { id } } }', { id: chat.id }, agent.token)));
    const winners = results.filter((r) => !r.errors);
    const codes = results.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.code);
    expect(winners).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill('CONFLICT'));
    const owner = winners[0]!.data.takeInteraction.agent.id;
    const stored = await ok(b.url, 'query($id: ID!) { interaction(id: $id) { phase agent { id } } }', { id: chat.id }, admin);
    expect(stored.interaction).toEqual({ phase: 'IN_SERVICE', agent: { id: owner } });
  });

  it('a forced logout on one process closes the agent’s socket on the other', async () => {
    const agent = await createPerson(a.url, admin, 'AGENT');
    const supervisor = await createPerson(a.url, admin, 'SUPERVISOR');
    const ws = connect(b.wsUrl, agent.token);
    ws.subscribe('subscription { interactionChanged { kind } }');
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await ok(a.url, 'mutation($id: ID!) { logoutAgent(userId: $id) }', { id: agent.id }, supervisor.token);
    expect(await ws.closed).toBe(4401);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('a send decided on the view of the chat’s last send', () => {
  // Each process keeps the view of a chat it sent to lately; a change made through the other
  // process must count at the very next send, however many sends warmed the first.
  const TAKE = 'mutation($id: ID!) { takeInteraction(id: $id) { id } }';
  const say = (url: string, token: string, id: string, body: string) => gql(url, POST, { input: { interactionId: id, body } }, token);
  const bodies = async (id: string) => (await ok(b.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id }, admin)).messages.map((m: any) => m.body);

  it('an agent whose chat was moved to a tray through the other process writes nothing more in it', async () => {
    const agent = await createPerson(a.url, admin, 'AGENT');
    const chat = await startWidgetChat(a.url, campaign.id);
    await ok(a.url, TAKE, { id: chat.id }, agent.token);
    for (const body of ['one', 'two']) expect((await say(a.url, agent.token, chat.id, body)).errors).toBeUndefined();
    await ok(b.url, 'mutation($id: ID!, $t: ID!) { transferInteraction(id: $id, to: { trayId: $t }) { id } }', { id: chat.id, t: campaign.generalTrayId }, admin);
    expectCode(await say(a.url, agent.token, chat.id, 'after the move'), 'FORBIDDEN');
    expect(await bodies(chat.id)).not.toContain('after the move');
  });

  it('an agent who left a chat it helped in, through the other process, writes nothing more in it', async () => {
    const [holder, helper] = [await createPerson(a.url, admin, 'AGENT'), await createPerson(a.url, admin, 'AGENT')];
    const chat = await startWidgetChat(a.url, campaign.id);
    await ok(a.url, TAKE, { id: chat.id }, holder.token);
    await ok(a.url, 'mutation($id: ID!) { setInteractionStatus(id: $id, status: NEEDS_HELP) { id } }', { id: chat.id }, holder.token);
    await ok(a.url, 'mutation($id: ID!) { joinInteraction(id: $id) { id } }', { id: chat.id }, helper.token);
    for (const body of ['helping one', 'helping two']) expect((await say(a.url, helper.token, chat.id, body)).errors).toBeUndefined();
    await ok(b.url, 'mutation($id: ID!) { leaveInteraction(id: $id) { id } }', { id: chat.id }, helper.token);
    // It no longer sees the chat at all (it was never the holder, and the chat is in no tray of its).
    expectCode(await say(a.url, helper.token, chat.id, 'after leaving'), 'NOT_FOUND');
    expect(await bodies(chat.id)).not.toContain('after leaving');
  });

  it('a customer whose chat was closed through the other process is told so', async () => {
    const agent = await createPerson(a.url, admin, 'AGENT');
    const chat = await startWidgetChat(a.url, campaign.id);
    await ok(a.url, TAKE, { id: chat.id }, agent.token);
    for (const body of ['hi', 'anyone?']) expect((await say(a.url, chat.visitorToken, chat.id, body)).errors).toBeUndefined();
    await ok(b.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, agent.token);
    expectCode(await say(a.url, chat.visitorToken, chat.id, 'after the close'), 'CONFLICT');
  });
});

describe('webhooks on several processes', () => {
  it('each event reaches a hook once, whichever process committed it and however many processes send', async () => {
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        requests.push(String(req.headers['parley-event-id']));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const CREATE = 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }';
      const hook = (await ok(a.url, CREATE, { i: { url, campaignIds: [campaign.id], eventTypes: ['STARTED'] } }, admin)).createWebhook.webhook.id;
      await Promise.all(Array.from({ length: 12 }, (_, i) => startWidgetChat(i % 2 ? a.url : b.url, campaign.id)));
      await expect.poll(() => new Set(requests).size, { timeout: 10_000, interval: 50 }).toBe(12);
      // Late duplicates would come within a claim's time; none may.
      await new Promise((r) => setTimeout(r, 1000));
      expect(requests).toHaveLength(12);
      await ok(b.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: hook }, admin);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
