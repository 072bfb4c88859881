import { describe, expect, it } from 'vitest';
import { cleanLabel, renameRefusal } from '../label.rules.js';

describe('label rules', () => {
  it('stores a name trimmed and lower-case, as chats and people carry it', () => {
    expect(cleanLabel('  Billing ')).toEqual({ ok: true, value: 'billing' });
  });

  it('refuses an empty name and one over 50 characters', () => {
    expect(cleanLabel('   ')).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(cleanLabel('x'.repeat(51))).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });

  it('refuses to rename onto a name that exists, but a rename to itself is no change', () => {
    expect(renameRefusal('a', 'b', true)).toMatch(/already exists/);
    expect(renameRefusal('a', 'b', false)).toBeNull();
    expect(renameRefusal('a', 'a', true)).toBeNull();
  });
});
