import { describe, expect, it } from 'vitest';
import type { CampaignSchedule, WeeklyRange } from '../campaign.enums.js';
import { isOpen, localDay, nextOpening, startOfLocalDay } from '../schedule.rules.js';

/*
 * Schedules are wall-clock times in the campaign's zone. The instants below are written in UTC
 * with the local time beside them: Madrid is UTC+1 in winter and UTC+2 in summer (2026 switches
 * on 29 March and 25 October); São Paulo is UTC-3 all year since 2019.
 */
const MADRID = 'Europe/Madrid';
const SAO_PAULO = 'America/Sao_Paulo';
const utc = (iso: string) => new Date(iso);
const days = (list: number[], from: string, to: string): WeeklyRange[] => list.map((day) => ({ day, from, to }));
const schedule = (ranges: WeeklyRange[], holidays: string[] = []): CampaignSchedule => ({ ranges, holidays });

const officeHours = schedule([...days([1, 2, 3, 4, 5], '09:00', '18:00'), ...days([6], '10:00', '14:00')], ['2026-05-01']);

describe('whether a campaign is open', () => {
  it('is always open without a schedule', () => {
    expect(isOpen(null, MADRID, utc('2026-05-03T03:00:00Z'))).toBe(true);
  });

  it('opens at the start of a range and closes at its end', () => {
    expect(isOpen(officeHours, MADRID, utc('2026-05-04T06:59:59Z'))).toBe(false); // Mon 08:59:59
    expect(isOpen(officeHours, MADRID, utc('2026-05-04T07:00:00Z'))).toBe(true); // Mon 09:00
    expect(isOpen(officeHours, MADRID, utc('2026-05-04T15:59:59Z'))).toBe(true); // Mon 17:59:59
    expect(isOpen(officeHours, MADRID, utc('2026-05-04T16:00:00Z'))).toBe(false); // Mon 18:00
  });

  it('is closed on days without a range', () => {
    expect(isOpen(officeHours, MADRID, utc('2026-05-03T10:00:00Z'))).toBe(false); // Sun 12:00
    expect(isOpen(officeHours, MADRID, utc('2026-05-02T10:00:00Z'))).toBe(true); // Sat 12:00
  });

  it('is closed all day on a holiday', () => {
    expect(isOpen(officeHours, MADRID, utc('2026-04-30T10:00:00Z'))).toBe(true); // Thu 12:00
    expect(isOpen(officeHours, MADRID, utc('2026-05-01T10:00:00Z'))).toBe(false); // Fri 12:00, holiday
  });

  it('reads holidays in the campaign’s zone, not in UTC', () => {
    const always = schedule(days([0, 1, 2, 3, 4, 5, 6], '00:00', '24:00'), ['2026-05-01']);
    expect(isOpen(always, MADRID, utc('2026-04-30T22:30:00Z'))).toBe(false); // 1 May 00:30 in Madrid
    expect(isOpen(always, MADRID, utc('2026-05-01T22:30:00Z'))).toBe(true); // still 1 May in UTC, 2 May in Madrid
  });

  it('reads ranges in the campaign’s zone, where the weekday may differ from UTC', () => {
    const weekdays = schedule(days([1, 2, 3, 4, 5], '08:00', '20:00'));
    expect(isOpen(weekdays, SAO_PAULO, utc('2026-05-04T22:59:00Z'))).toBe(true); // Mon 19:59
    expect(isOpen(weekdays, SAO_PAULO, utc('2026-05-04T23:00:00Z'))).toBe(false); // Mon 20:00
    expect(isOpen(weekdays, SAO_PAULO, utc('2026-05-09T02:00:00Z'))).toBe(false); // Fri 23:00, Saturday in UTC
    expect(isOpen(weekdays, SAO_PAULO, utc('2026-05-09T10:59:00Z'))).toBe(false); // Sat 07:59
    expect(isOpen(weekdays, MADRID, utc('2026-05-04T22:59:00Z'))).toBe(false); // the same instant is 00:59 Tue in Madrid
  });

  it('stays open through midnight when one range ends at 24:00 and the next day’s starts at 00:00', () => {
    const lateShift = schedule([...days([0], '20:00', '24:00'), ...days([1], '00:00', '02:00')]);
    expect(isOpen(lateShift, MADRID, utc('2026-05-03T21:59:59Z'))).toBe(true); // Sun 23:59:59
    expect(isOpen(lateShift, MADRID, utc('2026-05-03T22:00:00Z'))).toBe(true); // Mon 00:00
    expect(isOpen(lateShift, MADRID, utc('2026-05-04T00:00:00Z'))).toBe(false); // Mon 02:00
  });

  it('closes at midnight when a range ends at 24:00 and nothing follows', () => {
    const evening = schedule(days([6], '22:00', '24:00'));
    expect(isOpen(evening, MADRID, utc('2026-05-02T21:59:59Z'))).toBe(true); // Sat 23:59:59
    expect(isOpen(evening, MADRID, utc('2026-05-02T22:00:00Z'))).toBe(false); // Sun 00:00
  });

  it('follows wall time on the spring-forward day, when 02:00 to 03:00 does not exist', () => {
    const night = schedule(days([0], '01:00', '04:00'));
    expect(isOpen(night, MADRID, utc('2026-03-28T23:59:59Z'))).toBe(false); // Sun 00:59:59 CET
    expect(isOpen(night, MADRID, utc('2026-03-29T00:59:00Z'))).toBe(true); // Sun 01:59 CET
    expect(isOpen(night, MADRID, utc('2026-03-29T01:00:00Z'))).toBe(true); // Sun 03:00 CEST, one real minute later
    expect(isOpen(night, MADRID, utc('2026-03-29T02:00:00Z'))).toBe(false); // Sun 04:00 CEST: two real hours in all
  });

  it('is open both times through the repeated hour on the fall-back day', () => {
    const night = schedule(days([0], '02:00', '03:00'));
    expect(isOpen(night, MADRID, utc('2026-10-25T00:30:00Z'))).toBe(true); // 02:30 CEST
    expect(isOpen(night, MADRID, utc('2026-10-25T01:30:00Z'))).toBe(true); // 02:30 CET
    expect(isOpen(night, MADRID, utc('2026-10-25T02:00:00Z'))).toBe(false); // 03:00 CET
  });

  it('refuses a zone it cannot read', () => {
    expect(() => isOpen(officeHours, 'Mars/Olympus_Mons', utc('2026-05-04T10:00:00Z'))).toThrow(RangeError);
  });
});

describe('when a campaign opens next', () => {
  it('is now when it is open, or when it has no schedule', () => {
    const monday = utc('2026-05-04T10:00:00Z');
    expect(nextOpening(officeHours, MADRID, monday)).toEqual(monday);
    expect(nextOpening(null, MADRID, monday)).toEqual(monday);
  });

  it('is the start of the next range, later the same day or after the weekend', () => {
    expect(nextOpening(officeHours, MADRID, utc('2026-05-04T05:00:00Z'))).toEqual(utc('2026-05-04T07:00:00Z')); // Mon 07:00 -> 09:00
    expect(nextOpening(officeHours, MADRID, utc('2026-05-09T13:00:00Z'))).toEqual(utc('2026-05-11T07:00:00Z')); // Sat 15:00 -> Mon 09:00
  });

  it('skips a holiday', () => {
    expect(nextOpening(officeHours, MADRID, utc('2026-04-30T17:00:00Z'))).toEqual(utc('2026-05-02T08:00:00Z')); // Thu 19:00 -> Sat 10:00
  });

  it('lands on the same wall time across a DST change', () => {
    const mornings = schedule(days([0, 6], '09:00', '10:00'));
    expect(nextOpening(mornings, MADRID, utc('2026-03-28T12:00:00Z'))).toEqual(utc('2026-03-29T07:00:00Z')); // Sun 09:00 CEST
    expect(nextOpening(mornings, SAO_PAULO, utc('2026-05-02T14:00:00Z'))).toEqual(utc('2026-05-03T12:00:00Z')); // Sun 09:00 -03
  });

  it('opens when the clocks jump if the range starts inside the spring-forward gap', () => {
    const night = schedule(days([0], '02:30', '05:00'));
    expect(nextOpening(night, MADRID, utc('2026-03-28T23:00:00Z'))).toEqual(utc('2026-03-29T01:00:00Z')); // 03:00 CEST
  });

  it('skips a range that lies wholly inside the spring-forward gap', () => {
    const gap = schedule(days([0], '02:00', '03:00'));
    expect(nextOpening(gap, MADRID, utc('2026-03-28T23:00:00Z'))).toEqual(utc('2026-04-05T00:00:00Z')); // next Sunday, 02:00 CEST
  });

  it('finds the second pass of a repeated hour on the fall-back day', () => {
    const night = schedule(days([0], '02:00', '02:30'));
    expect(nextOpening(night, MADRID, utc('2026-10-25T00:40:00Z'))).toEqual(utc('2026-10-25T01:00:00Z')); // 02:40 CEST -> 02:00 CET
  });

  it('is null when it never opens within two weeks', () => {
    expect(nextOpening(schedule([]), MADRID, utc('2026-05-04T10:00:00Z'))).toBeNull();
    const holidays = Array.from({ length: 15 }, (_, i) => `2026-05-${String(4 + i).padStart(2, '0')}`);
    expect(nextOpening(schedule(officeHours.ranges, holidays), MADRID, utc('2026-05-04T10:00:00Z'))).toBeNull();
  });
});

describe('local days', () => {
  it('names the date in the campaign’s zone', () => {
    expect(localDay(SAO_PAULO, utc('2026-05-05T02:00:00Z'))).toBe('2026-05-04');
    expect(localDay(MADRID, utc('2026-05-04T22:00:00Z'))).toBe('2026-05-05');
    expect(localDay(MADRID, utc('2026-05-04T21:59:59Z'))).toBe('2026-05-04');
  });

  it('starts at local midnight, whatever the offset that day', () => {
    expect(startOfLocalDay(MADRID, utc('2026-03-29T12:00:00Z'))).toEqual(utc('2026-03-28T23:00:00Z')); // CET midnight
    expect(startOfLocalDay(MADRID, utc('2026-03-30T12:00:00Z'))).toEqual(utc('2026-03-29T22:00:00Z')); // CEST midnight
    expect(startOfLocalDay(SAO_PAULO, utc('2026-05-05T02:00:00Z'))).toEqual(utc('2026-05-04T03:00:00Z'));
  });

  it('starts at 01:00 on a day whose midnight was skipped', () => {
    // São Paulo's last DST began at midnight on 4 November 2018.
    expect(startOfLocalDay(SAO_PAULO, utc('2018-11-04T12:00:00Z'))).toEqual(utc('2018-11-04T03:00:00Z'));
  });
});
