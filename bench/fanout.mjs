// One event to many subscribers: supervisors following one chat, each on their own WebSocket.
// For each size, one message is posted at a time and timed from just before the post to the
// first and to the last subscriber's frame. The subscribers are bare graphql-transport-ws
// sockets that only count frames, so the load generator's own work stays small next to the server's.
import WebSocket from 'ws';
import { gql, percentile, round, sleep } from './engine.mjs';

const FOLLOW = 'subscription($id: ID!) { messageAdded(interactionId: $id) { sequence body author { name } createdAt } }';

function subscriber(port, token, interactionId, onNext) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws', { perMessageDeflate: false });
    let acknowledged = false;
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    ws.on('message', (data) => {
      if (acknowledged) {
        if (data.includes('"next"')) onNext();
        else if (!data.includes('"pong"')) console.error(`fan-out subscriber got ${String(data).slice(0, 200)}`);
        return;
      }
      const message = JSON.parse(String(data));
      if (message.type !== 'connection_ack') return reject(new Error(`not acknowledged: ${String(data)}`));
      acknowledged = true;
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: FOLLOW, variables: { id: interactionId } } }));
      resolve(ws);
    });
  });
}

/** Opens `count` sockets, `batch` at a time: a crowd arriving, not one connection storm. */
async function openSubscribers(count, open, batch = 100) {
  const sockets = [];
  for (let i = 0; i < count; i += batch) sockets.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, open))));
  return sockets;
}

/**
 * `sizes` subscribers in turn, each size `rounds` events after a warm-up that proves every socket
 * is live. Latency of the last frame is what a supervisor on the slowest socket sees.
 */
export async function benchFanout({ port, adminToken, sizes = [100, 1000, 5000], rounds = 100 }) {
  const campaign = (await gql(port, 'mutation { createCampaign(input: { name: "Fan-out" }) { id } }', {}, adminToken)).createCampaign.id;
  await gql(
    port,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { email: 'fanout@bench.dev', name: 'Fan-out agent', password: 'bench-password-123', role: 'AGENT' } },
    adminToken,
  );
  const agent = (await gql(port, 'mutation { signIn(email: "fanout@bench.dev", password: "bench-password-123") { token } }')).signIn.token;
  const started = await gql(port, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', {
    i: { campaignId: campaign, channel: 'WEBCHAT', contact: { name: 'Followed' } },
  });
  const id = started.startInteraction.interaction.id;
  await gql(port, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent);
  const post = (body) => gql(port, 'mutation($i: PostMessageInput!) { postMessage(input: $i) { sequence } }', { i: { interactionId: id, body } }, agent);

  const results = [];
  for (const size of sizes) {
    let received = 0;
    let firstAt = 0;
    let lastAt = 0;
    const onNext = () => {
      const now = performance.now();
      if (received === 0) firstAt = now;
      if (++received === size) lastAt = now;
    };
    const connectFrom = performance.now();
    const sockets = await openSubscribers(size, () => subscriber(port, adminToken, id, onNext));
    const connectSeconds = (performance.now() - connectFrom) / 1000;
    const event = async (body) => {
      received = 0;
      lastAt = 0;
      const t0 = performance.now();
      await post(body);
      for (let waited = 0; received < size && waited < 10_000; waited += 2) await sleep(2);
      if (received < size) throw new Error(`fan-out to ${size}: ${received} frames arrived for ${body}`);
      return { first: firstAt - t0, last: lastAt - t0 };
    };
    // The first event proves every subscription is live (a socket acknowledged may still be subscribing).
    for (let warm = 0; ; warm++) {
      try {
        await event(`warm-${size}-${warm}`);
        break;
      } catch (err) {
        if (warm >= 5) throw err;
        await sleep(500);
      }
    }
    await event(`warm-${size}-again`);
    const firsts = [];
    const lasts = [];
    const messages = size > 1000 ? Math.min(rounds, 30) : rounds;
    for (let r = 0; r < messages; r++) {
      const t = await event(`fan-${size}-${r}`);
      firsts.push(t.first);
      lasts.push(t.last);
      await sleep(50);
    }
    firsts.sort((a, b) => a - b);
    lasts.sort((a, b) => a - b);
    const result = {
      subscribers: size,
      rounds: messages,
      connectSeconds: round(connectSeconds),
      first: { p50: round(percentile(firsts, 50)), p99: round(percentile(firsts, 99)) },
      last: { p50: round(percentile(lasts, 50)), p99: round(percentile(lasts, 99)), max: round(lasts.at(-1)) },
    };
    console.log(
      `fan-out  one message to ${String(size).padStart(5)} subscribers: first frame p50 ${result.first.p50} ms, last frame p50 ${result.last.p50} ms p99 ${result.last.p99} ms (${messages} messages; ${size} sockets opened in ${result.connectSeconds} s)`,
    );
    results.push(result);
    await Promise.all(
      sockets.map(
        (ws) =>
          new Promise((r) => {
            ws.once('close', r);
            ws.close();
          }),
      ),
    );
    await sleep(500);
  }
  return results;
}
