import { describe, expect, it } from 'vitest';
import { busyRows, hourLabel, levelRange, newerToday, todayRows } from '../todayRules';

const hour = (h: number, received = 0, serviceLevel: number | null = null) => ({ hour: h, received, answered: received, answeredWithinLevel: received, abandoned: 0, serviceLevel });

describe('today’s rows', () => {
  it('label every hour of the day in order, with the level in whole percent', () => {
    const rows = todayRows([hour(10, 3, 2 / 3), hour(9, 1, 1)]);
    expect(rows.map((r) => r.label)).toEqual(['09:00', '10:00']);
    expect(rows.map((r) => r.serviceLevel)).toEqual([100, 67]);
    expect(hourLabel(0)).toBe('00:00');
  });

  it('keep an hour without counted chats without a level, not at zero', () => {
    expect(todayRows([hour(8, 2, null)])[0]!.serviceLevel).toBeNull();
  });

  it('put in words only the hours in which chats arrived', () => {
    expect(busyRows(todayRows([hour(0), hour(1, 2, 1), hour(2)])).map((r) => r.hour)).toEqual([1]);
  });

  it('keep the later picture', () => {
    expect(newerToday({ generatedAt: '2026-11-21T10:00:01Z' }, { generatedAt: '2026-11-21T10:00:00Z' })).toBe(false);
    expect(newerToday(null, { generatedAt: '2026-11-21T10:00:00Z' })).toBe(true);
  });

  it('name the campaigns’ levels once, or as a range when they differ', () => {
    expect(levelRange([30, 30])).toBe('30');
    expect(levelRange([60, 20, 30])).toBe('20–60');
    expect(levelRange([])).toBeNull();
  });
});
