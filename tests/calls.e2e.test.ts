/**
 * Calls: the customer asks, the agent is told and answers, WebRTC signals travel through mutations and
 * a subscription only between the two parties, the agent shows on a call, and the trail keeps start,
 * end and length.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let agent: Person;
let other: Person;
let supervisor: Person;
let campaign: CampaignFixture;

beforeAll(async () => {
  api = await startApi({ ICE_SERVERS: '[{"urls":"stun:stun.tests.parley.dev:3478"},{"urls":["turn:turn.tests.parley.dev"],"username":"u","credential":"c"}]' });
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

async function servedChat() {
  const chat = await startWidgetChat(api.url, campaign.id);
  await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
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
