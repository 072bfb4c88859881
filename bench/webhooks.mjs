// Webhooks as a contact center uses them: a burst of new chats (STARTED events) produced in a few
// seconds, delivered to a healthy receiver on loopback; then the same beside a second hook whose
// receiver never answers, so every one of its requests runs to the time limit. Measured from each
// event's time (its payload's createdAt) to its arrival at the receiver.
import http from 'node:http';
import { gql, percentile, round, sleep } from './engine.mjs';

/** A receiver that notes when each event arrives, or (`hang`) never answers. */
async function receiver({ hang = false } = {}) {
  const arrivals = new Map();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (hang) return;
      const event = JSON.parse(body);
      if (!arrivals.has(event.id)) arrivals.set(event.id, { at: Date.now(), createdAt: Date.parse(event.createdAt) });
      res.writeHead(200).end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    arrivals,
    close: () => new Promise((r) => (server.close(r), server.closeAllConnections())),
  };
}

/** `total` new chats on `campaign`, `inFlight` at a time, as widgets start them; resolves with when the last was made. */
async function startChats(port, campaign, total, inFlight) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      await gql(port, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', { i: { campaignId: campaign, channel: 'WEBCHAT', contact: { name: `w${i}` } } });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return Date.now();
}

/** One burst to the healthy hook: every event arrived?, how long after the last event was made, and event-to-arrival percentiles. */
async function burst(port, campaign, healthy, total, inFlight) {
  healthy.arrivals.clear();
  const began = Date.now();
  const lastMade = await startChats(port, campaign, total, inFlight);
  const deadline = lastMade + 60_000;
  while (healthy.arrivals.size < total && Date.now() < deadline) await sleep(50);
  const seen = [...healthy.arrivals.values()];
  const lags = seen.map((a) => a.at - a.createdAt).sort((a, b) => a - b);
  const lastArrival = Math.max(...seen.map((a) => a.at));
  return {
    events: total,
    arrived: seen.length,
    producedInSeconds: round((lastMade - began) / 1000),
    lastArrivalAfterLastEventSeconds: round((lastArrival - lastMade) / 1000),
    eventToArrival: { p50: round(percentile(lags, 50)), p99: round(percentile(lags, 99)), max: lags.at(-1) },
  };
}

export async function benchWebhooks({ port, adminToken, total = 300, inFlight = 16 }) {
  const campaign = (await gql(port, 'mutation { createCampaign(input: { name: "Webhook bench", routingStrategy: MANUAL }) { id } }', {}, adminToken)).createCampaign.id;
  const healthy = await receiver();
  const stuck = await receiver({ hang: true });
  const hook = async (url) =>
    (await gql(port, 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }', { i: { url, campaignIds: [campaign], eventTypes: ['STARTED'] } }, adminToken)).createWebhook
      .webhook.id;
  try {
    await hook(healthy.url);
    const alone = await burst(port, campaign, healthy, total, inFlight);
    console.log(
      `webhooks ${alone.arrived}/${alone.events} STARTED events (made in ${alone.producedInSeconds} s) reached a healthy receiver, the last ${alone.lastArrivalAfterLastEventSeconds} s after the last event; event-to-arrival p50 ${alone.eventToArrival.p50} ms p99 ${alone.eventToArrival.p99} ms`,
    );
    await hook(stuck.url);
    const besideStuck = await burst(port, campaign, healthy, total, inFlight);
    console.log(
      `webhooks beside a hook that never answers: ${besideStuck.arrived}/${besideStuck.events}, the last ${besideStuck.lastArrivalAfterLastEventSeconds} s after the last event; event-to-arrival p50 ${besideStuck.eventToArrival.p50} ms p99 ${besideStuck.eventToArrival.p99} ms`,
    );
    return { alone, besideStuck, p99Ratio: round(besideStuck.eventToArrival.p99 / Math.max(1, alone.eventToArrival.p99)) };
  } finally {
    await Promise.all([healthy.close(), stuck.close()]);
  }
}
