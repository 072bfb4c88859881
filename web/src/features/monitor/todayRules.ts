import type { MonitorTodayFieldsFragment } from '../../gql/graphql';
import { serviceLevelPercent } from './monitorRules';

export type TodayHour = MonitorTodayFieldsFragment['hours'][number];

/** One hour as the charts and their table show it. */
export interface TodayRow {
  hour: number;
  /** "09:00", the hour on the campaigns' own clocks. */
  label: string;
  received: number;
  answered: number;
  abandoned: number;
  answeredWithinLevel: number;
  /** Whole percent, or null when nothing counted in the hour. */
  serviceLevel: number | null;
}

export const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** Every hour of the day, for the charts' axis: a day's shape stays put as the hours fill in. */
export function todayRows(hours: readonly TodayHour[]): TodayRow[] {
  return [...hours]
    .sort((a, b) => a.hour - b.hour)
    .map((h) => ({
      hour: h.hour,
      label: hourLabel(h.hour),
      received: h.received,
      answered: h.answered,
      abandoned: h.abandoned,
      answeredWithinLevel: h.answeredWithinLevel,
      serviceLevel: serviceLevelPercent(h.serviceLevel),
    }));
}

/** The hours a reader needs in words: those in which anything was received. */
export const busyRows = (rows: readonly TodayRow[]): TodayRow[] => rows.filter((r) => r.received > 0);

/** Which of two pictures to keep: the one generated later (a slow query must not undo a newer push). */
export const newerToday = (held: { generatedAt: string } | null, next: { generatedAt: string }): boolean => !held || Date.parse(next.generatedAt) >= Date.parse(held.generatedAt);

/** The campaigns' service levels in seconds as one phrase: "30", or "20–60" when they differ. */
export function levelRange(seconds: readonly number[]): string | null {
  if (!seconds.length) return null;
  const low = Math.min(...seconds);
  const high = Math.max(...seconds);
  return low === high ? `${low}` : `${low}–${high}`;
}
