import { describe, expect, it } from 'vitest';
import { formatDuration } from '../duration';

describe('a length as people read it', () => {
  it('shows minutes and seconds, counting whole seconds', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(3.999)).toBe('0:03');
    expect(formatDuration(61)).toBe('1:01');
    expect(formatDuration(600)).toBe('10:00');
  });

  it('adds hours only when there are any', () => {
    expect(formatDuration(3729)).toBe('1:02:09');
  });

  it('never goes below zero', () => {
    expect(formatDuration(-3)).toBe('0:00');
  });
});
