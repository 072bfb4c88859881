/**
 * A subscriber that stops reading cannot hurt the process or anyone else: others get every event, and when it reads again it catches up from storage, in order, complete.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type ApiProcess, startApi } from './support/api.js';
import { ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, createCampaign, createPerson, POST, startWidgetChat } from './support/world.js';

let api: ApiProcess;

beforeAll(async () => {
  api = await startApi({ SUBSCRIBER_BUFFER: '16' });
});

afterAll(async () => {
  await api?.stop();
});

it('a subscriber that stops reading holds nobody up, and catches up in order once it reads again', async () => {
  const admin = await adminToken(api.url);
  const campaign = await createCampaign(api.url, admin);
  const agent = await createPerson(api.url, admin, 'AGENT');
  const chat = await startWidgetChat(api.url, campaign.id);
  await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
  const query = 'subscription($id: ID!) { messageAdded(interactionId: $id, afterSequence: 0) { sequence } }';

  // The slow client speaks graphql-ws by hand so it can stop reading its socket.
  const slow = new WebSocket(api.wsUrl, 'graphql-transport-ws');
  const received: number[] = [];
  await new Promise((r) => slow.once('open', r));
  slow.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${chat.visitorToken}` } }));
  await new Promise((r) => slow.once('message', r));
  slow.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.type === 'next') received.push(msg.payload.data.messageAdded.sequence);
  });
  slow.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { id: chat.id } } }));
  await new Promise((r) => setTimeout(r, 300));
  slow.pause();

  const healthy = connect(api.wsUrl, agent.token);
  const sub = healthy.subscribe<any>(query, { id: chat.id });
  // Loopback TCP buffers absorb tens of MB here, so the buffer's bound itself is proven in bus.redis.test.ts.
  const total = 1500;
  const body = 'x'.repeat(9900);
  for (let i = 0; i < total; i += 25) {
    await Promise.all(Array.from({ length: 25 }, (_, j) => ok(api.url, POST, { input: { interactionId: chat.id, body: `${i + j} ${body}` } }, agent.token)));
  }
  const events = await sub.waitFor(total, 60_000);
  expect(events.map((e) => e.messageAdded.sequence)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  expect((await fetch(`${api.url}/healthz`)).status).toBe(200);

  slow.resume();
  for (let waited = 0; received.length < total && waited < 60_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  expect(received).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  slow.close();
  await healthy.dispose();
}, 120_000);
