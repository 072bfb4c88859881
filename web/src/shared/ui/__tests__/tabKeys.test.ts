import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '../tabKeys';

describe('tab keys', () => {
  const tabs = ['all', 'needs-help', 'closed'];

  it('move with the arrows and wrap round', () => {
    expect(tabAfterKey(tabs, 'all', 'ArrowRight')).toBe('needs-help');
    expect(tabAfterKey(tabs, 'closed', 'ArrowRight')).toBe('all');
    expect(tabAfterKey(tabs, 'all', 'ArrowLeft')).toBe('closed');
  });

  it('jump to the ends', () => {
    expect(tabAfterKey(tabs, 'needs-help', 'Home')).toBe('all');
    expect(tabAfterKey(tabs, 'needs-help', 'End')).toBe('closed');
  });

  it('ignore other keys and an empty list', () => {
    expect(tabAfterKey(tabs, 'all', 'Enter')).toBeNull();
    expect(tabAfterKey([], 'all', 'ArrowRight')).toBeNull();
  });
});
