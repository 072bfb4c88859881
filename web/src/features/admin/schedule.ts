/** A weekly opening range: 0 = Sunday .. 6 = Saturday, "HH:mm" from (inclusive) to (exclusive). */
export interface WeeklyRange {
  day: number;
  from: string;
  to: string;
}

export interface ScheduleDraft {
  ranges: WeeklyRange[];
  holidays: string[];
}

/** Why a schedule cannot be saved, as a key under `admin.errors`. */
export type ScheduleProblem = 'rangeTime' | 'rangeOrder' | 'rangeOverlap' | 'holidayDate';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A new range after the last one: the same day's 09:00–18:00 on the next weekday, a sensible start. */
export function addRange(schedule: ScheduleDraft): ScheduleDraft {
  const last = schedule.ranges.at(-1);
  const day = last ? (last.day + 1) % 7 : 1;
  return { ...schedule, ranges: [...schedule.ranges, { day, from: last?.from ?? '09:00', to: last?.to ?? '18:00' }] };
}

export function removeRange(schedule: ScheduleDraft, index: number): ScheduleDraft {
  return { ...schedule, ranges: schedule.ranges.filter((_, i) => i !== index) };
}

export function updateRange(schedule: ScheduleDraft, index: number, change: Partial<WeeklyRange>): ScheduleDraft {
  return { ...schedule, ranges: schedule.ranges.map((r, i) => (i === index ? { ...r, ...change } : r)) };
}

/** Adds a holiday once, keeping the list in date order. */
export function addHoliday(schedule: ScheduleDraft, date: string): ScheduleDraft {
  if (schedule.holidays.includes(date)) return schedule;
  return { ...schedule, holidays: [...schedule.holidays, date].sort() };
}

export function removeHoliday(schedule: ScheduleDraft, date: string): ScheduleDraft {
  return { ...schedule, holidays: schedule.holidays.filter((d) => d !== date) };
}

/** The first thing wrong with the schedule, checked before the server sees it; null when it can be saved. */
export function scheduleProblem(schedule: ScheduleDraft): ScheduleProblem | null {
  for (const r of schedule.ranges) {
    if (!HHMM.test(r.from) || !HHMM.test(r.to)) return 'rangeTime';
    if (r.from >= r.to) return 'rangeOrder';
  }
  for (let i = 0; i < schedule.ranges.length; i++) {
    for (let j = i + 1; j < schedule.ranges.length; j++) {
      const a = schedule.ranges[i]!;
      const b = schedule.ranges[j]!;
      if (a.day === b.day && a.from < b.to && b.from < a.to) return 'rangeOverlap';
    }
  }
  if (schedule.holidays.some((d) => !DATE.test(d) || Number.isNaN(Date.parse(d)))) return 'holidayDate';
  return null;
}
