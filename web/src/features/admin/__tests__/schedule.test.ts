import { describe, expect, it } from 'vitest';
import { addHoliday, addRange, removeHoliday, removeRange, scheduleProblem, updateRange } from '../schedule';

const empty = { ranges: [], holidays: [] };

describe('schedule editing', () => {
  it('a first range is Monday 09:00 to 18:00', () => {
    expect(addRange(empty).ranges).toEqual([{ day: 1, from: '09:00', to: '18:00' }]);
  });

  it('a further range takes the next day with the same hours', () => {
    const s = addRange(updateRange(addRange(empty), 0, { from: '08:00' }));
    expect(s.ranges[1]).toEqual({ day: 2, from: '08:00', to: '18:00' });
  });

  it('removing a range keeps the others in order', () => {
    const s = addRange(addRange(addRange(empty)));
    expect(removeRange(s, 1).ranges.map((r) => r.day)).toEqual([1, 3]);
  });

  it('holidays are kept once and in date order', () => {
    const s = addHoliday(addHoliday(addHoliday(empty, '2026-12-25'), '2026-01-01'), '2026-12-25');
    expect(s.holidays).toEqual(['2026-01-01', '2026-12-25']);
    expect(removeHoliday(s, '2026-01-01').holidays).toEqual(['2026-12-25']);
  });
});

describe('schedule validation', () => {
  it('accepts ranges up to 24:00', () => {
    expect(scheduleProblem({ ranges: [{ day: 0, from: '00:00', to: '24:00' }], holidays: [] })).toBeNull();
  });

  it('refuses a time that is not HH:mm', () => {
    expect(scheduleProblem({ ranges: [{ day: 0, from: '9:00', to: '18:00' }], holidays: [] })).toBe('rangeTime');
  });

  it('refuses a range that ends before it starts', () => {
    expect(scheduleProblem({ ranges: [{ day: 0, from: '18:00', to: '09:00' }], holidays: [] })).toBe('rangeOrder');
  });

  it('refuses two overlapping ranges on one day', () => {
    const ranges = [
      { day: 2, from: '09:00', to: '13:00' },
      { day: 2, from: '12:00', to: '18:00' },
    ];
    expect(scheduleProblem({ ranges, holidays: [] })).toBe('rangeOverlap');
  });

  it('refuses a holiday that is not a date', () => {
    expect(scheduleProblem({ ranges: [], holidays: ['2026-13-45'] })).toBe('holidayDate');
  });
});
