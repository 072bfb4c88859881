// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fold } from '../fold';

describe('folding text for a search', () => {
  it('ignores case and accents', () => {
    expect(fold('José PÉREZ')).toBe('jose perez');
    expect(fold('São Paulo')).toBe(fold('sao paulo'));
  });

  it('keeps letters that are not an accented form of another', () => {
    expect(fold('Straße ß ø')).toBe('straße ß ø');
  });
});
