import { describe, expect, it } from 'vitest';
import { admitFiles, formatSize, MAX_FILE_BYTES, progressOf } from '../uploadRules';

const file = (name: string, size = 100) => ({ name, size });

describe('choosing files for a message', () => {
  it('takes files up to five per message, counting those already attached', () => {
    const { accepted, refused } = admitFiles(3, [file('a'), file('b'), file('c')]);
    expect(accepted.map((f) => f.name)).toEqual(['a', 'b']);
    expect(refused).toEqual([{ file: file('c'), reason: 'tooMany' }]);
  });

  it('refuses a file over 10 MB but still takes the next one', () => {
    const { accepted, refused } = admitFiles(0, [file('big', MAX_FILE_BYTES + 1), file('small')]);
    expect(accepted.map((f) => f.name)).toEqual(['small']);
    expect(refused).toEqual([{ file: file('big', MAX_FILE_BYTES + 1), reason: 'tooBig' }]);
  });

  it('takes a file of exactly 10 MB', () => {
    expect(admitFiles(0, [file('edge', MAX_FILE_BYTES)]).accepted).toHaveLength(1);
  });
});

describe('showing a size', () => {
  it('uses the largest unit below 1000 with one decimal under ten', () => {
    expect(formatSize(2_400_000, 'en')).toBe('2.4 MB');
    expect(formatSize(840_000, 'en')).toBe('840 kB');
    expect(formatSize(12, 'en')).toBe('12 B');
    expect(formatSize(2_400_000, 'pt')).toBe('2,4 MB');
  });
});

describe('upload progress', () => {
  it('is 0 while the total is unknown and never above 1', () => {
    expect(progressOf(10, 0)).toBe(0);
    expect(progressOf(150, 100)).toBe(1);
    expect(progressOf(25, 100)).toBe(0.25);
  });
});
