import { badInput } from '../../shared/errors.js';
import type { CampaignSchedule } from './campaign.enums.js';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw badInput(`Unknown time zone "${timeZone}"`, 'timeZone');
  }
}

export function validateSchedule(schedule: CampaignSchedule): void {
  for (const r of schedule.ranges) {
    if (!Number.isInteger(r.day) || r.day < 0 || r.day > 6) throw badInput('A range day is 0 (Sunday) to 6 (Saturday)', 'schedule');
    if (!HHMM.test(r.from) || !HHMM.test(r.to)) throw badInput('Range times are HH:mm', 'schedule');
    if (r.from >= r.to) throw badInput('A range must end after it starts', 'schedule');
  }
  for (const d of schedule.holidays) {
    if (!DATE.test(d) || Number.isNaN(Date.parse(d))) throw badInput('Holidays are dates as YYYY-MM-DD', 'schedule');
  }
}

export function validateThresholds(thresholds: number[]): void {
  if (thresholds.length !== 3 || thresholds.some((t) => !Number.isInteger(t) || t <= 0)) {
    throw badInput('Give three chat-time thresholds in seconds', 'thresholdsSeconds');
  }
  if (!(thresholds[0]! < thresholds[1]! && thresholds[1]! < thresholds[2]!)) throw badInput('Thresholds must increase', 'thresholdsSeconds');
}
