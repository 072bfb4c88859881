/** Schedules `run` before the next paint; answers a handle for `cancel`. */
export interface FrameClock {
  request(run: () => void): number;
  cancel(handle: number): void;
}

/**
 * A hidden tab gets no frames: past this long a timer runs what waits anyway (background timers still
 * fire about once a second), so a dashboard left in a background tab does not pile up updates.
 */
const HIDDEN_TAB_MS = 1000;
const frameOf = new Map<number, number>();

/** The browser's frames, or a timer when none comes; without frames at all (a test without layout) a 16 ms timer. */
export const browserFrames: FrameClock = {
  request: (run) => {
    if (typeof requestAnimationFrame !== 'function') return setTimeout(run, 16) as unknown as number;
    const timer = setTimeout(() => {
      cancelAnimationFrame(frameOf.get(timer) ?? 0);
      frameOf.delete(timer);
      run();
    }, HIDDEN_TAB_MS) as unknown as number;
    frameOf.set(
      timer,
      requestAnimationFrame(() => {
        clearTimeout(timer);
        frameOf.delete(timer);
        run();
      }),
    );
    return timer;
  },
  cancel: (handle) => {
    clearTimeout(handle);
    const frame = frameOf.get(handle);
    if (frame !== undefined && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    frameOf.delete(handle);
  },
};

/**
 * Values offered between two frames are applied together, at the frame, in the order they came. A
 * busy center pushes updates faster than a screen can draw them (and a burst may land in one frame
 * after a long task): each is small, but drawing each would redraw the tables once per update.
 */
export function frameBatch<T>(options: { apply: (values: T[]) => void; clock?: FrameClock }) {
  const clock = options.clock ?? browserFrames;
  let pending: T[] = [];
  let handle: number | null = null;

  function flush(): void {
    handle = null;
    const values = pending;
    pending = [];
    if (values.length) options.apply(values);
  }

  return {
    offer(value: T): void {
      pending.push(value);
      if (handle === null) handle = clock.request(flush);
    },
    /** Drops what waits: the scope is gone. */
    dispose(): void {
      if (handle !== null) clock.cancel(handle);
      handle = null;
      pending = [];
    },
  };
}
