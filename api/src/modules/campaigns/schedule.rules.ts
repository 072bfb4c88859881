import { DateTime } from 'luxon';
import type { CampaignSchedule } from './campaign.enums.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** How far ahead `nextOpening` looks: two weeks covers a week of holidays on a weekly schedule. */
export const OPENING_SEARCH_DAYS = 14;

/** An instant read in a campaign's zone. The zone is validated when the campaign is saved, so a bad one here is a bug. */
function zoned(timeZone: string, at: Date): DateTime {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Cannot read ${at.toISOString()} in time zone "${timeZone}"`);
  return local;
}

/** "HH:mm" as minutes since midnight; "24:00" is 1440, the end of the day. */
function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Whether the campaign serves at this instant: not a local holiday, and inside a weekly range in local wall time. */
export function isOpen(schedule: CampaignSchedule | null, timeZone: string, at: Date): boolean {
  if (!schedule) return true;
  const local = zoned(timeZone, at);
  if (schedule.holidays.includes(local.toISODate()!)) return false;
  // Luxon counts Monday 1 .. Sunday 7; ranges count Sunday 0 .. Saturday 6.
  const day = local.weekday % 7;
  const minute = local.hour * 60 + local.minute;
  return schedule.ranges.some((r) => r.day === day && minutesOf(r.from) <= minute && minute < minutesOf(r.to));
}

/**
 * The first instant, from `at` on, when the campaign is open: `at` itself when it already is,
 * null when it does not open within OPENING_SEARCH_DAYS.
 */
export function nextOpening(schedule: CampaignSchedule | null, timeZone: string, at: Date): Date | null {
  if (!schedule || isOpen(schedule, timeZone, at)) return at;
  const limit = at.getTime() + OPENING_SEARCH_DAYS * DAY_MS;
  const today = zoned(timeZone, at).startOf('day');
  let best: number | null = null;
  for (let i = 0; i <= OPENING_SEARCH_DAYS; i++) {
    const date = today.plus({ days: i });
    if (schedule.holidays.includes(date.toISODate()!)) continue;
    for (const range of schedule.ranges) {
      if (range.day !== date.weekday % 7) continue;
      for (const start of instantsAt(date, range.from)) {
        const ms = start.toMillis();
        // A start can fail to open: a range that lies wholly inside a spring-forward gap never happens.
        if (ms < at.getTime() || ms > limit || (best !== null && ms >= best)) continue;
        if (isOpen(schedule, timeZone, start.toJSDate())) best = ms;
      }
    }
  }
  return best === null ? null : new Date(best);
}

/**
 * The instants whose wall time is `hhmm` on that local date: two on a fall-back day, and on a
 * spring-forward day where it does not exist, the instant the clocks jump past it.
 */
function instantsAt(date: DateTime, hhmm: string): DateTime[] {
  const minutes = minutesOf(hhmm);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const wanted = date.set({ hour, minute });
  if (wanted.hour !== hour || wanted.minute !== minute) return [clocksJumped(wanted)];
  return wanted.getPossibleOffsets();
}

/**
 * The instant of a spring-forward jump. Luxon reads a missing wall time with the offset from
 * before the jump, which lands after the jump by up to its length; the jump itself is the first
 * minute with the new offset. Zones change offset at most once a day, so a day earlier is safely before.
 */
function clocksJumped(shifted: DateTime): DateTime {
  const after = shifted.offset;
  let lo = shifted.toMillis() - DAY_MS;
  let hi = shifted.toMillis();
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (shifted.zone.offset(mid) === after) hi = mid;
    else lo = mid;
  }
  return DateTime.fromMillis(hi, { zone: shifted.zone });
}

/** The calendar date (YYYY-MM-DD) in the campaign's zone, the key for "today" figures. */
export function localDay(timeZone: string, at: Date): string {
  return zoned(timeZone, at).toISODate()!;
}

/** The first instant of the local day containing `at` (01:00 on a day whose midnight was skipped). */
export function startOfLocalDay(timeZone: string, at: Date): Date {
  return zoned(timeZone, at).startOf('day').toJSDate();
}
