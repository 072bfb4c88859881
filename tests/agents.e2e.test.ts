/**
 * An agent's state follows reality: its sockets (with a grace period), its pause and its chats,
 * with the time of the last change. Agents pause themselves with a reason; supervisors pause and
 * resume them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let campaign: CampaignFixture;
let lunch: string;

beforeAll(async () => {
  api = await startApi({ PRESENCE_GRACE_MS: '800', PRESENCE_HEARTBEAT_MS: '200' });
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin);
  lunch = (await ok(api.url, 'mutation { createPauseReason(name: "Lunch", icon: "utensils") { id } }', {}, admin)).createPauseReason.id;
});

afterAll(async () => {
  await api?.stop();
});

const MY = '{ myStatus { state stateChangedAt connected paused activeChats pauseReason { name icon } } }';
const my = async (token: string) => (await ok(api.url, MY, {}, token)).myStatus;
const until = async <T>(read: () => Promise<T>, pred: (v: T) => boolean, ms = 4000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (pred(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('agent state', () => {
  it('moves DISCONNECTED -> FREE -> BUSY -> BUSY_IN_BREAK -> FREE_IN_BREAK -> FREE -> DISCONNECTED with reality', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const first = await my(agent.token);
    expect(first).toMatchObject({ state: 'DISCONNECTED', connected: false });

    const ws = connect(api.wsUrl, agent.token);
    ws.subscribe('subscription { interactionChanged { kind } }');
    const free = await until(
      () => my(agent.token),
      (s) => s.state === 'FREE',
    );
    expect(free.connected).toBe(true);
    expect(Date.parse(free.stateChangedAt)).toBeGreaterThanOrEqual(Date.parse(first.stateChangedAt));

    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    expect((await my(agent.token)).state).toBe('BUSY');

    const paused = await ok(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state pauseReason { name icon } } }', { r: lunch }, agent.token);
    expect(paused.setMyState).toEqual({ state: 'BUSY_IN_BREAK', pauseReason: { name: 'Lunch', icon: 'utensils' } });

    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, agent.token);
    expect((await my(agent.token)).state).toBe('FREE_IN_BREAK');

    expect((await ok(api.url, 'mutation { setMyState(state: AVAILABLE) { state pauseReason { name } } }', {}, agent.token)).setMyState).toEqual({ state: 'FREE', pauseReason: null });

    await ws.dispose();
    // Within the grace period a reload would reconnect; after it, the agent is gone.
    expect((await my(agent.token)).state).toBe('FREE');
    const gone = await until(
      () => my(agent.token),
      (s) => s.state === 'DISCONNECTED',
    );
    expect(gone).toMatchObject({ state: 'DISCONNECTED', connected: false });
  });

  it('needs a reason to pause, and only agents have a working state', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    expectCode(await gql(api.url, 'mutation { setMyState(state: PAUSED) { state } }', {}, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: '00000000-0000-4000-8000-000000000000' }, agent.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'mutation { setMyState(state: AVAILABLE) { state } }', {}, supervisor.token), 'FORBIDDEN');
    expect((await my(agent.token)).paused).toBe(false);
  });

  it('lets supervisors pause and resume an agent, and no one else', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const other = await createPerson(api.url, admin, 'AGENT');
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const PAUSE = 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { state paused } }';
    expectCode(await gql(api.url, PAUSE, { u: agent.id, r: lunch }, other.token), 'FORBIDDEN');
    expect((await ok(api.url, PAUSE, { u: agent.id, r: lunch }, supervisor.token)).pauseAgent).toEqual({ state: 'DISCONNECTED', paused: true });
    expect((await my(agent.token)).pauseReason).toEqual({ name: 'Lunch', icon: 'utensils' });
    expect((await ok(api.url, 'mutation($u: ID!) { resumeAgent(userId: $u) { paused } }', { u: agent.id }, supervisor.token)).resumeAgent.paused).toBe(false);
    const list = await ok(api.url, '{ agents { userId state } }', {}, supervisor.token);
    expect(list.agents.map((a: any) => a.userId)).toContain(agent.id);
    expectCode(await gql(api.url, '{ agents { userId } }', {}, agent.token), 'FORBIDDEN');
  });
});
