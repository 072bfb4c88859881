import { describe, expect, it } from 'vitest';
import { BoundedStream, MemoryBus, OVERFLOW, streamChannels } from '../bus.js';

async function take<T>(it: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push((await it.next()).value as T);
  return out;
}

describe('a subscriber’s bounded buffer', () => {
  it('delivers in order while the consumer keeps up', async () => {
    const s = new BoundedStream<number>(3);
    s.push(1);
    s.push(2);
    expect(await take(s, 2)).toEqual([1, 2]);
  });

  it('drops the oldest events past its capacity and says so once, so memory stays fixed', async () => {
    const s = new BoundedStream<number>(3);
    for (let i = 1; i <= 10_000; i++) s.push(i);
    expect(await take(s, 4)).toEqual([OVERFLOW, 9998, 9999, 10_000]);
  });

  it('ends a waiting consumer and unsubscribes when closed', async () => {
    let unsubscribed = false;
    const s = new BoundedStream<number>(3, () => (unsubscribed = true));
    const pending = s.next();
    await s.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(unsubscribed).toBe(true);
  });
});

describe('the in-process bus', () => {
  it('delivers a copy to every subscriber of a channel and nothing from others', async () => {
    const bus = new MemoryBus();
    const a = await streamChannels<{ n: number }>(bus, ['x'], 10);
    const b = await streamChannels<{ n: number }>(bus, ['x', 'y'], 10);
    const payload = { n: 1 };
    await bus.publish('x', payload);
    await bus.publish('z', { n: 2 });
    await bus.publish('y', { n: 3 });
    const [fromA] = await take(a, 1);
    expect(fromA).toEqual({ n: 1 });
    expect(fromA).not.toBe(payload);
    expect(await take(b, 2)).toEqual([{ n: 1 }, { n: 3 }]);
  });
});
