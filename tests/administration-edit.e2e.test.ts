/**
 * What administrators change about people and the lists everyone picks from, through the public API:
 * deactivating a person (signed out at once, chats back to their trays, no sign-in, gone from routing,
 * transfer targets and the monitor) and reactivating them; editing and retiring pause reasons;
 * creating, renaming and deleting tags and skills. Every refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect, type TestWsClient } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, PASSWORD, type Person, signIn, startWidgetChat, untilConnected } from './support/world.js';

let api: ApiProcess;
let admin: string;
let adminId: string;
let supervisor: Person;
let campaign: CampaignFixture;
const sockets: TestWsClient[] = [];

beforeAll(async () => {
  api = await startApi({ PRESENCE_GRACE_MS: '800', PRESENCE_HEARTBEAT_MS: '200' });
  admin = await adminToken(api.url);
  adminId = (await ok(api.url, '{ me { id } }', {}, admin)).me.id;
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  // MANUAL: a chat sent back to its tray waits there instead of being routed away before we look.
  campaign = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL' });
});

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await api?.stop();
});

const NOBODY = '00000000-0000-4000-8000-000000000000';
const unique = () => Math.random().toString(36).slice(2, 8);

/** A socket with a live subscription, so the person counts as connected and a close is observable. */
function openSocket(token: string): TestWsClient {
  const ws = connect(api.wsUrl, token);
  ws.subscribe('subscription { interactionChanged { kind } }');
  sockets.push(ws);
  return ws;
}

const closesWithin = (ws: TestWsClient, ms: number): Promise<number> =>
  Promise.race([ws.closed, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms))]);

const SET_ACTIVE = 'mutation($id: ID!, $a: Boolean!) { setUserActive(id: $id, active: $a) { id active } }';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';
const CHAT = 'query($id: ID!) { interaction(id: $id) { phase tray { id kind } agent { id } tags expertise } }';
const isActive = async (id: string) => (await ok(api.url, '{ users(includeInactive: true) { id active } }', {}, admin)).users.find((u: any) => u.id === id)?.active;

describe('deactivating a person', () => {
  it('closes their sockets within a second, sends their chats back to the tray, and refuses their sign-in', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const ws = openSocket(agent.token);
    await untilConnected(api.url, agent.token);
    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);

    const done = await ok(api.url, SET_ACTIVE, { id: agent.id, a: false }, admin);
    expect(done.setUserActive).toEqual({ id: agent.id, active: false });
    expect(await closesWithin(ws, 1000)).toBe(4401);
    expect((await ok(api.url, CHAT, { id: chat.id }, admin)).interaction).toMatchObject({ phase: 'WAITING', agent: null, tray: { id: campaign.generalTrayId } });
    expectCode(await gql(api.url, '{ me { id } }', {}, agent.token), 'UNAUTHENTICATED');
    expectCode(await gql(api.url, SIGN_IN, { e: agent.email, p: PASSWORD }), 'UNAUTHENTICATED');
  });

  it('leaves them out of the people list, transfer targets and the monitor until reactivated', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const other = await createPerson(api.url, admin, 'AGENT');
    openSocket(other.token);
    await untilConnected(api.url, other.token);
    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, other.token);
    const targets = async () =>
      (await ok(api.url, 'query($id: ID!) { transferTargets(interactionId: $id) { agents { id } } }', { id: chat.id }, other.token)).transferTargets.agents.map((a: any) => a.id);
    const monitored = async () => (await ok(api.url, '{ monitor { agents { userId } } }', {}, supervisor.token)).monitor.agents.map((a: any) => a.userId);
    const listed = async () => (await ok(api.url, '{ users { id } }', {}, supervisor.token)).users.map((u: any) => u.id);
    expect(await targets()).toContain(agent.id);
    await vi.waitFor(async () => expect(await monitored()).toContain(agent.id), { timeout: 5000, interval: 100 });

    await ok(api.url, SET_ACTIVE, { id: agent.id, a: false }, admin);
    expect(await targets()).not.toContain(agent.id);
    expect(await listed()).not.toContain(agent.id);
    await vi.waitFor(async () => expect(await monitored()).not.toContain(agent.id), { timeout: 5000, interval: 100 });
    expectCode(
      await gql(api.url, 'mutation($id: ID!, $to: TransferTargetInput!) { transferInteraction(id: $id, to: $to) { id } }', { id: chat.id, to: { agentId: agent.id } }, other.token),
      'NOT_FOUND',
    );

    const back = await ok(api.url, SET_ACTIVE, { id: agent.id, a: true }, admin);
    expect(back.setUserActive.active).toBe(true);
    const token = await signIn(api.url, agent.email);
    expect((await ok(api.url, '{ me { id } }', {}, token)).me.id).toBe(agent.id);
    expect(await targets()).toContain(agent.id);
    expect(await listed()).toContain(agent.id);
    await vi.waitFor(async () => expect(await monitored()).toContain(agent.id), { timeout: 5000, interval: 100 });
  });

  it('refuses an administrator deactivating themself, supervisors, agents and unknown people, changing nothing', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const self = expectCode(await gql(api.url, SET_ACTIVE, { id: adminId, a: false }, admin), 'BAD_USER_INPUT');
    expect(self).toMatch(/yourself/);
    expect((await ok(api.url, '{ me { id } }', {}, admin)).me.id).toBe(adminId);
    expectCode(await gql(api.url, SET_ACTIVE, { id: agent.id, a: false }, supervisor.token), 'FORBIDDEN');
    expectCode(await gql(api.url, SET_ACTIVE, { id: supervisor.id, a: false }, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, SET_ACTIVE, { id: agent.id, a: false }), 'UNAUTHENTICATED');
    expectCode(await gql(api.url, SET_ACTIVE, { id: NOBODY, a: false }, admin), 'NOT_FOUND');
    expect(await isActive(agent.id)).toBe(true);
    expect(await isActive(supervisor.id)).toBe(true);
    expect((await ok(api.url, '{ me { id } }', {}, agent.token)).me.id).toBe(agent.id);
  });
});

describe('pause reasons', () => {
  const REASONS = 'query($all: Boolean!) { pauseReasons(includeRetired: $all) { id name icon active } }';
  const UPDATE = 'mutation($id: ID!, $i: UpdatePauseReasonInput!) { updatePauseReason(id: $id, input: $i) { id name icon active } }';
  const RETIRE = 'mutation($id: ID!, $a: Boolean!) { setPauseReasonActive(id: $id, active: $a) { id active } }';
  const create = async (name: string) => (await ok(api.url, 'mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: name }, admin)).createPauseReason.id as string;
  const offered = async (token: string) => (await ok(api.url, REASONS, { all: false }, token)).pauseReasons;

  it('an administrator renames a reason and changes its icon; the rest stays', async () => {
    const name = `Coffee ${unique()}`;
    const id = await create(name);
    const renamed = (await ok(api.url, UPDATE, { id, i: { name: `  Long break ${name} ` } }, admin)).updatePauseReason;
    expect(renamed).toEqual({ id, name: `Long break ${name}`, icon: 'coffee', active: true });
    expect((await ok(api.url, UPDATE, { id, i: { icon: 'utensils' } }, admin)).updatePauseReason).toEqual({ ...renamed, icon: 'utensils' });
  });

  it('an agent paused with a reason sees its new name at once', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const id = await create(`Errand ${unique()}`);
    await ok(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: id }, agent.token);
    const ws = openSocket(agent.token);
    const mine = ws.subscribe<any>('subscription { myStatusChanged { pauseReason { id name icon } } }');
    await mine.waitFor(1);
    const name = `Bank ${unique()}`;
    await ok(api.url, UPDATE, { id, i: { name, icon: 'errand' } }, admin);
    await mine.until((events) => events.some((e) => e.myStatusChanged.pauseReason?.name === name), 2000);
    expect(mine.events.at(-1).myStatusChanged.pauseReason).toEqual({ id, name, icon: 'errand' });
  });

  it('a retired reason is no longer offered nor accepted, an agent already in it keeps it, and restoring offers it again', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const other = await createPerson(api.url, admin, 'AGENT');
    const name = `Training ${unique()}`;
    const id = await create(name);
    await ok(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: id }, agent.token);

    expect((await ok(api.url, RETIRE, { id, a: false }, admin)).setPauseReasonActive).toEqual({ id, active: false });
    expect((await offered(agent.token)).map((r: any) => r.id)).not.toContain(id);
    expect((await offered(supervisor.token)).map((r: any) => r.id)).not.toContain(id);
    expect((await ok(api.url, REASONS, { all: true }, admin)).pauseReasons).toContainEqual({ id, name, icon: 'coffee', active: false });
    const mine = (await ok(api.url, '{ myStatus { paused pauseReason { id name active } } }', {}, agent.token)).myStatus;
    expect(mine).toEqual({ paused: true, pauseReason: { id, name, active: false } });
    expectCode(await gql(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: id }, other.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { state } }', { u: other.id, r: id }, supervisor.token), 'NOT_FOUND');

    await ok(api.url, RETIRE, { id, a: true }, admin);
    expect(await offered(other.token)).toContainEqual({ id, name, icon: 'coffee', active: true });
    await ok(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: id }, other.token);
  });

  it('refuses bad names and icons, a taken name, unknown reasons and anyone but administrators, changing nothing', async () => {
    const name = `Meeting ${unique()}`;
    const id = await create(name);
    const taken = `Taken ${unique()}`;
    await create(taken);
    const agent = await createPerson(api.url, admin, 'AGENT');
    expectCode(await gql(api.url, UPDATE, { id, i: { name: '   ' } }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, UPDATE, { id, i: { name: 'x'.repeat(61) } }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, UPDATE, { id, i: { name: 'Fine', icon: 'Not An Icon!' } }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, UPDATE, { id, i: { name: taken } }, admin), 'CONFLICT');
    expectCode(await gql(api.url, UPDATE, { id: NOBODY, i: { name: 'Ghost' } }, admin), 'NOT_FOUND');
    expectCode(await gql(api.url, RETIRE, { id: NOBODY, a: false }, admin), 'NOT_FOUND');
    expectCode(await gql(api.url, UPDATE, { id, i: { name: 'Hacked' } }, supervisor.token), 'FORBIDDEN');
    expectCode(await gql(api.url, UPDATE, { id, i: { name: 'Hacked' } }, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, RETIRE, { id, a: false }, supervisor.token), 'FORBIDDEN');
    expectCode(await gql(api.url, RETIRE, { id, a: false }, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, REASONS, { all: true }, supervisor.token), 'FORBIDDEN');
    expect(await offered(agent.token)).toContainEqual({ id, name, icon: 'coffee', active: true });
  });
});

describe('tags and skills', () => {
  const TAGS = '{ tagUsage { name chats people } }';
  const SKILLS = '{ skillUsage { name chats people } }';
  const setTags = (id: string, tags: string[], token: string) => ok(api.url, 'mutation($id: ID!, $t: [String!]!) { setTags(id: $id, tags: $t) { tags } }', { id, t: tags }, token);
  const setExpertise = (id: string, s: string[], token: string) => ok(api.url, 'mutation($id: ID!, $s: [String!]!) { setExpertise(id: $id, skills: $s) { expertise } }', { id, s }, token);
  const skillsOf = async (token: string) => (await ok(api.url, '{ me { skills } }', {}, token)).me.skills;

  it('a tag made by an administrator is offered before any chat carries it', async () => {
    const tag = `vip-${unique()}`;
    expect((await ok(api.url, 'mutation($n: String!) { createTag(name: $n) { name chats people } }', { n: `  ${tag.toUpperCase()} ` }, admin)).createTag).toEqual({ name: tag, chats: 0, people: 0 });
    const agent = await createPerson(api.url, admin, 'AGENT');
    expect((await ok(api.url, '{ tags }', {}, agent.token)).tags).toContain(tag);
    expectCode(await gql(api.url, 'mutation($n: String!) { createTag(name: $n) { name } }', { n: tag }, admin), 'CONFLICT');
  });

  it('renaming a tag reaches every chat carrying it, and deleting it removes it from them', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const [one, two] = [await startWidgetChat(api.url, campaign.id), await startWidgetChat(api.url, campaign.id)];
    const tag = `refund-${unique()}`;
    await setTags(one.id, [tag, 'keep-me'], admin);
    await setTags(two.id, [tag], admin);
    expect((await ok(api.url, TAGS, {}, admin)).tagUsage).toContainEqual({ name: tag, chats: 2, people: 0 });

    const renamed = (await ok(api.url, 'mutation($n: String!, $to: String!) { renameTag(name: $n, newName: $to) { name chats } }', { n: tag, to: `${tag}-request` }, admin)).renameTag;
    expect(renamed).toEqual({ name: `${tag}-request`, chats: 2 });
    expect((await ok(api.url, CHAT, { id: one.id }, admin)).interaction.tags).toEqual(['keep-me', `${tag}-request`]);
    expect((await ok(api.url, CHAT, { id: two.id }, agent.token)).interaction.tags).toEqual([`${tag}-request`]);
    expect((await ok(api.url, '{ tags }', {}, agent.token)).tags).not.toContain(tag);

    expect((await ok(api.url, 'mutation($n: String!) { deleteTag(name: $n) }', { n: `${tag}-request` }, admin)).deleteTag).toBe(true);
    expect((await ok(api.url, CHAT, { id: one.id }, admin)).interaction.tags).toEqual(['keep-me']);
    expect((await ok(api.url, CHAT, { id: two.id }, admin)).interaction.tags).toEqual([]);
    expect((await ok(api.url, '{ tags }', {}, agent.token)).tags).not.toContain(`${tag}-request`);
  });

  it('renaming a skill reaches every person and chat with it in one go; deleting it removes it from them', async () => {
    const skill = `french-${unique()}`;
    await ok(api.url, 'mutation($n: String!) { createSkill(name: $n) { name } }', { n: skill }, admin);
    const agent = await createPerson(api.url, admin, 'AGENT', { skills: [skill, 'billing'] });
    const chat = await startWidgetChat(api.url, campaign.id);
    await setExpertise(chat.id, [skill], admin);
    expect((await ok(api.url, SKILLS, {}, admin)).skillUsage).toContainEqual({ name: skill, chats: 1, people: 1 });

    const to = `${skill}-native`;
    expect((await ok(api.url, 'mutation($n: String!, $to: String!) { renameSkill(name: $n, newName: $to) { name chats people } }', { n: skill, to }, admin)).renameSkill).toEqual({
      name: to,
      chats: 1,
      people: 1,
    });
    expect(await skillsOf(agent.token)).toEqual([to, 'billing']);
    expect((await ok(api.url, CHAT, { id: chat.id }, admin)).interaction.expertise).toEqual([to]);
    const offered = (await ok(api.url, '{ skills }', {}, agent.token)).skills;
    expect(offered).toContain(to);
    expect(offered).not.toContain(skill);

    await ok(api.url, 'mutation($n: String!) { deleteSkill(name: $n) }', { n: to }, admin);
    expect(await skillsOf(agent.token)).toEqual(['billing']);
    expect((await ok(api.url, CHAT, { id: chat.id }, admin)).interaction.expertise).toEqual([]);
    expect((await ok(api.url, '{ skills }', {}, agent.token)).skills).not.toContain(to);
  });

  it('refuses empty, overlong and taken names, unknown labels and anyone but administrators, changing nothing', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT', { skills: [`spanish-${unique()}`] });
    const [mine] = await skillsOf(agent.token);
    const tag = `damaged-${unique()}`;
    const other = `late-${unique()}`;
    const chat = await startWidgetChat(api.url, campaign.id);
    await setTags(chat.id, [tag, other], admin);
    const rename = (what: 'Tag' | 'Skill', n: string, to: string, token: string | null = admin) =>
      gql(api.url, `mutation($n: String!, $to: String!) { rename${what}(name: $n, newName: $to) { name } }`, { n, to }, token);
    const remove = (what: 'Tag' | 'Skill', n: string, token: string | null = admin) => gql(api.url, `mutation($n: String!) { delete${what}(name: $n) }`, { n }, token);
    const make = (what: 'Tag' | 'Skill', n: string, token: string | null = admin) => gql(api.url, `mutation($n: String!) { create${what}(name: $n) { name } }`, { n }, token);

    expectCode(await make('Skill', '  '), 'BAD_USER_INPUT');
    expectCode(await make('Tag', 'x'.repeat(51)), 'BAD_USER_INPUT');
    expectCode(await make('Skill', mine!), 'CONFLICT');
    expectCode(await rename('Tag', tag, ' '), 'BAD_USER_INPUT');
    expectCode(await rename('Tag', tag, other), 'CONFLICT');
    expectCode(await rename('Tag', `nothing-${unique()}`, 'whatever'), 'NOT_FOUND');
    expectCode(await rename('Skill', `nothing-${unique()}`, 'whatever'), 'NOT_FOUND');
    expectCode(await remove('Tag', `nothing-${unique()}`), 'NOT_FOUND');
    expectCode(await remove('Skill', `nothing-${unique()}`), 'NOT_FOUND');
    for (const token of [supervisor.token, agent.token]) {
      expectCode(await make('Tag', `new-${unique()}`, token), 'FORBIDDEN');
      expectCode(await rename('Tag', tag, `renamed-${unique()}`, token), 'FORBIDDEN');
      expectCode(await remove('Tag', tag, token), 'FORBIDDEN');
      expectCode(await make('Skill', `new-${unique()}`, token), 'FORBIDDEN');
      expectCode(await rename('Skill', mine!, `renamed-${unique()}`, token), 'FORBIDDEN');
      expectCode(await remove('Skill', mine!, token), 'FORBIDDEN');
      expectCode(await gql(api.url, TAGS, {}, token), 'FORBIDDEN');
    }
    expectCode(await remove('Tag', tag, null), 'UNAUTHENTICATED');
    expect((await ok(api.url, CHAT, { id: chat.id }, admin)).interaction.tags).toEqual([tag, other].sort());
    expect(await skillsOf(agent.token)).toEqual([mine]);
  });
});
