import { describe, expect, it } from 'vitest';
import { Admission, admit } from '../admission.rules.js';

const weekdays = { ranges: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '18:00' })), holidays: ['2026-12-25'] };
const madrid = (iso: string) => new Date(iso);

describe('admission to the human queue', () => {
  it('is open within the schedule and below the waiting limit', () => {
    expect(admit({ schedule: weekdays, timeZone: 'Europe/Madrid', waitingLimit: 5 }, 4, madrid('2026-11-23T10:00:00+01:00'))).toBe(Admission.OPEN);
  });

  it('is out of hours at night, on weekends and on holidays, whatever the queue', () => {
    const policy = { schedule: weekdays, timeZone: 'Europe/Madrid', waitingLimit: 5 };
    expect(admit(policy, 0, madrid('2026-11-23T20:00:00+01:00'))).toBe(Admission.OUT_OF_HOURS);
    expect(admit(policy, 0, madrid('2026-11-22T10:00:00+01:00'))).toBe(Admission.OUT_OF_HOURS);
    expect(admit(policy, 0, madrid('2026-12-25T10:00:00+01:00'))).toBe(Admission.OUT_OF_HOURS);
  });

  it('is full once the waiting limit is reached; no limit never fills', () => {
    expect(admit({ schedule: null, timeZone: 'UTC', waitingLimit: 5 }, 5, new Date())).toBe(Admission.FULL);
    expect(admit({ schedule: null, timeZone: 'UTC', waitingLimit: null }, 10_000, new Date())).toBe(Admission.OPEN);
  });

  it('reads the schedule in the campaign’s time zone', () => {
    // 10:00 in São Paulo is 13:00 UTC: open there, whatever the server's zone.
    const policy = { schedule: weekdays, timeZone: 'America/Sao_Paulo', waitingLimit: null };
    expect(admit(policy, 0, new Date('2026-11-23T13:00:00Z'))).toBe(Admission.OPEN);
    expect(admit(policy, 0, new Date('2026-11-23T11:00:00Z'))).toBe(Admission.OUT_OF_HOURS);
  });
});
