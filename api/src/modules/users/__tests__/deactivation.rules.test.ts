import { describe, expect, it } from 'vitest';
import { deactivationRefusal } from '../user.rules.js';

describe('deactivating people', () => {
  it('refuses an administrator deactivating themself, so nobody locks themself out', () => {
    expect(deactivationRefusal('me', 'me', false)).toMatch(/yourself/);
  });

  it('lets an administrator deactivate anyone else and reactivate anyone', () => {
    expect(deactivationRefusal('me', 'them', false)).toBeNull();
    expect(deactivationRefusal('me', 'me', true)).toBeNull();
  });
});
