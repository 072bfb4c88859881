import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime } from '../time';

describe('times on screen', () => {
  it('read in the campaign’s time zone when one is given', () => {
    const at = '2026-11-21T15:05:00Z';
    expect(formatClock(at, 'en-GB', 'America/Sao_Paulo')).toBe('12:05');
    expect(formatClock(at, 'en-GB', 'Asia/Tokyo')).toBe('00:05');
    expect(formatDateTime(at, 'en-GB', 'Asia/Tokyo')).toBe('22/11/2026, 00:05');
  });
});
