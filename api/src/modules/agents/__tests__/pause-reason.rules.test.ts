import { describe, expect, it } from 'vitest';
import { cleanPauseName, validPauseIcon } from '../pause-reason.rules.js';

describe('pause reason rules', () => {
  it('keeps a name trimmed and refuses an empty or overlong one', () => {
    expect(cleanPauseName('  Lunch ')).toBe('Lunch');
    expect(cleanPauseName('   ')).toBeNull();
    expect(cleanPauseName('x'.repeat(61))).toBeNull();
  });

  it('takes icon names of the web app only', () => {
    expect(['coffee', 'first-aid', 'Coffee', 'a b', ''].map(validPauseIcon)).toEqual([true, true, false, false, false]);
  });
});
