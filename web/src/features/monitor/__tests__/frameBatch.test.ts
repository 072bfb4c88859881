import { describe, expect, it, vi } from 'vitest';
import { browserFrames, frameBatch, type FrameClock } from '../frameBatch';

/** A clock whose frames come only when the test says so. */
function manualFrames() {
  const waiting = new Map<number, () => void>();
  let next = 1;
  const clock: FrameClock = {
    request: (run) => (waiting.set(next, run), next++),
    cancel: (handle) => void waiting.delete(handle),
  };
  const frame = () => {
    const runs = [...waiting.values()];
    waiting.clear();
    runs.forEach((run) => run());
  };
  return { clock, frame, scheduled: () => waiting.size };
}

function harness() {
  const frames = manualFrames();
  const applied: number[][] = [];
  const batch = frameBatch<number>({ apply: (values) => applied.push(values), clock: frames.clock });
  return { batch, applied, frames };
}

describe('updates applied per frame', () => {
  it('applies every update that arrived within one frame together, in order, at the frame', () => {
    const { batch, applied, frames } = harness();
    [1, 2, 3].forEach((n) => batch.offer(n));
    expect(applied).toEqual([]);
    expect(frames.scheduled()).toBe(1);
    frames.frame();
    expect(applied).toEqual([[1, 2, 3]]);
  });

  it('asks for no frame while nothing waits, and for one again when an update arrives after a frame', () => {
    const { batch, applied, frames } = harness();
    batch.offer(1);
    frames.frame();
    expect(frames.scheduled()).toBe(0);
    batch.offer(2);
    frames.frame();
    expect(applied).toEqual([[1], [2]]);
  });

  it('applies nothing once disposed', () => {
    const { batch, applied, frames } = harness();
    batch.offer(1);
    batch.dispose();
    frames.frame();
    expect(applied).toEqual([]);
  });
});

describe('the browser clock', () => {
  it('runs what waits within a second even when no frame comes (a hidden tab)', () => {
    vi.useFakeTimers();
    const frames = new Map<number, () => void>();
    let id = 0;
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => (frames.set(++id, run), id));
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => frames.delete(handle));
    const frame = () => {
      const runs = [...frames.values()];
      frames.clear();
      runs.forEach((run) => run());
    };
    try {
      let runs = 0;
      browserFrames.request(() => runs++);
      vi.advanceTimersByTime(999);
      expect(runs).toBe(0);
      vi.advanceTimersByTime(1);
      expect(runs).toBe(1);
      // The timer took the frame back; a frame that comes first stops the timer.
      expect(frames.size).toBe(0);
      browserFrames.request(() => runs++);
      frame();
      vi.advanceTimersByTime(2000);
      expect(runs).toBe(2);
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });
});
