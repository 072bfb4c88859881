import { describe, expect, it } from 'vitest';
import { LiveStream, type Sink } from '../live-stream.js';

function recorder(room = Infinity) {
  const got: number[] = [];
  const log: string[] = [];
  const sink: Sink<number> = {
    next: (v) => {
      got.push(v);
      return got.length < room;
    },
    end: () => log.push('end'),
    fail: (e) => log.push(`fail ${String(e)}`),
  };
  return { got, log, sink };
}

describe('LiveStream read as an iterator', () => {
  it('gives what was emitted, in order, then the end', async () => {
    const s = new LiveStream<number>(10);
    s.emit(1);
    s.emit(2);
    s.end();
    const got: number[] = [];
    for await (const v of s) got.push(v);
    expect(got).toEqual([1, 2]);
  });

  it('tells the producer to wait when the reader falls capacity behind, and wakes it when the reader catches up', async () => {
    const s = new LiveStream<number>(2);
    expect(s.emit(1)).toBe(true);
    expect(s.emit(2)).toBe(false);
    let woken = false;
    const ready = s.ready().then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    await s.next();
    await s.next();
    await ready;
    expect(woken).toBe(true);
  });

  it('hands a failure to the reader after what came before it', async () => {
    const s = new LiveStream<number>(10);
    s.emit(1);
    s.fail(new Error('storage away'));
    expect(await s.next()).toEqual({ value: 1, done: false });
    await expect(s.next()).rejects.toThrow('storage away');
  });

  it('releases its producer when the reader leaves, and wakes a producer that waited', async () => {
    const s = new LiveStream<number>(1);
    let released = 0;
    s.onClose(() => released++);
    s.emit(1);
    const ready = s.ready();
    await s.return();
    await ready;
    expect(released).toBe(1);
    expect(s.closed).toBe(true);
    expect(s.emit(2)).toBe(false);
    expect(await s.next()).toEqual({ value: undefined, done: true });
  });
});

describe('LiveStream attached to a sink', () => {
  it('hands over what was queued first, then each value in the call that emits it', () => {
    const s = new LiveStream<number>(10);
    s.emit(1);
    const { got, sink } = recorder();
    s.attach(sink);
    expect(got).toEqual([1]);
    s.emit(2);
    expect(got).toEqual([1, 2]);
  });

  it('makes the producer wait while the sink is backed up, until the sink resumes it', async () => {
    const s = new LiveStream<number>(10);
    const { got, sink } = recorder(2);
    s.attach(sink);
    expect(s.emit(1)).toBe(true);
    expect(s.emit(2)).toBe(false);
    let woken = false;
    const ready = s.ready().then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    s.resume();
    await ready;
    expect(woken).toBe(true);
    expect(got).toEqual([1, 2]);
  });

  it('takes a backlog learnt late (pause) as full, and tells the end and a failure to the sink', () => {
    const ended = new LiveStream<number>(10);
    const a = recorder();
    ended.attach(a.sink);
    ended.pause();
    expect(ended.emit(1)).toBe(false);
    ended.end();
    expect(a.log).toEqual(['end']);
    const failed = new LiveStream<number>(10);
    failed.fail('gone');
    const b = recorder();
    failed.attach(b.sink);
    expect(b.log).toEqual(['fail gone']);
    const failing = new LiveStream<number>(10);
    const c = recorder();
    failing.attach(c.sink);
    failing.fail('storage away');
    expect(c.log).toEqual(['fail storage away']);
  });
});
