import { describe, expect, it } from 'vitest';
import { isEmail } from '../email';

describe('recognising an e-mail address', () => {
  it('takes an address, with spaces around it', () => {
    expect(isEmail('ana@example.com')).toBe(true);
    expect(isEmail('  ana@example.com ')).toBe(true);
  });

  it('refuses an obvious typo', () => {
    expect(isEmail('ana@example')).toBe(false);
    expect(isEmail('ana example.com')).toBe(false);
    expect(isEmail('ana@exa mple.com')).toBe(false);
    expect(isEmail('')).toBe(false);
  });
});
