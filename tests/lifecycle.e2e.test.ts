/**
 * What agents and supervisors do to a chat after it is taken: give it back, transfer it to a tray,
 * an agent or a team, set its status and ask for help, annotate it, close or move five at once;
 * and the event trail that records it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './support/ws-client.js';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, POST, signIn, startWidgetChat, untilConnected } from './support/world.js';

let api: ApiProcess;
let admin: string;
let campaign: CampaignFixture;
let agent: Person;
let other: Person;
let supervisor: Person;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin);
  agent = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 20 });
  other = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 20 });
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
});

afterAll(async () => {
  await api?.stop();
});

const FIELDS = 'id phase status result tray { id kind name } agent { id } tags expertise';
const take = (id: string, token = agent.token) => ok(api.url, `mutation($id: ID!) { takeInteraction(id: $id) { ${FIELDS} } }`, { id }, token);
const get = (id: string, token = supervisor.token) => ok(api.url, `query($id: ID!) { interaction(id: $id) { ${FIELDS} notes { body authorName } events { type } } }`, { id }, token);
async function heldChat(language = 'en') {
  const data = await ok(api.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken interaction { id } } }', {
    i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Customer' }, language },
  });
  const chat = { id: data.startInteraction.interaction.id as string, visitorToken: data.startInteraction.visitorToken as string };
  await take(chat.id);
  return chat;
}
const TRANSFER = `mutation($id: ID!, $to: TransferTargetInput!, $note: String) { transferInteraction(id: $id, to: $to, note: $note) { ${FIELDS} } }`;

describe('giving back and transferring', () => {
  it('returns a held chat to the tray it came from, where another agent can take it', async () => {
    const chat = await heldChat();
    expectCode(await gql(api.url, 'mutation($id: ID!) { returnToTray(id: $id) { id } }', { id: chat.id }, other.token), 'NOT_FOUND');
    const back = await ok(api.url, `mutation($id: ID!) { returnToTray(id: $id) { ${FIELDS} } }`, { id: chat.id }, agent.token);
    expect(back.returnToTray).toMatchObject({ phase: 'WAITING', agent: null, tray: { id: campaign.generalTrayId } });
    expect((await take(chat.id, other.token)).takeInteraction.agent.id).toBe(other.id);
  });

  it('transfers to a custom tray of the campaign with a note, and the chat then ends ESCALATED', async () => {
    const chat = await heldChat();
    const sales = await ok(
      api.url,
      'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }',
      { i: { name: `Sales ${chat.id.slice(0, 6)}`, campaignId: campaign.id, userIds: [other.id] } },
      supervisor.token,
    );
    const moved = await ok(api.url, TRANSFER, { id: chat.id, to: { trayId: sales.createTray.id }, note: 'Wants a quote' }, agent.token);
    expect(moved.transferInteraction).toMatchObject({ phase: 'WAITING', agent: null, tray: { id: sales.createTray.id, kind: 'CUSTOM' } });
    // The agent who gave it away no longer sees it; the one with access does, and takes it.
    expectCode(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: chat.id }, agent.token), 'NOT_FOUND');
    await take(chat.id, other.token);
    const closed = await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { result } }', { id: chat.id }, other.token);
    expect(closed.closeInteraction.result).toBe('ESCALATED');
    const after = await get(chat.id);
    expect(after.interaction.notes).toEqual([{ body: 'Wants a quote', authorName: expect.any(String) }]);
    expect(after.interaction.events.map((e: any) => e.type)).toEqual(['STARTED', 'TAKEN', 'TRANSFERRED', 'TAKEN', 'CLOSED']);
  });

  it("transfers to an agent through that agent's personal tray", async () => {
    const chat = await heldChat();
    const moved = await ok(api.url, TRANSFER, { id: chat.id, to: { agentId: other.id } }, agent.token);
    expect(moved.transferInteraction.tray.kind).toBe('PERSONAL');
    const seenBy = async (p: Person) => !(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: chat.id }, p.token)).errors;
    expect(await seenBy(other)).toBe(true);
    expect(await seenBy(agent)).toBe(false);
  });

  it("transfers to a team through the team's tray, seen by its members only", async () => {
    const chat = await heldChat();
    const teamRow = await ok(api.url, 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { name: `Team ${chat.id.slice(0, 6)}` } }, admin);
    const member = await createPerson(api.url, admin, 'AGENT', { teamIds: [teamRow.createTeam.id] });
    const moved = await ok(api.url, TRANSFER, { id: chat.id, to: { teamId: teamRow.createTeam.id } }, agent.token);
    expect(moved.transferInteraction.tray).toMatchObject({ kind: 'CUSTOM', name: expect.stringContaining('Team') });
    expect((await take(chat.id, member.token)).takeInteraction.agent.id).toBe(member.id);
  });

  it('a forced sign-out sends what waits for the agent, or what it held from its personal tray, to the General tray where others take it', async () => {
    const leaving = await createPerson(api.url, admin, 'AGENT');
    const held = await heldChat();
    await ok(api.url, TRANSFER, { id: held.id, to: { agentId: leaving.id } }, agent.token);
    await take(held.id, leaving.token);
    const waiting = await heldChat();
    await ok(api.url, TRANSFER, { id: waiting.id, to: { agentId: leaving.id } }, agent.token);
    await ok(api.url, 'mutation($u: ID!) { logoutAgent(userId: $u) }', { u: leaving.id }, supervisor.token);
    for (const chat of [held, waiting]) {
      expect((await get(chat.id)).interaction).toMatchObject({ phase: 'WAITING', agent: null, tray: { id: campaign.generalTrayId } });
      expect((await take(chat.id, other.token)).takeInteraction.agent.id).toBe(other.id);
    }
  });

  it('refuses an ambiguous or foreign target and changes nothing', async () => {
    const chat = await heldChat();
    const elsewhere = await createCampaign(api.url, admin);
    expectCode(await gql(api.url, TRANSFER, { id: chat.id, to: { trayId: campaign.generalTrayId, agentId: other.id } }, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, TRANSFER, { id: chat.id, to: {} }, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, TRANSFER, { id: chat.id, to: { trayId: elsewhere.generalTrayId } }, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, TRANSFER, { id: chat.id, to: { trayId: campaign.closedTrayId } }, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, TRANSFER, { id: chat.id, to: { agentId: '00000000-0000-4000-8000-000000000000' } }, agent.token), 'NOT_FOUND');
    expect((await get(chat.id)).interaction).toMatchObject({ phase: 'IN_SERVICE', agent: { id: agent.id } });
  });
});

describe("the customer's wait", () => {
  const TIMES = 'phase queuedAt waitingSince assignedAt firstAssignedAt';
  const times = async (id: string) => (await ok(api.url, `query($id: ID!) { interaction(id: $id) { ${TIMES} } }`, { id }, supervisor.token)).interaction;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('counts from the first wait for a person across a transfer, a return and a forced sign-out; the current place restarts', async () => {
    const data = await ok(api.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', {
      i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Patient customer' } },
    });
    const id = data.startInteraction.interaction.id as string;
    const first = await times(id);
    expect(first.waitingSince).toBe(first.queuedAt);
    await pause(1100);
    await take(id);
    const answered = (await times(id)).firstAssignedAt;
    expect(answered).not.toBeNull();
    await pause(1100);
    await ok(api.url, TRANSFER, { id, to: { agentId: other.id } }, agent.token);
    const transferred = await times(id);
    expect(transferred.waitingSince).toBe(first.waitingSince);
    expect(Date.parse(transferred.queuedAt)).toBeGreaterThan(Date.parse(first.queuedAt) + 2000);
    await take(id, other.token);
    await ok(api.url, 'mutation($id: ID!) { returnToTray(id: $id) { id } }', { id }, other.token);
    await take(id, other.token);
    await ok(api.url, TRANSFER, { id, to: { trayId: campaign.generalTrayId } }, other.token);
    const leaving = await createPerson(api.url, admin, 'AGENT');
    await take(id, leaving.token);
    await ok(api.url, 'mutation($u: ID!) { logoutAgent(userId: $u) }', { u: leaving.id }, supervisor.token);
    const afterSignOut = await times(id);
    expect(afterSignOut).toMatchObject({ phase: 'WAITING', waitingSince: first.waitingSince, firstAssignedAt: answered });
    // The monitor lists the customer by their whole wait, the time in this tray beside it.
    const monitor = await ok(api.url, '{ monitor { waiting { id since waitingSince } } }', {}, supervisor.token);
    const row = monitor.monitor.waiting.find((chat: { id: string }) => chat.id === id);
    expect(row.waitingSince).toBe(first.waitingSince);
    expect(Date.parse(row.since)).toBeGreaterThan(Date.parse(first.waitingSince) + 2000);
  });
});

describe('status and help', () => {
  const STATUS = `mutation($id: ID!, $s: InteractionStatus!) { setInteractionStatus(id: $id, status: $s) { status } }`;

  it('goes back to IN_PROGRESS as soon as the customer writes, each time it waits for them', async () => {
    const chat = await heldChat();
    // A message first: the customer's next send is decided on the chat as it was then (in progress).
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'One moment' } }, chat.visitorToken);
    for (const body of ['Here is the number', 'And the other one']) {
      expect((await ok(api.url, STATUS, { id: chat.id, s: 'WAITING_FOR_CUSTOMER' }, agent.token)).setInteractionStatus.status).toBe('WAITING_FOR_CUSTOMER');
      await ok(api.url, POST, { input: { interactionId: chat.id, body } }, chat.visitorToken);
      expect((await get(chat.id)).interaction.status).toBe('IN_PROGRESS');
    }
  });

  it('lists a chat that needs help for the agents with access; whoever joins answers it and the customer is told', async () => {
    const chat = await heldChat('es');
    expectCode(await gql(api.url, STATUS, { id: chat.id, s: 'NEEDS_HELP' }, other.token), 'NOT_FOUND');
    await ok(api.url, STATUS, { id: chat.id, s: 'NEEDS_HELP' }, agent.token);
    const listed = await ok(api.url, 'query { interactions(filter: { statuses: [NEEDS_HELP] }) { edges { node { id } } } }', {}, other.token);
    expect(listed.interactions.edges.map((e: any) => e.node.id)).toContain(chat.id);

    const joined = await ok(api.url, 'mutation($id: ID!) { joinInteraction(id: $id) { status participants { id name } } }', { id: chat.id }, other.token);
    expect(joined.joinInteraction).toMatchObject({ status: 'IN_PROGRESS', participants: [{ id: other.id }] });
    // The call is answered: a second agent finds nothing to join.
    const third = await createPerson(api.url, admin, 'AGENT');
    expectCode(await gql(api.url, 'mutation($id: ID!) { joinInteraction(id: $id) { status } }', { id: chat.id }, third.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'mutation($id: ID!) { joinInteraction(id: $id) { status } }', { id: chat.id }, other.token), 'CONFLICT');
    const msgs = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body author { kind } } }', { id: chat.id }, chat.visitorToken);
    expect(msgs.messages.at(-1)).toEqual({ body: expect.stringMatching(/se ha unido a la conversación/), author: { kind: 'SYSTEM' } });
  });
});

describe('participants', () => {
  const STATUS = `mutation($id: ID!, $s: InteractionStatus!) { setInteractionStatus(id: $id, status: $s) { status } }`;
  const JOIN = 'mutation($id: ID!) { joinInteraction(id: $id) { agent { id } participants { id name } } }';
  const LEAVE = 'mutation($id: ID!) { leaveInteraction(id: $id) { agent { id } participants { id } } }';
  const sees = async (id: string, p: Person) => !(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id }, p.token)).errors;

  it('a chat asking for help in a personal tray is listed for every agent of the campaign, and the joiner writes beside the holder', async () => {
    const chat = await heldChat();
    // Moved to the agent's own tray and taken from there: its tray is personal.
    await ok(api.url, TRANSFER, { id: chat.id, to: { agentId: agent.id } }, agent.token);
    await take(chat.id);
    await ok(api.url, STATUS, { id: chat.id, s: 'NEEDS_HELP' }, agent.token);
    const helper = await createPerson(api.url, admin, 'AGENT');
    const listed = await ok(api.url, 'query { interactions(filter: { statuses: [NEEDS_HELP] }) { edges { node { id } } } }', {}, helper.token);
    expect(listed.interactions.edges.map((e: any) => e.node.id)).toContain(chat.id);

    // Not yet a participant: the helper may not write.
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'Hello?' } }, helper.token), 'FORBIDDEN');
    const joined = await ok(api.url, JOIN, { id: chat.id }, helper.token);
    expect(joined.joinInteraction).toEqual({ agent: { id: agent.id }, participants: [{ id: helper.id, name: expect.any(String) }] });
    const sent = await ok(api.url, POST, { input: { interactionId: chat.id, body: 'I can help with the refund.' } }, helper.token);
    expect(sent.postMessage.author).toMatchObject({ kind: 'AGENT', id: helper.id });
    // The customer sees who is with them; the helper keeps sight of it though it no longer asks for help.
    const seen = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { agent { name } participants { name } } }', { id: chat.id }, chat.visitorToken);
    expect(seen.interaction.participants).toEqual([{ name: joined.joinInteraction.participants[0].name }]);
    expect(await sees(chat.id, helper)).toBe(true);
    // The holder stays the owner: only it (or a supervisor) closes or transfers.
    expectCode(await gql(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, helper.token), 'FORBIDDEN');

    const left = await ok(api.url, LEAVE, { id: chat.id }, helper.token);
    expect(left.leaveInteraction).toEqual({ agent: { id: agent.id }, participants: [] });
    expect(await sees(chat.id, helper)).toBe(false);
    expectCode(await gql(api.url, LEAVE, { id: chat.id }, agent.token), 'CONFLICT');
    const msgs = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: chat.id }, chat.visitorToken);
    expect(msgs.messages.map((m: any) => m.body)).toEqual(expect.arrayContaining([expect.stringMatching(/has joined/), 'I can help with the refund.', expect.stringMatching(/has left/)]));
  });

  it('a helper who comes to hold the chat is its holder only, not also a participant who could leave it', async () => {
    const chat = await heldChat();
    await ok(api.url, STATUS, { id: chat.id, s: 'NEEDS_HELP' }, agent.token);
    const helper = await createPerson(api.url, admin, 'AGENT');
    await ok(api.url, JOIN, { id: chat.id }, helper.token);
    await ok(api.url, TRANSFER, { id: chat.id, to: { agentId: helper.id } }, agent.token);
    await take(chat.id, helper.token);
    const held = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { agent { id } participants { id } } }', { id: chat.id }, helper.token);
    expect(held.interaction).toEqual({ agent: { id: helper.id }, participants: [] });
    expectCode(await gql(api.url, LEAVE, { id: chat.id }, helper.token), 'CONFLICT');
    const sent = await ok(api.url, POST, { input: { interactionId: chat.id, body: 'It is mine now.' } }, helper.token);
    expect(sent.postMessage.author).toMatchObject({ kind: 'AGENT', id: helper.id });
  });

  it('a supervisor joins any held chat, and an agent may not join one that does not ask for help', async () => {
    const chat = await heldChat();
    expectCode(await gql(api.url, JOIN, { id: chat.id }, other.token), 'NOT_FOUND');
    const joined = await ok(api.url, JOIN, { id: chat.id }, supervisor.token);
    expect(joined.joinInteraction.participants).toEqual([{ id: supervisor.id, name: expect.any(String) }]);
    expectCode(await gql(api.url, JOIN, { id: chat.id }, supervisor.token), 'CONFLICT');
    expectCode(await gql(api.url, JOIN, { id: chat.id }, agent.token), 'CONFLICT');
  });

  it('a participant signed out by a supervisor leaves the chats it joined: the customer is told, and signed in again it neither sees nor writes in them', async () => {
    const chat = await heldChat();
    await ok(api.url, STATUS, { id: chat.id, s: 'NEEDS_HELP' }, agent.token);
    const helper = await createPerson(api.url, admin, 'AGENT');
    await ok(api.url, JOIN, { id: chat.id }, helper.token);
    await ok(api.url, 'mutation($u: ID!) { logoutAgent(userId: $u) }', { u: helper.id }, supervisor.token);

    const after = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { agent { id } participants { id } events { type actorId data } } }', { id: chat.id }, supervisor.token);
    expect(after.interaction.agent).toEqual({ id: agent.id });
    expect(after.interaction.participants).toEqual([]);
    expect(after.interaction.events.filter((e: any) => e.type === 'LEFT')).toEqual([{ type: 'LEFT', actorId: supervisor.id, data: { agentId: helper.id, reason: 'LOGGED_OUT' } }]);
    const told = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: chat.id }, chat.visitorToken);
    expect(told.messages.map((m: any) => m.body).filter((b: string) => /has left/.test(b))).toEqual([expect.stringContaining(helper.name)]);

    const again = await signIn(api.url, helper.email);
    expect(await sees(chat.id, { ...helper, token: again })).toBe(false);
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'Still here?' } }, again), 'NOT_FOUND');
    // The holder goes on alone.
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'I am still with you.' } }, agent.token);
  });

  it('a participant follows the chat live and is told when it leaves their sight', async () => {
    const chat = await heldChat();
    await ok(api.url, STATUS, { id: chat.id, s: 'NEEDS_HELP' }, agent.token);
    const helper = await createPerson(api.url, admin, 'AGENT');
    const ws = connect(api.wsUrl, helper.token);
    try {
      const changes = ws.subscribe('subscription { interactionChanged { kind interactionId interaction { status participants { id } } } }');
      await untilConnected(api.url, helper.token);
      await ok(api.url, JOIN, { id: chat.id }, helper.token);
      await ok(api.url, LEAVE, { id: chat.id }, helper.token);
      const kinds = (events: any[]) =>
        events
          .map((e) => e.interactionChanged)
          .filter((c) => c.interactionId === chat.id)
          .map((c) => c.kind);
      await changes.until((events) => kinds(events).includes('REMOVED'), 10_000);
      expect(kinds(changes.events)).toEqual(['UPDATED', 'REMOVED']);
    } finally {
      await ws.dispose();
    }
  });
});

describe('annotations', () => {
  it('keeps notes for staff only, makes tags on the fly and sets expertise', async () => {
    const chat = await heldChat();
    await ok(api.url, 'mutation($id: ID!) { addNote(id: $id, body: "VIP customer") { id } }', { id: chat.id }, agent.token);
    const tagged = await ok(api.url, 'mutation($id: ID!, $t: [String!]!) { setTags(id: $id, tags: $t) { tags } }', { id: chat.id, t: ['Billing', 'urgent', 'billing '] }, agent.token);
    expect(tagged.setTags.tags).toEqual(['billing', 'urgent']);
    const skilled = await ok(api.url, 'mutation($id: ID!, $s: [String!]!) { setExpertise(id: $id, skills: $s) { expertise } }', { id: chat.id, s: ['Refunds'] }, agent.token);
    expect(skilled.setExpertise.expertise).toEqual(['refunds']);
    expect((await get(chat.id, agent.token)).interaction.notes.map((n: any) => n.body)).toEqual(['VIP customer']);
    const asCustomer = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { notes { body } events { type } } }', { id: chat.id }, chat.visitorToken);
    expect(asCustomer.interaction).toEqual({ notes: [], events: [] });
    expectCode(await gql(api.url, 'mutation($id: ID!) { addNote(id: $id, body: "x") { id } }', { id: chat.id }, chat.visitorToken), 'FORBIDDEN');
    expectCode(await gql(api.url, 'mutation($id: ID!) { addNote(id: $id, body: "   ") { id } }', { id: chat.id }, agent.token), 'BAD_USER_INPUT');
  });
});

describe('five at once', () => {
  const CLOSE_MANY = 'mutation($ids: [ID!]!) { closeInteractions(ids: $ids, result: SUCCESS) { id phase } }';

  it('closes five chats in one go, refuses six and changes nothing, and is for supervisors only', async () => {
    const six = [];
    for (let i = 0; i < 6; i++) six.push((await startWidgetChat(api.url, campaign.id)).id);
    expectCode(await gql(api.url, CLOSE_MANY, { ids: six }, supervisor.token), 'BAD_USER_INPUT');
    for (const id of six) expect((await get(id)).interaction.phase).toBe('WAITING');
    expectCode(await gql(api.url, CLOSE_MANY, { ids: six.slice(0, 2) }, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, CLOSE_MANY, { ids: [six[0], six[0]] }, supervisor.token), 'BAD_USER_INPUT');
    const closed = await ok(api.url, CLOSE_MANY, { ids: six.slice(0, 5) }, supervisor.token);
    expect(closed.closeInteractions.map((c: any) => c.phase)).toEqual(Array(5).fill('CLOSED'));
    expect((await get(six[5]!)).interaction.phase).toBe('WAITING');
  });

  it('refuses the whole batch when one of them cannot be closed', async () => {
    const a = (await startWidgetChat(api.url, campaign.id)).id;
    const b = (await startWidgetChat(api.url, campaign.id)).id;
    await ok(api.url, CLOSE_MANY, { ids: [b] }, supervisor.token);
    expectCode(await gql(api.url, CLOSE_MANY, { ids: [a, b] }, supervisor.token), 'BAD_USER_INPUT');
    expect((await get(a)).interaction.phase).toBe('WAITING');
  });

  it('transfers five chats at once', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await heldChat()).id);
    const moved = await ok(
      api.url,
      'mutation($ids: [ID!]!, $to: TransferTargetInput!) { transferInteractions(ids: $ids, to: $to, note: "rebalancing") { tray { kind } agent { id } } }',
      { ids, to: { agentId: other.id } },
      supervisor.token,
    );
    expect(moved.transferInteractions).toEqual(Array(5).fill({ tray: { kind: 'PERSONAL' }, agent: null }));
  });
});

describe('canned responses', () => {
  it('are made by supervisors per campaign and read by agents', async () => {
    const create = 'mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { shortcut body language } }';
    const made = await ok(api.url, create, { i: { campaignId: campaign.id, shortcut: '/Hello', body: 'Hello! How can I help?', language: 'en' } }, supervisor.token);
    expect(made.createCannedResponse).toEqual({ shortcut: 'hello', body: 'Hello! How can I help?', language: 'en' });
    await ok(api.url, create, { i: { campaignId: campaign.id, shortcut: 'hello', body: '¡Hola! ¿En qué te ayudo?', language: 'es' } }, supervisor.token);
    expectCode(await gql(api.url, create, { i: { campaignId: campaign.id, shortcut: 'hello', body: 'again', language: 'en' } }, supervisor.token), 'CONFLICT');
    expectCode(await gql(api.url, create, { i: { campaignId: campaign.id, shortcut: 'x', body: 'y' } }, agent.token), 'FORBIDDEN');
    const listed = await ok(api.url, 'query($c: ID!) { cannedResponses(campaignId: $c) { shortcut language } }', { c: campaign.id }, agent.token);
    expect(listed.cannedResponses).toEqual([
      { shortcut: 'hello', language: 'en' },
      { shortcut: 'hello', language: 'es' },
    ]);
  });
});
