// What this machine can do before Parley does anything: a PostgreSQL insert committed, a Redis
// publish, a loopback round trip between two processes. Every other figure reads against these.
// `node bench/calibrate.mjs --echo` is the echo server the round trip is measured against.
import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import pg from 'pg';
import { percentile, saturate } from './engine.mjs';

if (process.argv.includes('--echo')) {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.pipe(socket);
  });
  server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
  process.on('SIGTERM', () => process.exit(0));
}

const summary = (times, seconds) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, perSecond: Math.round(sorted.length / seconds), p50us: Math.round(percentile(sorted, 50) * 1000), p99us: Math.round(percentile(sorted, 99) * 1000) };
};

/** Sequential operations for `seconds`: latency of each (µs in the summary) and how many per second. */
async function sequential(seconds, op) {
  const times = [];
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  while (performance.now() < until) {
    const t = performance.now();
    await op(times.length);
    times.push(performance.now() - t);
  }
  return summary(times, (performance.now() - t0) / 1000);
}

/** `workers` concurrent loops of `op` for `seconds`: operations per second at that concurrency. */
async function concurrent(seconds, workers, op) {
  const t0 = performance.now();
  const done = await saturate(seconds, workers, op);
  return Math.round(done / ((performance.now() - t0) / 1000));
}

async function calibratePostgres(databaseUrl, seconds) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  await pool.query('create table calibration (id bigserial primary key, chat_id text not null, body text not null, created_at timestamptz not null default now())');
  const insert = (i) => pool.query('insert into calibration (chat_id, body) values ($1, $2)', [`chat-${i % 50}`, `calibration message ${i}`]);
  const one = await sequential(seconds, insert);
  const tenConnections = await concurrent(seconds, 10, insert);
  await pool.query('drop table calibration');
  await pool.end();
  return { insert: one, insertsPerSecondTenConnections: tenConnections };
}

async function calibrateRedis(redisUrl, seconds) {
  const redis = new Redis(redisUrl);
  const payload = JSON.stringify({ body: 'calibration message', sequence: 1 });
  const one = await sequential(seconds, () => redis.publish('parley-calibration', payload));
  // Many publishes in flight on one connection, as a busy server's bus sends them.
  const pipelined = await concurrent(seconds, 32, () => redis.publish('parley-calibration', payload));
  redis.disconnect();
  return { publish: one, publishesPerSecondPipelined: pipelined };
}

async function calibrateLoopback(seconds) {
  const echo = fork(fileURLToPath(import.meta.url), ['--echo'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    const port = await new Promise((resolve) => echo.on('message', (m) => m?.type === 'ready' && resolve(m.port)));
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise((r) => socket.once('connect', r));
    const message = Buffer.alloc(64, 'x');
    const roundTrip = () =>
      new Promise((resolve) => {
        let got = 0;
        const onData = (d) => {
          got += d.length;
          if (got >= message.length) {
            socket.off('data', onData);
            resolve();
          }
        };
        socket.on('data', onData);
        socket.write(message);
      });
    const result = await sequential(seconds, roundTrip);
    socket.destroy();
    return { roundTrip: result };
  } finally {
    echo.kill('SIGTERM');
  }
}

/** Each part for `seconds` (twice for PostgreSQL and Redis: one at a time, then many at once). */
export async function calibrate({ databaseUrl, redisUrl, seconds = 3 }) {
  const postgres = await calibratePostgres(databaseUrl, seconds);
  const redis = await calibrateRedis(redisUrl, seconds);
  const loopback = await calibrateLoopback(seconds);
  return { postgres, redis, loopback };
}
