/**
 * Nothing is lost, nothing is shown twice: per-interaction sequences, idempotent sends, and a
 * messageAdded subscription that replays after a cursor and then goes live without a gap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let campaign: CampaignFixture;
let agent: Person;
let supervisor: Person;

beforeAll(async () => {
  api = await startApi();
  const admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin);
  agent = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 50 });
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
});

afterAll(async () => {
  await api?.stop();
});

async function chatInService() {
  const chat = await startWidgetChat(api.url, campaign.id);
  await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
  return chat;
}

const MESSAGE_ADDED = `subscription($id: ID!, $after: Int) { messageAdded(interactionId: $id, afterSequence: $after) { sequence body visibility author { kind } } }`;

describe('sequences', () => {
  it('hands out 1..n without gaps to 40 concurrent senders on both sides', async () => {
    const chat = await chatInService();
    const sends = Array.from({ length: 40 }, (_, i) => ok(api.url, POST, { input: { interactionId: chat.id, body: `m${i}`, clientMessageId: `c${i}` } }, i % 2 ? agent.token : chat.visitorToken));
    const sequences = (await Promise.all(sends)).map((d) => d.postMessage.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const stored = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id, first: 500) { sequence } }', { id: chat.id }, supervisor.token);
    expect(stored.messages.map((m: any) => m.sequence)).toEqual(sequences);
  });
});

describe('idempotent sends', () => {
  it('returns the original message when the same client id is sent again, even concurrently', async () => {
    const chat = await chatInService();
    const input = { interactionId: chat.id, body: 'Is my order shipped?', clientMessageId: 'retry-1' };
    const results = await Promise.all(Array.from({ length: 8 }, () => ok(api.url, POST, { input }, chat.visitorToken)));
    expect(new Set(results.map((r) => r.postMessage.id)).size).toBe(1);
    const stored = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: chat.id }, chat.visitorToken);
    expect(stored.messages.filter((m: any) => m.body === input.body)).toHaveLength(1);
  });

  it('answers CONFLICT for a reused client id with another body, and stores nothing', async () => {
    const chat = await chatInService();
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'first', clientMessageId: 'x' } }, agent.token);
    const msg = expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'second', clientMessageId: 'x' } }, agent.token), 'CONFLICT');
    expect(msg).toMatch(/clientMessageId/);
    const stored = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: chat.id }, agent.token);
    expect(stored.messages.map((m: any) => m.body)).not.toContain('second');
  });

  it('scopes client ids to their author: the customer and the agent may both use "1"', async () => {
    const chat = await chatInService();
    const a = await ok(api.url, POST, { input: { interactionId: chat.id, body: 'from customer', clientMessageId: '1' } }, chat.visitorToken);
    const b = await ok(api.url, POST, { input: { interactionId: chat.id, body: 'from agent', clientMessageId: '1' } }, agent.token);
    expect(a.postMessage.id).not.toBe(b.postMessage.id);
  });

  it('refuses empty and oversized messages with BAD_USER_INPUT', async () => {
    const chat = await chatInService();
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: '   ' } }, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'x'.repeat(10_001) } }, agent.token), 'BAD_USER_INPUT');
  });
});

describe('messageAdded', () => {
  it('replays stored messages after the cursor, then delivers live ones, with no gap and no duplicate', async () => {
    const chat = await chatInService();
    for (let i = 1; i <= 5; i++) await ok(api.url, POST, { input: { interactionId: chat.id, body: `old ${i}` } }, agent.token);
    // The welcome and greeting are absent (no campaign texts): the five messages are 1..5.
    const ws = connect(api.wsUrl, chat.visitorToken);
    const sub = ws.subscribe<any>(MESSAGE_ADDED, { id: chat.id, after: 2 });
    await sub.waitFor(3);
    const live = Array.from({ length: 20 }, (_, i) => ok(api.url, POST, { input: { interactionId: chat.id, body: `new ${i}` } }, agent.token));
    await Promise.all(live);
    const events = await sub.waitFor(23);
    expect(events.map((e) => e.messageAdded.sequence)).toEqual(Array.from({ length: 23 }, (_, i) => i + 3));
    await new Promise((r) => setTimeout(r, 200));
    expect(sub.events).toHaveLength(23);
    await ws.dispose();
  });

  it('without a cursor, starts with what comes next', async () => {
    const chat = await chatInService();
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'before' } }, agent.token);
    const ws = connect(api.wsUrl, agent.token);
    const sub = ws.subscribe<any>(MESSAGE_ADDED, { id: chat.id });
    await new Promise((r) => setTimeout(r, 300));
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'after' } }, chat.visitorToken);
    const [first] = await sub.waitFor(1);
    expect(first.messageAdded).toMatchObject({ sequence: 2, body: 'after', author: { kind: 'CONTACT' } });
    await ws.dispose();
  });

  it('lets a client that reconnects catch up from its last sequence', async () => {
    const chat = await chatInService();
    const ws1 = connect(api.wsUrl, chat.visitorToken);
    const sub1 = ws1.subscribe<any>(MESSAGE_ADDED, { id: chat.id, after: 0 });
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'one' } }, agent.token);
    await sub1.waitFor(1);
    await ws1.dispose();
    // Offline while two messages are sent.
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'two' } }, agent.token);
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'three' } }, agent.token);
    const last = sub1.events.at(-1).messageAdded.sequence;
    const ws2 = connect(api.wsUrl, chat.visitorToken);
    const sub2 = ws2.subscribe<any>(MESSAGE_ADDED, { id: chat.id, after: last });
    const events = await sub2.waitFor(2);
    expect(events.map((e) => e.messageAdded.body)).toEqual(['two', 'three']);
    await ws2.dispose();
  });

  it('never shows internal messages to the customer, but shows them to staff', async () => {
    const chat = await chatInService();
    const customer = connect(api.wsUrl, chat.visitorToken);
    const staff = connect(api.wsUrl, supervisor.token);
    const c = customer.subscribe<any>(MESSAGE_ADDED, { id: chat.id, after: 0 });
    const s = staff.subscribe<any>(MESSAGE_ADDED, { id: chat.id, after: 0 });
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'please check the refund', internal: true } }, supervisor.token);
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'visible to all' } }, agent.token);
    await s.waitFor(2);
    await c.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(c.events.map((e) => e.messageAdded.body)).toEqual(['visible to all']);
    expect(s.events.map((e) => [e.messageAdded.body, e.messageAdded.visibility])).toEqual([
      ['please check the refund', 'INTERNAL'],
      ['visible to all', 'PUBLIC'],
    ]);
    const stored = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: chat.id }, chat.visitorToken);
    expect(stored.messages.map((m: any) => m.body)).toEqual(['visible to all']);
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'x', internal: true } }, chat.visitorToken), 'FORBIDDEN');
    await customer.dispose();
    await staff.dispose();
  });

  it('refuses a subscription to an interaction the caller may not see', async () => {
    const mine = await startWidgetChat(api.url, campaign.id);
    const other = await startWidgetChat(api.url, campaign.id);
    const ws = connect(api.wsUrl, mine.visitorToken);
    const sub = ws.subscribe<any>(MESSAGE_ADDED, { id: other.id });
    await expect(sub.waitFor(1, 2000)).rejects.toThrow(/NOT_FOUND/);
    await ws.dispose();
  });

  it('ends the stream when the chat leaves the subscriber’s sight', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const otherAgent = await createPerson(api.url, await adminToken(api.url), 'AGENT');
    const ws = connect(api.wsUrl, otherAgent.token);
    const sub = ws.subscribe<any>(MESSAGE_ADDED, { id: chat.id, after: 0 });
    await new Promise((r) => setTimeout(r, 300));
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'private now' } }, agent.token);
    await expect.poll(() => sub.completed, { timeout: 3000 }).toBe(true);
    expect(sub.events.map((e) => e.messageAdded.body)).not.toContain('private now');
    await ws.dispose();
  });
});
