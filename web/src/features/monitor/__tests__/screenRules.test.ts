import { describe, expect, it } from 'vitest';
import { screenBlock } from '../screenRules';

describe('who can be asked to share a screen', () => {
  it('is an agent who allows it and is signed in, whether free, busy or on a break', () => {
    for (const state of ['FREE', 'BUSY', 'FREE_IN_BREAK', 'BUSY_IN_BREAK'] as const) expect(screenBlock({ state }, true)).toBeNull();
  });

  it('is never an agent who does not allow it', () => {
    expect(screenBlock({ state: 'FREE' }, false)).toBe('notAllowed');
    expect(screenBlock({ state: 'DISCONNECTED' }, false)).toBe('notAllowed');
  });

  it('is not an agent who is signed out', () => {
    expect(screenBlock({ state: 'DISCONNECTED' }, true)).toBe('offline');
  });
});
