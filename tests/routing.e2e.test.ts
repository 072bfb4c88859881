/**
 * Routing assigns waiting chats by the campaign's strategy, by the event that makes it possible
 * (a chat arrives, a chat closes, a pause ends, an agent connects), never above an agent's maximum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { ok } from './support/graphql.js';
import { connect, type TestWsClient } from './support/ws-client.js';
import { adminToken, createCampaign, createPerson, type Person, startWidgetChat, untilConnected } from './support/world.js';

let api: ApiProcess;
let admin: string;
let lunch: string;
const sockets: TestWsClient[] = [];

beforeAll(async () => {
  // Passes of two chats, so every test here also proves that passes follow one another.
  api = await startApi({ PRESENCE_GRACE_MS: '600', PRESENCE_HEARTBEAT_MS: '200', ROUTING_PASS_SIZE: '2' });
  admin = await adminToken(api.url);
  lunch = (await ok(api.url, 'mutation { createPauseReason(name: "Break", icon: "coffee") { id } }', {}, admin)).createPauseReason.id;
});

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await api?.stop();
});

/** An agent with the web app open: a socket makes it present. */
async function online(extra: Record<string, unknown> = {}): Promise<Person> {
  const agent = await createPerson(api.url, admin, 'AGENT', extra);
  const ws = connect(api.wsUrl, agent.token);
  ws.subscribe('subscription { interactionChanged { kind } }');
  sockets.push(ws);
  await untilConnected(api.url, agent.token);
  return agent;
}

const holder = async (id: string) => (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase agent { id } } }', { id }, admin)).interaction;
const campaignWith = async (strategy: string, memberIds: string[], extra: Record<string, unknown> = {}) => createCampaign(api.url, admin, { routingStrategy: strategy, memberIds, ...extra });

describe('routing', () => {
  it('leaves chats in the tray under MANUAL', async () => {
    const agent = await online();
    const campaign = await campaignWith('MANUAL', [agent.id]);
    const chat = await startWidgetChat(api.url, campaign.id);
    expect(await holder(chat.id)).toEqual({ phase: 'WAITING', agent: null });
  });

  it('LEAST_BUSY spreads chats, never above the maximum, and the rest wait', async () => {
    const a = await online({ maxConcurrentChats: 2 });
    const b = await online({ maxConcurrentChats: 2 });
    const campaign = await campaignWith('LEAST_BUSY', [a.id, b.id]);
    const chats = [];
    for (let i = 0; i < 5; i++) chats.push(await startWidgetChat(api.url, campaign.id));
    const holders = await Promise.all(chats.map((c) => holder(c.id)));
    const count = (p: Person) => holders.filter((h) => h.agent?.id === p.id).length;
    expect([count(a), count(b)]).toEqual([2, 2]);
    expect(holders[4]).toEqual({ phase: 'WAITING', agent: null });

    // A chat closes: the capacity it frees goes to the waiting chat at once, by that event.
    const closer = holders[0]!.agent.id === a.id ? a : b;
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chats[0]!.id }, closer.token);
    expect(await holder(chats[4]!.id)).toEqual({ phase: 'IN_SERVICE', agent: { id: closer.id } });
  });

  it('skips paused and disconnected agents, and routes the moment a pause ends', async () => {
    const paused = await online();
    const offline = await createPerson(api.url, admin, 'AGENT');
    const campaign = await campaignWith('ROUND_ROBIN', [paused.id, offline.id]);
    await ok(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: lunch }, paused.token);
    const chat = await startWidgetChat(api.url, campaign.id);
    expect(await holder(chat.id)).toEqual({ phase: 'WAITING', agent: null });
    await ok(api.url, 'mutation { setMyState(state: AVAILABLE) { state } }', {}, paused.token);
    expect(await holder(chat.id)).toEqual({ phase: 'IN_SERVICE', agent: { id: paused.id } });
  });

  it('serves a backlog longer than one pass, oldest first, the moment an agent resumes', async () => {
    const agent = await online({ maxConcurrentChats: 6 });
    const campaign = await campaignWith('LEAST_BUSY', [agent.id]);
    await ok(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: lunch }, agent.token);
    const chats = [];
    for (let i = 0; i < 5; i++) chats.push(await startWidgetChat(api.url, campaign.id));
    await ok(api.url, 'mutation { setMyState(state: AVAILABLE) { state } }', {}, agent.token);
    const LIST = 'query($c: ID) { interactions(filter: { campaignId: $c }, first: 10, order: OLDEST_FIRST) { edges { node { id phase assignedAt } } } }';
    const nodes = (await ok(api.url, LIST, { c: campaign.id }, admin)).interactions.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id)).toEqual(chats.map((c) => c.id));
    expect(nodes.every((n: any) => n.phase === 'IN_SERVICE')).toBe(true);
    const times = nodes.map((n: any) => Date.parse(n.assignedAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('routes a waiting chat the moment an agent’s maximum is raised', async () => {
    const agent = await online({ maxConcurrentChats: 1 });
    const campaign = await campaignWith('LEAST_BUSY', [agent.id]);
    const first = await startWidgetChat(api.url, campaign.id);
    const second = await startWidgetChat(api.url, campaign.id);
    expect((await holder(first.id)).agent.id).toBe(agent.id);
    expect((await holder(second.id)).phase).toBe('WAITING');
    const raised = await ok(api.url, 'mutation($id: ID!) { updateUser(id: $id, input: { maxConcurrentChats: 2 }) { maxConcurrentChats } }', { id: agent.id }, admin);
    expect(raised.updateUser.maxConcurrentChats).toBe(2);
    expect(await holder(second.id)).toEqual({ phase: 'IN_SERVICE', agent: { id: agent.id } });
  });

  it('routes a waiting chat the moment an agent connects', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const campaign = await campaignWith('LONGEST_IDLE', [agent.id]);
    const chat = await startWidgetChat(api.url, campaign.id);
    expect((await holder(chat.id)).phase).toBe('WAITING');
    const ws = connect(api.wsUrl, agent.token);
    ws.subscribe('subscription { interactionChanged { kind } }');
    sockets.push(ws);
    for (let i = 0; i < 40 && (await holder(chat.id)).phase === 'WAITING'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await holder(chat.id)).toEqual({ phase: 'IN_SERVICE', agent: { id: agent.id } });
  });

  it('chats nobody can take yet do not hold back those behind them, past a whole pass', async () => {
    const en = await online({ languages: ['en'] });
    const campaign = await campaignWith('SKILLS', [en.id], { skillsWideningSeconds: 3600 });
    const START_ES = 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }';
    const start = async (language: string) =>
      (await ok(api.url, START_ES, { i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: language }, language } })).startInteraction.interaction.id;
    // Passes here take two chats: the two oldest speak Spanish, which nobody here does.
    const first = await start('es');
    const second = await start('es');
    const third = await start('en');
    expect(await holder(third)).toEqual({ phase: 'IN_SERVICE', agent: { id: en.id } });
    expect((await holder(first)).phase).toBe('WAITING');
    expect((await holder(second)).phase).toBe('WAITING');
  });

  it('SKILLS matches language and skills, then widens to anyone after the configured wait', async () => {
    const pt = await online({ languages: ['pt'], skills: ['billing'] });
    const en = await online({ languages: ['en'] });
    const campaign = await campaignWith('SKILLS', [pt.id, en.id], { skillsWideningSeconds: 1 });
    const data = await ok(api.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', {
      i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Ana' }, language: 'pt-BR' },
    });
    expect((await holder(data.startInteraction.interaction.id)).agent.id).toBe(pt.id);

    // A Spanish speaker: nobody matches, so it waits, then goes to the least busy agent once widened.
    const es = await ok(api.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', {
      i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Eva' }, language: 'es' },
    });
    const id = es.startInteraction.interaction.id;
    expect((await holder(id)).phase).toBe('WAITING');
    await new Promise((r) => setTimeout(r, 1100));
    // Any routing event re-runs the pass; an agent becoming available is one.
    await ok(api.url, 'mutation { setMyState(state: AVAILABLE) { state } }', {}, en.token);
    expect(await holder(id)).toEqual({ phase: 'IN_SERVICE', agent: { id: en.id } });
  });

  it('a forced logout sends the agent’s chats back to the tray, and routing gives them to another', async () => {
    const leaving = await online({ maxConcurrentChats: 5 });
    const staying = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 5 });
    const campaign = await campaignWith('LEAST_BUSY', [leaving.id, staying.id]);
    const chats = [await startWidgetChat(api.url, campaign.id), await startWidgetChat(api.url, campaign.id)];
    for (const c of chats) expect((await holder(c.id)).agent.id).toBe(leaving.id);
    // The second agent comes online; held chats stay where they are.
    const ws = connect(api.wsUrl, staying.token);
    ws.subscribe('subscription { interactionChanged { kind } }');
    sockets.push(ws);
    await untilConnected(api.url, staying.token);
    for (const c of chats) expect((await holder(c.id)).agent.id).toBe(leaving.id);

    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    await ok(api.url, 'mutation($u: ID!) { logoutAgent(userId: $u) }', { u: leaving.id }, supervisor.token);
    for (const c of chats) expect(await holder(c.id)).toEqual({ phase: 'IN_SERVICE', agent: { id: staying.id } });
    const status = await ok(api.url, '{ agents { userId state } }', {}, supervisor.token);
    expect(status.agents.find((a: any) => a.userId === leaving.id).state).toBe('DISCONNECTED');
  });
  it('never hands a chat to an agent whose security group does not reach the campaign, even one named a member', async () => {
    const group = (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `Group ${Date.now()}` }, admin)).createSecurityGroup.id;
    const grouped = await online({ securityGroupId: group });
    const outside = await campaignWith('ROUND_ROBIN', [grouped.id]);
    const stranded = await startWidgetChat(api.url, outside.id);
    expect(await holder(stranded.id)).toEqual({ phase: 'WAITING', agent: null });
    // The same agent takes its own group's chats: the refusal above is the group's, not the agent's state.
    const inside = await campaignWith('ROUND_ROBIN', [grouped.id], { securityGroupId: group });
    const served = await startWidgetChat(api.url, inside.id);
    expect(await holder(served.id)).toEqual({ phase: 'IN_SERVICE', agent: { id: grouped.id } });
    expect(await holder(stranded.id)).toEqual({ phase: 'WAITING', agent: null });
  });
});
