/**
 * The cross-process bus over a real Redis: a subscription is live once `subscribe` resolves, and
 * a subscriber that never reads holds a fixed number of events, learning that it must catch up.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { REDIS_URL } from './support/database.js';

const require = createRequire(import.meta.url);
const { RedisBus, streamChannels, OVERFLOW } = require(path.resolve(__dirname, '../api/dist/shared/bus.js'));

const clients: Redis[] = [];
const bus = () => {
  const pub = new Redis(REDIS_URL);
  const sub = new Redis(REDIS_URL, { enableReadyCheck: false });
  clients.push(pub, sub);
  return new RedisBus(pub, sub);
};
const channel = () => `test:${randomBytes(6).toString('hex')}`;

afterAll(() => clients.forEach((c) => c.disconnect()));

describe('RedisBus', () => {
  it('delivers an event published by another process right after subscribe resolves', async () => {
    const [a, b] = [bus(), bus()];
    const ch = channel();
    const stream = await streamChannels(a, [ch], 10);
    await b.publish(ch, { n: 1 });
    expect((await stream.next()).value).toEqual({ n: 1 });
    stream.close();
  });

  it('keeps a never-read subscriber to its capacity: the newest events and one overflow marker', async () => {
    const [a, b] = [bus(), bus()];
    const ch = channel();
    const stream = await streamChannels(a, [ch], 50);
    await Promise.all(Array.from({ length: 10_000 }, (_, i) => b.publish(ch, { n: i + 1 })));
    // A second subscriber tells when 'last' has gone through the same connection, so all before it arrived.
    const other = await streamChannels(a, [ch], 50);
    await b.publish(ch, { n: 'last' });
    for (let e = await other.next(); (e.value as any)?.n !== 'last'; e = await other.next());
    const seen = [];
    for (let i = 0; i < 51; i++) seen.push((await stream.next()).value);
    expect(seen[0]).toBe(OVERFLOW);
    expect(seen.at(-1)).toEqual({ n: 'last' });
    expect(seen.slice(1, -1).map((e: any) => e.n)).toEqual(Array.from({ length: 49 }, (_, i) => 10_000 - 48 + i));
    stream.close();
    other.close();
  });

  it('stops listening to Redis when the last subscriber of a channel leaves', async () => {
    const a = bus();
    const ch = channel();
    const s1 = await streamChannels(a, [ch], 10);
    const s2 = await streamChannels(a, [ch], 10);
    const probe = new Redis(REDIS_URL);
    clients.push(probe);
    const count = async () => Number(((await probe.call('PUBSUB', 'NUMSUB', ch)) as [string, number])[1]);
    expect(await count()).toBe(1);
    s1.close();
    expect(await count()).toBe(1);
    s2.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(await count()).toBe(0);
  });
});
