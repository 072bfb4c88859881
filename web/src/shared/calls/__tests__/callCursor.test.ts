import { describe, expect, it } from 'vitest';
import { HeardCallEvents } from '../callCursor';

describe('heard call events', () => {
  it('take each event once, even when a resumed stream repeats it or events of two calls cross', () => {
    const heard = new HeardCallEvents();
    expect(heard.take('12')).toBe(true);
    expect(heard.take('11')).toBe(true);
    expect(heard.take('12')).toBe(false);
    expect(heard.take('11')).toBe(false);
  });

  it('resume after the latest cursor heard, comparing them as numbers', () => {
    const heard = new HeardCallEvents();
    expect(heard.resumeFrom('7')).toBe('7');
    heard.take('9');
    heard.take('10');
    expect(heard.resumeFrom('7')).toBe('10');
    expect(heard.resumeFrom('25')).toBe('25');
  });
});
