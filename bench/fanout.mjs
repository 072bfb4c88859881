// One event to many subscribers: supervisors following one chat, each on their own WebSocket.
// For each size, one message is posted at a time and timed from just before the post to the
// first and to the last subscriber's frame. The subscribers are bare graphql-transport-ws
// sockets that only count frames, spread over BENCH_FANOUT_READERS threads (2 by default): on one
// thread, reading a thousand frames took the load generator longer than the server took to write
// them, so the figure was the generator's, not Parley's.
import { Worker } from 'node:worker_threads';
import { gql, percentile, round, sleep } from './engine.mjs';

const FOLLOW = 'subscription($id: ID!) { messageAdded(interactionId: $id) { sequence body author { name } createdAt } }';
const READERS = Math.max(1, Number(process.env.BENCH_FANOUT_READERS ?? 2));
const at = () => performance.timeOrigin + performance.now();

/** A reader thread, and the way to ask it something and wait for its answer of a given type. */
function reader(workerData) {
  const worker = new Worker(new URL('./fanout-reader.mjs', import.meta.url), { workerData });
  const waiting = [];
  worker.on('message', (message) => {
    const i = waiting.findIndex((w) => w.types.includes(message.type));
    if (i >= 0) waiting.splice(i, 1)[0].resolve(message);
  });
  const next = (...types) => new Promise((resolve) => waiting.push({ types, resolve }));
  return {
    ask(message, ...types) {
      const answer = next(...types);
      worker.postMessage(message);
      return answer;
    },
    next,
    /** Answers awaited from an earlier event that timed out are not this event's. */
    forget: (type) => waiting.splice(0, waiting.length, ...waiting.filter((w) => !w.types.includes(type))),
    stop: () => worker.terminate(),
  };
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
    const shares = Array.from({ length: READERS }, (_, i) => Math.floor(size / READERS) + (i < size % READERS ? 1 : 0)).filter((n) => n > 0);
    const readers = shares.map(() => reader({ port, token: adminToken, interactionId: id, query: FOLLOW }));
    const connectFrom = performance.now();
    const opened = await Promise.all(readers.map((r, i) => r.ask({ type: 'open', count: shares[i] }, 'opened', 'failed')));
    const failed = opened.find((m) => m.type === 'failed');
    if (failed) throw new Error(`fan-out to ${size}: ${failed.error}`);
    const connectSeconds = (performance.now() - connectFrom) / 1000;
    const event = async (body) => {
      readers.forEach((r) => r.forget('done'));
      await Promise.all(readers.map((r) => r.ask({ type: 'arm' }, 'armed')));
      const done = readers.map((r) => r.next('done'));
      const t0 = at();
      await post(body);
      let timer;
      const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(null), 10_000)));
      const reports = await Promise.race([Promise.all(done), timeout]);
      clearTimeout(timer);
      if (!reports) {
        const counts = await Promise.all(readers.map((r) => r.ask({ type: 'count' }, 'count')));
        throw new Error(`fan-out to ${size}: ${counts.reduce((n, c) => n + c.received, 0)} frames arrived for ${body}`);
      }
      return { first: Math.min(...reports.map((r) => r.first)) - t0, last: Math.max(...reports.map((r) => r.last)) - t0 };
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
      readers: readers.length,
      connectSeconds: round(connectSeconds),
      first: { p50: round(percentile(firsts, 50)), p99: round(percentile(firsts, 99)) },
      last: { p50: round(percentile(lasts, 50)), p99: round(percentile(lasts, 99)), max: round(lasts.at(-1)) },
    };
    console.log(
      `fan-out  one message to ${String(size).padStart(5)} subscribers: first frame p50 ${result.first.p50} ms, last frame p50 ${result.last.p50} ms p99 ${result.last.p99} ms (${messages} messages; ${size} sockets opened in ${result.connectSeconds} s; ${readers.length} reader threads)`,
    );
    results.push(result);
    await Promise.all(readers.map((r) => r.ask({ type: 'close' }, 'closed')));
    await Promise.all(readers.map((r) => r.stop()));
    await sleep(500);
  }
  return results;
}
