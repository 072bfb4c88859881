import type Redis from 'ioredis';

type Listener = (payload: unknown) => void;

/**
 * Cross-process pub/sub. `subscribe` resolves only once the broker has confirmed the
 * subscription: a caller that then reads the database for catch-up cannot miss an event
 * published in between (Yoga's Redis event target does not expose that moment, which is why
 * this small adapter exists).
 */
export interface Bus {
  /** One payload on one channel or several, serialised once. */
  publish(channel: string | readonly string[], payload: unknown): Promise<void>;
  subscribe(channel: string, listener: Listener): Promise<() => void>;
  readonly distributed: boolean;
  /**
   * Calls `listener` whenever events may have been lost in transit (the broker connection came back
   * and its channels are live again), so streams catch up from storage. A bus that cannot lose events omits it.
   */
  onGap?(listener: () => void): () => void;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Counts, for /metrics, the events dropped because a subscriber fell too far behind. */
export const busStats = { dropped: 0, published: 0 };

class Fanout {
  private readonly listeners = new Map<string, Set<Listener>>();

  add(channel: string, listener: Listener): boolean {
    let set = this.listeners.get(channel);
    const first = set === undefined;
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return first;
  }

  remove(channel: string, listener: Listener): boolean {
    const set = this.listeners.get(channel);
    if (!set) return false;
    set.delete(listener);
    if (set.size > 0) return false;
    this.listeners.delete(channel);
    return true;
  }

  channels(): string[] {
    return [...this.listeners.keys()];
  }

  dispatch(channel: string, payload: unknown): void {
    const set = this.listeners.get(channel);
    if (!set) return;
    for (const listener of set) listener(payload);
  }
}

/** For a single process without Redis. */
export class MemoryBus implements Bus {
  readonly distributed = false;
  private readonly fanout = new Fanout();

  async publish(channel: string | readonly string[], payload: unknown): Promise<void> {
    const text = JSON.stringify(payload);
    for (const c of typeof channel === 'string' ? [channel] : channel) {
      busStats.published++;
      // A copy keeps subscribers from sharing (and mutating) the publisher's object, as over Redis.
      const copy = JSON.parse(text);
      queueMicrotask(() => this.fanout.dispatch(c, copy));
    }
  }

  async subscribe(channel: string, listener: Listener): Promise<() => void> {
    this.fanout.add(channel, listener);
    return () => void this.fanout.remove(channel, listener);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}

export class RedisBus implements Bus {
  readonly distributed = true;
  private readonly fanout = new Fanout();
  /** Channels whose SUBSCRIBE is in flight, so concurrent subscribers wait for the same reply. */
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly gapListeners = new Set<() => void>();

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
  ) {
    // Whatever was published while the subscriber connection was down (Redis restarted) never
    // arrives. ioredis subscribes again on reconnect; once our own SUBSCRIBE, queued behind those,
    // is answered, every channel is live again and every stream is told to catch up from storage.
    // The first 'ready' is the first connection: nothing was published to it before, so nothing was
    // missed, and telling every stream to catch up would only make them read storage for nothing.
    let connectedBefore = sub.status === 'ready';
    sub.on('ready', () => {
      if (connectedBefore) void this.resynchronize();
      connectedBefore = true;
    });
    sub.on('message', (channel: string, message: string) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        return;
      }
      this.fanout.dispatch(channel, payload);
    });
  }

  async publish(channel: string | readonly string[], payload: unknown): Promise<void> {
    const text = JSON.stringify(payload);
    if (typeof channel === 'string') {
      busStats.published++;
      await this.pub.publish(channel, text);
      return;
    }
    busStats.published += channel.length;
    await Promise.all(channel.map((c) => this.pub.publish(c, text)));
  }

  async subscribe(channel: string, listener: Listener): Promise<() => void> {
    try {
      if (this.fanout.add(channel, listener)) {
        const reply = this.sub.subscribe(channel);
        this.pending.set(channel, reply);
        try {
          await reply;
        } finally {
          this.pending.delete(channel);
        }
      } else {
        await this.pending.get(channel);
      }
    } catch (err) {
      // A failed SUBSCRIBE must not leave the listener behind: the next subscriber would see a
      // channel that looks subscribed and never hear anything on it.
      this.fanout.remove(channel, listener);
      throw err;
    }
    return () => {
      if (this.fanout.remove(channel, listener)) void this.sub.unsubscribe(channel).catch(() => undefined);
    };
  }

  onGap(listener: () => void): () => void {
    this.gapListeners.add(listener);
    return () => void this.gapListeners.delete(listener);
  }

  private async resynchronize(): Promise<void> {
    const channels = this.fanout.channels();
    try {
      if (channels.length > 0) await this.sub.subscribe(...channels);
    } catch {
      return; // the connection dropped again: its next 'ready' resynchronizes
    }
    for (const listener of this.gapListeners) listener();
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.sub.disconnect();
    this.pub.disconnect();
  }
}

/** A marker a stream yields after it dropped events, so its consumer can catch up from storage. */
export const OVERFLOW = Symbol('overflow');
export type Overflow = typeof OVERFLOW;

/**
 * A bounded queue read as an async iterator: when the consumer falls `capacity` events behind,
 * the oldest are dropped and one OVERFLOW marker takes their place, so a slow client costs a
 * fixed amount of memory and still learns that it must catch up.
 */
export class BoundedStream<T> implements AsyncIterableIterator<T | Overflow> {
  private readonly queue: (T | Overflow)[] = [];
  private waiter: ((r: IteratorResult<T | Overflow>) => void) | null = null;
  private done = false;

  constructor(
    private readonly capacity: number,
    private readonly onClose: () => void = () => undefined,
  ) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w({ value, done: false });
      return;
    }
    if (this.queue.length >= this.capacity) {
      busStats.dropped++;
      const firstReal = this.queue[0] === OVERFLOW ? 1 : 0;
      this.queue.splice(firstReal, 1);
      if (firstReal === 0) this.queue.unshift(OVERFLOW);
    }
    this.queue.push(value);
  }

  /** Events may have been lost before they reached this stream: the consumer catches up from storage. */
  gap(): void {
    if (this.done) return;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w({ value: OVERFLOW, done: false });
    } else if (this.queue.at(-1) !== OVERFLOW) this.queue.push(OVERFLOW);
  }

  next(): Promise<IteratorResult<T | Overflow>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** Discards what is queued: for a consumer that only needs to know that something happened. */
  drain(): void {
    this.queue.length = 0;
  }

  return(): Promise<IteratorResult<T | Overflow>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.onClose();
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w({ value: undefined, done: true });
    }
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * Calls `listener` with every event of several channels, synchronously as the bus dispatches it, and
 * with OVERFLOW where events may have been lost in transit; resolves once every channel is
 * subscribed, with the way to stop.
 */
export async function listenChannels<T>(bus: Bus, channels: string[], listener: (event: T | Overflow) => void): Promise<() => void> {
  const unsubscribes: (() => void)[] = [];
  const stop = () => unsubscribes.splice(0).forEach((u) => u());
  const results = await Promise.allSettled(channels.map((c) => bus.subscribe(c, (p) => listener(p as T))));
  for (const r of results) if (r.status === 'fulfilled') unsubscribes.push(r.value);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    stop();
    throw failed.reason;
  }
  if (bus.onGap) unsubscribes.push(bus.onGap(() => listener(OVERFLOW)));
  return stop;
}

/** Events of several channels as one bounded stream; resolves once every channel is subscribed. */
export async function streamChannels<T>(bus: Bus, channels: string[], capacity: number): Promise<BoundedStream<T>> {
  let stop: () => void = () => undefined;
  const stream = new BoundedStream<T>(capacity, () => stop());
  stop = await listenChannels<T>(bus, channels, (event) => (event === OVERFLOW ? stream.gap() : stream.push(event)));
  return stream;
}
