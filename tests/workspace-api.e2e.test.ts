/**
 * What the agent's screen needs beyond chats: messages between a supervisor and an agent (kept,
 * idempotent, live, caught up after a drop), the agent's own state live when a supervisor pauses it,
 * where a chat may be transferred, the tags and skills to pick from, and a contact's earlier chats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let agent: Person;
let otherAgent: Person;
let supervisor: Person;
let campaign: CampaignFixture;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT', { skills: ['billing', 'spanish'] });
  otherAgent = await createPerson(api.url, admin, 'AGENT', { skills: ['returns'] });
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  campaign = await createCampaign(api.url, admin);
});

afterAll(async () => {
  await api?.stop();
});

const SEND = 'mutation($to: ID!, $b: String!, $c: String) { sendInternalMessage(toUserId: $to, body: $b, clientMessageId: $c) { id fromUserId fromName toUserId body createdAt } }';
const THREAD = 'query($w: ID!) { internalMessages(withUserId: $w) { id body fromUserId createdAt } }';
const ADDED = 'subscription($after: DateTimeISO) { internalMessageAdded(after: $after) { id body fromUserId toUserId createdAt } }';

describe('messages between a supervisor and an agent', () => {
  it('reach the agent live, are kept in order for both, and a resend with the same id is the same message', async () => {
    const ws = connect(api.wsUrl, agent.token);
    const heard = ws.subscribe<any>(ADDED, { after: new Date(Date.now() - 1000).toISOString() });
    const first = (await ok(api.url, SEND, { to: agent.id, b: '  Can you take the Acme chat?  ', c: 'sup-1' }, supervisor.token)).sendInternalMessage;
    expect(first).toMatchObject({ fromUserId: supervisor.id, toUserId: agent.id, body: 'Can you take the Acme chat?' });
    const again = (await ok(api.url, SEND, { to: agent.id, b: 'Can you take the Acme chat?', c: 'sup-1' }, supervisor.token)).sendInternalMessage;
    expect(again.id).toBe(first.id);
    await ok(api.url, SEND, { to: supervisor.id, b: 'On it' }, agent.token);
    await heard.until((e) => e.length >= 2);
    expect(heard.events.map((e) => e.internalMessageAdded.body)).toEqual(['Can you take the Acme chat?', 'On it']);
    const thread = (await ok(api.url, THREAD, { w: supervisor.id }, agent.token)).internalMessages;
    expect(thread.map((m: any) => m.body)).toEqual(['Can you take the Acme chat?', 'On it']);
    expect((await ok(api.url, THREAD, { w: agent.id }, supervisor.token)).internalMessages).toEqual(thread);
    await ws.dispose();
  });

  it('a screen that reconnects reads what was sent while it was away', async () => {
    const before = new Date().toISOString();
    await ok(api.url, SEND, { to: otherAgent.id, b: 'Sent while you were offline' }, supervisor.token);
    const ws = connect(api.wsUrl, otherAgent.token);
    const heard = ws.subscribe<any>(ADDED, { after: before });
    await heard.until((e) => e.length >= 1);
    expect(heard.events[0].internalMessageAdded).toMatchObject({ body: 'Sent while you were offline', toUserId: otherAgent.id });
    await ws.dispose();
  });

  it('an agent finds the supervisors to write to', async () => {
    const found = (await ok(api.url, '{ supervisors { id name } }', {}, agent.token)).supervisors;
    expect(found.map((s: any) => s.id)).toContain(supervisor.id);
    expect(found.map((s: any) => s.id)).not.toContain(otherAgent.id);
    expectCode(await gql(api.url, '{ supervisors { id } }'), 'UNAUTHENTICATED');
  });

  it('refuses agent to agent, empty bodies, unknown people and strangers reading others’ threads', async () => {
    expectCode(await gql(api.url, SEND, { to: otherAgent.id, b: 'psst' }, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, SEND, { to: agent.id, b: '   ' }, supervisor.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, SEND, { to: '00000000-0000-4000-8000-000000000000', b: 'hi' }, supervisor.token), 'NOT_FOUND');
    expectCode(await gql(api.url, SEND, { to: agent.id, b: 'hi' }), 'UNAUTHENTICATED');
    // A thread is always the caller's own: another agent asking for "with the supervisor" gets theirs, not agent's.
    const theirs = (await ok(api.url, THREAD, { w: supervisor.id }, otherAgent.token)).internalMessages;
    expect(theirs.every((m: any) => m.fromUserId === supervisor.id || m.fromUserId === otherAgent.id)).toBe(true);
    expect(theirs.map((m: any) => m.body)).not.toContain('On it');
  });
});

describe('the agent’s own state', () => {
  it('is pushed to the agent when a supervisor pauses and resumes it', async () => {
    // Test files share one database: a pause reason's name is unique there.
    const lunch = (await ok(api.url, 'mutation($n: String!) { createPauseReason(name: $n, icon: "utensils") { id } }', { n: `Lunch ${Date.now()}` }, admin)).createPauseReason.id;
    const ws = connect(api.wsUrl, agent.token);
    const states = ws.subscribe<any>('subscription { myStatusChanged { state paused pauseReason { name icon } } }', {});
    await states.until((e) => e.length >= 1 && e.at(-1).myStatusChanged.state === 'FREE');
    await ok(api.url, 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { state } }', { u: agent.id, r: lunch }, supervisor.token);
    await states.until((e) => e.at(-1).myStatusChanged.paused === true);
    expect(states.events.at(-1).myStatusChanged).toMatchObject({ state: 'FREE_IN_BREAK', paused: true, pauseReason: { icon: 'utensils' } });
    expect(states.events.at(-1).myStatusChanged.pauseReason.name).toMatch(/^Lunch /);
    await ok(api.url, 'mutation($u: ID!) { resumeAgent(userId: $u) { state } }', { u: agent.id }, supervisor.token);
    await states.until((e) => e.at(-1).myStatusChanged.state === 'FREE');
    await ws.dispose();
  });
});

describe('choices on the agent’s screen', () => {
  it('where a chat may be transferred: its campaign’s trays, the other agents with their state, the teams', async () => {
    const team = (await ok(api.url, 'mutation { createTeam(input: { name: "Escalations" }) { id } }', {}, admin)).createTeam.id;
    const other = await createCampaign(api.url, admin);
    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    const targets = (await ok(api.url, 'query($id: ID!) { transferTargets(interactionId: $id) { trays { id kind } agents { id state } teams { id name } } }', { id: chat.id }, agent.token))
      .transferTargets;
    const trayIds = targets.trays.map((t: any) => t.id);
    expect(trayIds).toContain(campaign.generalTrayId);
    expect(trayIds).not.toContain(campaign.closedTrayId);
    expect(trayIds).not.toContain(other.generalTrayId);
    expect(targets.trays.every((t: any) => t.kind !== 'PERSONAL')).toBe(true);
    expect(targets.agents.map((a: any) => a.id)).toContain(otherAgent.id);
    expect(targets.agents.map((a: any) => a.id)).not.toContain(agent.id);
    expect(targets.teams).toContainEqual({ id: team, name: 'Escalations' });
    // Someone who cannot see the chat learns nothing about it.
    expectCode(await gql(api.url, 'query($id: ID!) { transferTargets(interactionId: $id) { teams { id } } }', { id: chat.id }, otherAgent.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'query($id: ID!) { transferTargets(interactionId: $id) { teams { id } } }', { id: chat.id }, chat.visitorToken), 'FORBIDDEN');
  });

  it('the tags in use and the skills people have, to pick from', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    await ok(api.url, 'mutation($id: ID!) { setTags(id: $id, tags: ["vip", "Refund"]) { tags } }', { id: chat.id }, agent.token);
    const picked = await ok(api.url, '{ tags skills }', {}, agent.token);
    expect(picked.tags).toEqual(expect.arrayContaining(['refund', 'vip']));
    expect(picked.skills).toEqual(expect.arrayContaining(['billing', 'returns', 'spanish']));
    expectCode(await gql(api.url, '{ tags }', {}, chat.visitorToken), 'FORBIDDEN');
    expectCode(await gql(api.url, '{ skills }'), 'UNAUTHENTICATED');
  });

  it('a contact’s earlier conversations, as far as the viewer may see them', async () => {
    const bot = (await ok(api.url, 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { name: 'bridge', scopes: ['BOT'], campaignIds: [campaign.id] } }, admin))
      .createApiKey.secret;
    const start = async () => {
      const started = (
        await ok(
          api.url,
          'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id contact { id } } } }',
          { i: { campaignId: campaign.id, channel: 'WHATSAPP', contact: { name: 'Ana', externalId: 'wa:5511999' } } },
          bot,
        )
      ).startInteraction.interaction;
      await ok(api.url, 'mutation($i: HandOffInput!) { handOff(input: $i) { phase } }', { i: { interactionId: started.id, trayId: campaign.generalTrayId } }, bot);
      return started;
    };
    const earlier = await start();
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: earlier.id }, agent.token);
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: earlier.id }, agent.token);
    const now = await start();
    expect(now.contact.id).toBe(earlier.contact.id);
    await startWidgetChat(api.url, campaign.id, 'Ana');
    const list = async (token: string) =>
      (await ok(api.url, 'query($c: ID!) { interactions(filter: { contactId: $c }) { edges { node { id } } } }', { c: earlier.contact.id }, token)).interactions.edges.map((e: any) => e.node.id);
    expect(await list(supervisor.token)).toEqual([now.id, earlier.id]);
    // The closed one is everyone's to see; once the new one is held, only its agent (and supervisors) see it.
    expect(await list(otherAgent.token)).toEqual([now.id, earlier.id]);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: now.id }, agent.token);
    expect(await list(otherAgent.token)).toEqual([earlier.id]);
    expect(await list(agent.token)).toEqual([now.id, earlier.id]);
  });

  it('a returning widget customer stays one contact, proven only by its earlier conversation’s token', async () => {
    const START = 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken interaction { id contact { id name } } } }';
    const first = (await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Bea' } } })).startInteraction;
    const back = (await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Beatriz' }, returningVisitorToken: first.visitorToken } })).startInteraction;
    expect(back.interaction.contact).toEqual({ id: first.interaction.contact.id, name: 'Beatriz' });
    // A made-up or foreign token proves nothing: a new contact, not an error that would tell tokens apart.
    for (const token of ['pv_not-a-real-token', agent.token]) {
      const stranger = (await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Eve' }, returningVisitorToken: token } })).startInteraction;
      expect(stranger.interaction.contact.id).not.toBe(first.interaction.contact.id);
    }
  });
});
