/**
 * Calls: the customer asks, the agent is told and answers, WebRTC signals travel through mutations and
 * a subscription only between the two parties, the agent shows on a call, and the trail keeps start,
 * end and length.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect, errorCodes } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let agent: Person;
let other: Person;
let supervisor: Person;
let campaign: CampaignFixture;
/** Short, so a drop past it is quick to prove; the calls above end well within it. */
const GRACE_MS = 4000;

beforeAll(async () => {
  api = await startApi({ CALL_DROP_GRACE_MS: String(GRACE_MS), ICE_SERVERS: '[{"urls":"stun:stun.tests.parley.dev:3478"},{"urls":["turn:turn.tests.parley.dev"],"username":"u","credential":"c"}]' });
  admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT');
  other = await createPerson(api.url, admin, 'AGENT');
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  campaign = await createCampaign(api.url, admin, { allowAudio: true, allowVideo: false });
});

afterAll(async () => {
  await api?.stop();
});

const REQUEST = 'mutation($id: ID!, $k: CallKind!) { requestCall(interactionId: $id, kind: $k) { id state kind } }';
const ANSWER = 'mutation($id: ID!, $a: Boolean!) { answerCall(callId: $id, accept: $a) { state startedAt } }';
const SIGNAL = 'mutation($id: ID!, $k: CallSignalKind!, $p: String!) { sendCallSignal(callId: $id, kind: $k, payload: $p) }';
const END = 'mutation($id: ID!) { endCall(callId: $id) { state seconds } }';
const EVENTS = 'subscription($id: ID) { callEvents(interactionId: $id) { type from call { id state } signal { kind payload } } }';
const ON_CALL = 'query($a: [ID!]) { monitor(filter: { agentIds: $a }) { agents { onCall } } }';

async function servedChat(by: Person = agent) {
  const chat = await startWidgetChat(api.url, campaign.id);
  await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, by.token);
  return chat;
}

describe('calls', () => {
  it('ring the agent, connect, carry signals only to the other party, and end with their length in the trail', async () => {
    const chat = await servedChat();
    const agentWs = connect(api.wsUrl, agent.token);
    const customerWs = connect(api.wsUrl, chat.visitorToken);
    const agentHears = agentWs.subscribe<any>(EVENTS, {});
    const customerHears = customerWs.subscribe<any>(EVENTS, { id: chat.id });
    await new Promise((r) => setTimeout(r, 300));

    expectCode(await gql(api.url, REQUEST, { id: chat.id, k: 'VIDEO' }, chat.visitorToken), 'FORBIDDEN');
    expectCode(await gql(api.url, REQUEST, { id: chat.id, k: 'AUDIO' }, agent.token), 'FORBIDDEN');
    const call = (await ok(api.url, REQUEST, { id: chat.id, k: 'AUDIO' }, chat.visitorToken)).requestCall;
    expect(call).toMatchObject({ state: 'REQUESTED', kind: 'AUDIO' });
    expectCode(await gql(api.url, REQUEST, { id: chat.id, k: 'AUDIO' }, chat.visitorToken), 'CONFLICT');
    await agentHears.until((e) => e.some((x) => x.callEvents.type === 'REQUESTED' && x.callEvents.call.id === call.id));

    // Only the agent serving the chat answers; anyone else does not even find the call.
    expectCode(await gql(api.url, ANSWER, { id: call.id, a: true }, other.token), 'NOT_FOUND');
    expectCode(await gql(api.url, ANSWER, { id: call.id, a: true }, chat.visitorToken), 'FORBIDDEN');
    expect((await ok(api.url, ANSWER, { id: call.id, a: true }, agent.token)).answerCall.state).toBe('ACCEPTED');
    await customerHears.until((e) => e.some((x) => x.callEvents.type === 'ACCEPTED'));
    expect((await ok(api.url, ON_CALL, { a: [agent.id] }, supervisor.token)).monitor.agents).toEqual([{ onCall: true }]);

    await ok(api.url, SIGNAL, { id: call.id, k: 'OFFER', p: '{"sdp":"v=0 offer"}' }, chat.visitorToken);
    await ok(api.url, SIGNAL, { id: call.id, k: 'ANSWER', p: '{"sdp":"v=0 answer"}' }, agent.token);
    await ok(api.url, SIGNAL, { id: call.id, k: 'ICE_CANDIDATE', p: '{"candidate":"a"}' }, agent.token);
    expectCode(await gql(api.url, SIGNAL, { id: call.id, k: 'OFFER', p: 'x' }, other.token), 'NOT_FOUND');
    expectCode(await gql(api.url, SIGNAL, { id: call.id, k: 'HELLO', p: 'x' }, agent.token), 'BAD_USER_INPUT');
    const signals = (events: any[]) => events.filter((x) => x.callEvents.type === 'SIGNAL').map((x) => [x.callEvents.from, x.callEvents.signal.kind, x.callEvents.signal.payload]);
    await agentHears.until((e) => signals(e).length >= 1);
    await customerHears.until((e) => signals(e).length >= 2);
    expect(signals(agentHears.events)).toEqual([['CUSTOMER', 'OFFER', '{"sdp":"v=0 offer"}']]);
    expect(signals(customerHears.events)).toEqual([
      ['AGENT', 'ANSWER', '{"sdp":"v=0 answer"}'],
      ['AGENT', 'ICE_CANDIDATE', '{"candidate":"a"}'],
    ]);

    await new Promise((r) => setTimeout(r, 1100));
    const ended = (await ok(api.url, END, { id: call.id }, chat.visitorToken)).endCall;
    expect(ended.state).toBe('ENDED');
    expect(ended.seconds).toBeGreaterThanOrEqual(1);
    await agentHears.until((e) => e.some((x) => x.callEvents.type === 'ENDED'));
    expectCode(await gql(api.url, SIGNAL, { id: call.id, k: 'OFFER', p: 'x' }, agent.token), 'CONFLICT');
    expect((await ok(api.url, ON_CALL, { a: [agent.id] }, supervisor.token)).monitor.agents).toEqual([{ onCall: false }]);
    const trail = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { events { type data } } }', { id: chat.id }, agent.token)).interaction.events;
    const calls = trail.filter((e: any) => e.type.startsWith('CALL_'));
    expect(calls.map((e: any) => e.type)).toEqual(['CALL_REQUESTED', 'CALL_STARTED', 'CALL_ENDED']);
    expect(calls[2].data.seconds).toBe(ended.seconds);
    await Promise.all([agentWs.dispose(), customerWs.dispose()]);
  });

  it('ends when the chat leaves its agent: nobody stays on a call for a chat they no longer hold', async () => {
    const chat = await servedChat();
    const call = (await ok(api.url, REQUEST, { id: chat.id, k: 'AUDIO' }, chat.visitorToken)).requestCall;
    await ok(api.url, ANSWER, { id: call.id, a: true }, agent.token);
    expect((await ok(api.url, ON_CALL, { a: [agent.id] }, supervisor.token)).monitor.agents).toEqual([{ onCall: true }]);
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, agent.token);
    expect((await ok(api.url, ON_CALL, { a: [agent.id] }, supervisor.token)).monitor.agents).toEqual([{ onCall: false }]);
    const trail = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { events { type actorKind } } }', { id: chat.id }, agent.token)).interaction.events;
    expect(trail.filter((e: any) => e.type === 'CALL_ENDED')).toEqual([{ type: 'CALL_ENDED', actorKind: 'SYSTEM' }]);
    expectCode(await gql(api.url, END, { id: call.id }, chat.visitorToken), 'CONFLICT');
  });

  it('lets the agent decline, keeps others out of the events, and gives the STUN/TURN servers', async () => {
    const chat = await servedChat();
    const waiting = await startWidgetChat(api.url, campaign.id);
    expectCode(await gql(api.url, REQUEST, { id: waiting.id, k: 'AUDIO' }, waiting.visitorToken), 'CONFLICT');
    const call = (await ok(api.url, REQUEST, { id: chat.id, k: 'AUDIO' }, chat.visitorToken)).requestCall;
    expect((await ok(api.url, ANSWER, { id: call.id, a: false }, agent.token)).answerCall.state).toBe('DECLINED');
    expectCode(await gql(api.url, END, { id: call.id }, agent.token), 'CONFLICT');

    // A supervisor is not a party: its own call stream hears nothing of this chat; another customer is refused.
    const supWs = connect(api.wsUrl, supervisor.token);
    const supHears = supWs.subscribe<any>(EVENTS, { id: chat.id });
    const otherCustomer = connect(api.wsUrl, waiting.visitorToken);
    const wrong = otherCustomer.subscribe<any>(EVENTS, { id: chat.id });
    await expect.poll(() => wrong.errors.length, { timeout: 2000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    const again = (await ok(api.url, REQUEST, { id: chat.id, k: 'AUDIO' }, chat.visitorToken)).requestCall;
    await new Promise((r) => setTimeout(r, 300));
    expect(supHears.events).toEqual([]);
    await ok(api.url, END, { id: again.id }, chat.visitorToken);
    await Promise.all([supWs.dispose(), otherCustomer.dispose()]);

    const ice = (await ok(api.url, '{ iceServers { urls username credential } }', {}, chat.visitorToken)).iceServers;
    expect(ice).toEqual([
      { urls: ['stun:stun.tests.parley.dev:3478'], username: null, credential: null },
      { urls: ['turn:turn.tests.parley.dev'], username: 'u', credential: 'c' },
    ]);
  });

  it('lets a supervisor watch the screen of an agent who allows it, through the same signalling', async () => {
    const willing = await createPerson(api.url, admin, 'AGENT', { mayMonitorScreen: true });
    const SCREEN = 'mutation($a: ID!) { requestScreen(agentId: $a) { id kind state supervisorId interactionId } }';
    expectCode(await gql(api.url, SCREEN, { a: agent.id }, supervisor.token), 'FORBIDDEN');
    expectCode(await gql(api.url, SCREEN, { a: willing.id }, other.token), 'FORBIDDEN');
    const agentWs = connect(api.wsUrl, willing.token);
    const supWs = connect(api.wsUrl, supervisor.token);
    const agentHears = agentWs.subscribe<any>(EVENTS, {});
    const supHears = supWs.subscribe<any>(EVENTS, {});
    await new Promise((r) => setTimeout(r, 300));
    const session = (await ok(api.url, SCREEN, { a: willing.id }, supervisor.token)).requestScreen;
    expect(session).toMatchObject({ kind: 'SCREEN', state: 'REQUESTED', supervisorId: supervisor.id, interactionId: null });
    await agentHears.until((e) => e.some((x) => x.callEvents.type === 'REQUESTED' && x.callEvents.call.id === session.id));
    expectCode(await gql(api.url, ANSWER, { id: session.id, a: true }, supervisor.token), 'FORBIDDEN');
    await ok(api.url, ANSWER, { id: session.id, a: true }, willing.token);
    await ok(api.url, SIGNAL, { id: session.id, k: 'OFFER', p: '{"sdp":"screen"}' }, willing.token);
    await supHears.until((e) => e.some((x) => x.callEvents.type === 'SIGNAL'));
    expect(supHears.events.filter((x) => x.callEvents.type === 'SIGNAL').map((x) => [x.callEvents.from, x.callEvents.signal.payload])).toEqual([['AGENT', '{"sdp":"screen"}']]);
    expect(agentHears.events.some((x) => x.callEvents.type === 'SIGNAL')).toBe(false);
    // Watching a screen is not being on a call.
    expect((await ok(api.url, ON_CALL, { a: [willing.id] }, supervisor.token)).monitor.agents).toEqual([{ onCall: false }]);
    expect((await ok(api.url, END, { id: session.id }, supervisor.token)).endCall.state).toBe('ENDED');
    await Promise.all([agentWs.dispose(), supWs.dispose()]);
  });
});

const RESUME = 'subscription($id: ID, $after: String) { callEvents(interactionId: $id, after: $after) { type from cursor call { id state endReason endedBy } signal { kind payload } } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cursorNow = async (token: string) => (await ok(api.url, '{ callCursor }', {}, token)).callCursor as string;

describe('calls across a dropped socket', () => {
  it('replay to a party that comes back what it missed, and a drop shorter than the grace keeps the call', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const chat = await servedChat(agent);
    const agentWs = connect(api.wsUrl, agent.token);
    agentWs.subscribe<any>(RESUME, { after: await cursorNow(agent.token) });
    const customerWs = connect(api.wsUrl, chat.visitorToken);
    const before = customerWs.subscribe<any>(RESUME, { id: chat.id, after: await cursorNow(chat.visitorToken) });
    await sleep(300);
    const call = (await ok(api.url, REQUEST, { id: chat.id, k: 'AUDIO' }, chat.visitorToken)).requestCall;
    const [requested] = await before.until((e) => e.some((x) => x.callEvents.type === 'REQUESTED'));

    // The customer's socket drops; meanwhile the agent accepts and offers.
    await customerWs.dispose();
    await ok(api.url, ANSWER, { id: call.id, a: true }, agent.token);
    await ok(api.url, SIGNAL, { id: call.id, k: 'OFFER', p: '{"sdp":"while away"}' }, agent.token);
    await ok(api.url, SIGNAL, { id: call.id, k: 'ICE_CANDIDATE', p: '{"candidate":"c1"}' }, agent.token);
    await sleep(1000);

    const back = connect(api.wsUrl, chat.visitorToken);
    const resumed = back.subscribe<any>(RESUME, { id: chat.id, after: requested.callEvents.cursor });
    await resumed.until((e) => e.length >= 3);
    expect(resumed.events.map((x) => [x.callEvents.type, x.callEvents.signal?.payload ?? null])).toEqual([
      ['ACCEPTED', null],
      ['SIGNAL', '{"sdp":"while away"}'],
      ['SIGNAL', '{"candidate":"c1"}'],
    ]);
    // Live events follow the replay, none twice.
    await ok(api.url, SIGNAL, { id: call.id, k: 'ICE_CANDIDATE', p: '{"candidate":"c2"}' }, agent.token);
    await resumed.until((e) => e.length >= 4);
    expect(resumed.events[3].callEvents.signal.payload).toBe('{"candidate":"c2"}');

    // Well past the grace since the drop: the call goes on.
    await sleep(GRACE_MS + 1500);
    expect((await ok(api.url, ON_CALL, { a: [agent.id] }, supervisor.token)).monitor.agents).toEqual([{ onCall: true }]);
    expect(resumed.events.filter((x) => x.callEvents.type === 'ENDED')).toEqual([]);
    expect((await ok(api.url, END, { id: call.id }, agent.token)).endCall.state).toBe('ENDED');
    await Promise.all([agentWs.dispose(), back.dispose()]);
  });

  it('end the call when a party stays away past the grace, telling both sides whose connection was lost', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const chat = await servedChat(agent);
    const agentWs = connect(api.wsUrl, agent.token);
    const agentHears = agentWs.subscribe<any>(RESUME, { after: await cursorNow(agent.token) });
    const customerWs = connect(api.wsUrl, chat.visitorToken);
    const customerHears = customerWs.subscribe<any>(RESUME, { id: chat.id, after: await cursorNow(chat.visitorToken) });
    await sleep(300);
    const call = (await ok(api.url, REQUEST, { id: chat.id, k: 'AUDIO' }, chat.visitorToken)).requestCall;
    await ok(api.url, ANSWER, { id: call.id, a: true }, agent.token);
    const [, accepted] = await customerHears.until((e) => e.some((x) => x.callEvents.type === 'ACCEPTED'));
    await customerWs.dispose();

    await sleep(GRACE_MS / 2);
    expect(agentHears.events.filter((x) => x.callEvents.type === 'ENDED')).toEqual([]);
    await agentHears.until((e) => e.some((x) => x.callEvents.type === 'ENDED'), GRACE_MS + 5000);
    const ended = agentHears.events.find((x) => x.callEvents.type === 'ENDED').callEvents;
    expect(ended.call).toMatchObject({ id: call.id, state: 'ENDED', endReason: 'CONNECTION_LOST', endedBy: 'CUSTOMER' });
    expect((await ok(api.url, ON_CALL, { a: [agent.id] }, supervisor.token)).monitor.agents).toEqual([{ onCall: false }]);

    // The customer, back too late, hears why its call ended.
    const back = connect(api.wsUrl, chat.visitorToken);
    const told = back.subscribe<any>(RESUME, { id: chat.id, after: accepted!.callEvents.cursor });
    await told.until((e) => e.some((x) => x.callEvents.type === 'ENDED'));
    expect(told.events.at(-1).callEvents.call).toMatchObject({ endReason: 'CONNECTION_LOST', endedBy: 'CUSTOMER' });
    const trail = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { events { type actorKind data } } }', { id: chat.id }, agent.token)).interaction.events;
    expect(trail.filter((e: any) => e.type === 'CALL_ENDED')).toEqual([
      { type: 'CALL_ENDED', actorKind: 'SYSTEM', data: expect.objectContaining({ callId: call.id, reason: 'CONNECTION_LOST', connectionOf: 'CUSTOMER' }) },
    ]);
    const wrong = agentWs.subscribe<any>(RESUME, { after: 'soon' });
    await expect.poll(() => errorCodes(wrong.errors)).toEqual(['BAD_USER_INPUT']);
    await Promise.all([agentWs.dispose(), back.dispose()]);
  });
});
