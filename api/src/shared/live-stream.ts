/** Where a pushed stream's values go, each handed over synchronously as it is emitted. */
export interface Sink<T> {
  /** Takes a value; false when it wants no more until the stream's `resume` is called. */
  next(value: T): boolean;
  end(): void;
  fail(error: unknown): void;
}

/**
 * A subscription's output that can be read two ways. Read as an async iterator (graphql-js, a test),
 * it queues what is emitted. Attached to a sink (a socket), every value is handed over in the call
 * that emits it: an event heard by a thousand subscribers goes from the bus to a thousand sockets
 * in one loop, with no promise per subscriber between them.
 *
 * Either way the producer learns when its consumer is full (`emit` answers false) and waits for
 * `ready` before it goes on, so a subscriber that stops reading costs a bounded amount of memory;
 * what it missed meanwhile the producer recovers from storage or tells it to refetch.
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private sink: Sink<T> | null = null;
  private reader: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | null = null;
  private readyWaiters: (() => void)[] = [];
  private full = false;
  private ended = false;
  private error: { cause: unknown } | null = null;
  private closedByConsumer = false;
  private readonly releases: (() => void)[] = [];

  constructor(private readonly capacity: number) {}

  /** True once nothing more will be delivered: the producer stops. */
  get closed(): boolean {
    return this.closedByConsumer || this.ended;
  }

  /** Runs when the stream closes, however it closes (the producer's end, the consumer's return). */
  onClose(release: () => void): void {
    if (this.closed) release();
    else this.releases.push(release);
  }

  /** Delivers a value; false when the consumer is full and the producer should wait for `ready`. */
  emit(value: T): boolean {
    if (this.closed) return false;
    if (this.sink) {
      if (!this.sink.next(value)) this.full = true;
    } else if (this.reader) {
      const { resolve } = this.reader;
      this.reader = null;
      resolve({ value, done: false });
    } else {
      this.queue.push(value);
      if (this.queue.length >= this.capacity) this.full = true;
    }
    return !this.full;
  }

  /** Resolves when the consumer can take values again, or the stream closed. */
  ready(): Promise<void> {
    if (!this.full || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** The sink is backed up, learnt after it took a value: the next `emit` tells the producer to wait. */
  pause(): void {
    if (this.sink) this.full = true;
  }

  /** The sink has room again. */
  resume(): void {
    if (!this.full) return;
    this.full = false;
    this.wake();
  }

  /** The producer is done: the consumer gets what was emitted, then the end. */
  end(): void {
    if (this.closed) return;
    this.ended = true;
    this.release();
    if (this.sink) {
      if (this.error) this.sink.fail(this.error.cause);
      else this.sink.end();
    } else if (this.reader && this.queue.length === 0) this.settleReader();
  }

  /** The producer failed: the consumer gets what was emitted, then the error. */
  fail(cause: unknown): void {
    if (this.closed) return;
    this.error = { cause };
    this.end();
  }

  /** From now on every value goes straight to `sink`; what was queued goes first. */
  attach(sink: Sink<T>): void {
    this.sink = sink;
    const queued = this.queue.splice(0);
    this.full = false;
    for (const value of queued) if (!sink.next(value)) this.full = true;
    if (this.ended) {
      if (this.error) sink.fail(this.error.cause);
      else sink.end();
    } else if (!this.full) this.wake();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) {
      const value = this.queue.shift()!;
      if (this.queue.length === 0) this.resume();
      return Promise.resolve({ value, done: false });
    }
    if (this.closedByConsumer) return Promise.resolve({ value: undefined, done: true });
    if (this.ended) return this.error ? Promise.reject(this.error.cause) : Promise.resolve({ value: undefined, done: true });
    this.resume();
    return new Promise((resolve, reject) => (this.reader = { resolve, reject }));
  }

  /** The consumer leaves: the producer is released and stops. */
  return(): Promise<IteratorResult<T>> {
    if (!this.closedByConsumer) {
      this.closedByConsumer = true;
      this.queue.length = 0;
      this.release();
      this.wake();
      if (this.reader) this.reader.resolve({ value: undefined, done: true });
      this.reader = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private settleReader(): void {
    const reader = this.reader!;
    this.reader = null;
    if (this.error) reader.reject(this.error.cause);
    else reader.resolve({ value: undefined, done: true });
  }

  private wake(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private release(): void {
    for (const release of this.releases.splice(0)) release();
    this.wake();
  }
}
