// One reader thread of the fan-out bench: its share of the subscriber sockets, each a bare
// graphql-transport-ws client that only counts frames. For each event it reports the absolute time of
// its first and its last frame (timeOrigin + now, comparable across threads).
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { port, token, interactionId, query } = workerData;
const at = () => performance.timeOrigin + performance.now();
let expected = 0;
let received = 0;
let firstAt = 0;

function subscriber() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws', { perMessageDeflate: false });
    let acknowledged = false;
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    ws.on('message', (data) => {
      if (acknowledged) {
        if (!data.includes('"next"')) {
          if (!data.includes('"pong"')) console.error(`fan-out subscriber got ${String(data).slice(0, 200)}`);
          return;
        }
        const now = at();
        if (received === 0) firstAt = now;
        if (++received === expected) parentPort.postMessage({ type: 'done', first: firstAt, last: now });
        return;
      }
      const message = JSON.parse(String(data));
      if (message.type !== 'connection_ack') return reject(new Error(`not acknowledged: ${String(data)}`));
      acknowledged = true;
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { id: interactionId } } }));
      resolve(ws);
    });
  });
}

const sockets = [];
parentPort.on('message', async (message) => {
  if (message.type === 'open') {
    try {
      // A crowd arriving, not one connection storm.
      for (let i = 0; i < message.count; i += 100) sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, message.count - i) }, subscriber))));
      parentPort.postMessage({ type: 'opened' });
    } catch (err) {
      parentPort.postMessage({ type: 'failed', error: String(err) });
    }
  } else if (message.type === 'arm') {
    expected = sockets.length;
    received = 0;
    firstAt = 0;
    parentPort.postMessage({ type: 'armed' });
  } else if (message.type === 'count') {
    parentPort.postMessage({ type: 'count', received });
  } else if (message.type === 'close') {
    await Promise.all(sockets.map((ws) => new Promise((r) => (ws.once('close', r), ws.close()))));
    parentPort.postMessage({ type: 'closed' });
  }
});
