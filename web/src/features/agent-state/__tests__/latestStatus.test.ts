import { describe, expect, it } from 'vitest';
import { latestStatus } from '../latestStatus';

const status = (state: string, stateChangedAt: string) => ({ state, stateChangedAt });

describe('the agent’s state from two sources', () => {
  it('keeps a later change over an older answer that arrives after it', () => {
    const routedIn = status('BUSY', '2026-01-01T10:00:02.000Z');
    expect(latestStatus(routedIn, status('FREE', '2026-01-01T10:00:01.000Z'))).toBe(routedIn);
  });

  it('takes a newer report', () => {
    const paused = status('FREE_IN_BREAK', '2026-01-01T10:00:03.000Z');
    expect(latestStatus(status('FREE', '2026-01-01T10:00:01.000Z'), paused)).toBe(paused);
  });

  it('takes the incoming report on a tie, and the first one', () => {
    const again = status('BUSY', '2026-01-01T10:00:01.000Z');
    expect(latestStatus(status('BUSY', '2026-01-01T10:00:01.000Z'), again)).toBe(again);
    expect(latestStatus(null, again)).toBe(again);
  });
});
