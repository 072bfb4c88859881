/** A subscription as an integrator holds it: iterate it, or hand it a callback; stop it when done. */
export interface Stream<T> extends AsyncIterable<T> {
  /** Ends the subscription: iteration finishes and `done` resolves. Safe to call more than once. */
  stop(): void;
  /** Settles when the stream ends: resolves when stopped or completed by the server, rejects with what ended it otherwise. */
  readonly done: Promise<void>;
}

/** How a stream hands over what arrives. */
export interface StreamOptions<T> {
  /**
   * The callback form: each item is handed here, in order, the moment it arrives (iteration then
   * yields nothing). A callback that throws stops the stream with that error.
   */
  onData?: (item: T) => void;
  /** Called once if the stream fails; the failure also rejects `done` and ends iteration by throwing. */
  onError?: (err: Error) => void;
}

type State = { phase: 'OPEN' } | { phase: 'ENDED' } | { phase: 'FAILED'; error: Error };

/**
 * The delivery side of a stream: what is pushed is queued for one iterating consumer, or handed to
 * the callback. The queue is unbounded: a consumer that stops reading holds what arrives meanwhile
 * (the server, for its part, holds nothing for it).
 */
export class Outlet<T> implements Stream<T> {
  private state: State = { phase: 'OPEN' };
  private readonly queue: T[] = [];
  private wake: (() => void) | null = null;
  private settle!: { resolve: () => void; reject: (err: Error) => void };
  readonly done: Promise<void>;

  constructor(
    private readonly options: StreamOptions<T>,
    /** Releases what feeds the stream (the subscription); called once, whichever way the stream ends. */
    private readonly release: () => void,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // Nobody has to await `done`: a failure it carries is not an unhandled rejection.
    this.done.catch(() => undefined);
  }

  get open(): boolean {
    return this.state.phase === 'OPEN';
  }

  push(item: T): void {
    if (!this.open) return;
    if (!this.options.onData) {
      this.queue.push(item);
      return this.notify();
    }
    try {
      this.options.onData(item);
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** The server completed the stream, or the consumer stopped it. */
  end(): void {
    if (!this.open) return;
    this.state = { phase: 'ENDED' };
    this.release();
    this.settle.resolve();
    this.notify();
  }

  fail(error: Error): void {
    if (!this.open) return;
    this.state = { phase: 'FAILED', error };
    this.release();
    this.options.onError?.(error);
    this.settle.reject(error);
    this.notify();
  }

  stop(): void {
    this.end();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: async (): Promise<IteratorResult<T>> => {
        for (;;) {
          if (this.queue.length > 0) return { value: this.queue.shift()!, done: false };
          if (this.state.phase === 'FAILED') throw this.state.error;
          if (this.state.phase === 'ENDED') return { value: undefined, done: true };
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      },
      // Leaving a for-await loop (break, return, throw) ends the subscription.
      return: async (): Promise<IteratorResult<T>> => {
        this.queue.length = 0;
        this.stop();
        return { value: undefined, done: true };
      },
    };
  }
}
