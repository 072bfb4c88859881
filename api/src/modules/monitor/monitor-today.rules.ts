import { type QueuedChat, ServiceLevelOutcome, serviceLevelOutcome } from '../interactions/service-level.rules.js';

/** A campaign as today's figures need it: whose clock, and how quickly it promises an answer. */
export interface TodayCampaign {
  id: string;
  name: string;
  timeZone: string;
  serviceLevelSeconds: number;
}

/** A chat that entered a queue, with whether it ended without ever reaching an agent. */
export interface TodayChat extends QueuedChat {
  campaignId: string;
  /** Closed while no agent had answered it: the customer gave up or was turned away. */
  abandoned: boolean;
}

/** One local hour of one day's queue. */
export interface HourFigures {
  /** 0..23 on the campaign's wall clock. */
  hour: number;
  received: number;
  answered: number;
  answeredWithinLevel: number;
  abandoned: number;
  /** As the monitor's service level counts it: met over met-and-missed; null when nothing counts yet. */
  serviceLevel: number | null;
}

export interface CampaignToday {
  campaign: TodayCampaign;
  serviceLevelSeconds: number;
  /** The campaign's local date, YYYY-MM-DD. */
  date: string;
  hours: HourFigures[];
}

export interface TodayFigures {
  campaigns: CampaignToday[];
  /** Every campaign's hours added up hour by hour, each on its own campaign's clock. */
  hours: HourFigures[];
  /** When the figures next change with no event at all (a waiting chat passes its level, a day ends), if ever. */
  nextChange: Date | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Offsets change on quarter hours at the finest (tzdb has no other transitions in use), so a quarter-hour caches one. */
const SLOT_MS = 15 * 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone, quarter-hour slot to offset: numbers, not strings, because ten thousand chats look here per picture. */
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant, in ms; asked of Intl once per zone and quarter hour. */
function offsetAt(ms: number, timeZone: string): number {
  const slot = Math.floor(ms / SLOT_MS);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const known = zone.get(slot);
  if (known !== undefined) return known;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(slot * SLOT_MS)).map((x) => [x.type, Number(x.value)]));
  const offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - slot * SLOT_MS;
  // A few days of quarter hours per zone between clears.
  if (zone.size > 1_000) zone.clear();
  zone.set(slot, offset);
  return offset;
}

/** Local hours since 1970 on the zone's wall clock: day and hour in one number, without allocating. */
function localHours(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetAt(ms, timeZone)) / HOUR_MS);
}

/** An instant on a zone's wall clock: its local date (YYYY-MM-DD), hour of the day, and day number (days since 1970 locally). */
export function localClock(at: Date, timeZone: string): { date: string; hour: number; day: number } {
  const hours = localHours(at.getTime(), timeZone);
  const day = Math.floor(hours / 24);
  return { date: new Date(day * DAY_MS).toISOString().slice(0, 10), hour: hours - day * 24, day };
}

/** The instant the zone's next local day begins after `at`. */
function nextMidnight(at: Date, timeZone: string): Date {
  const { day } = localClock(at, timeZone);
  const guess = (day + 1) * DAY_MS - offsetAt(at.getTime(), timeZone);
  // Across a change of offset the guess is off by the change: correct it with the offset then.
  return new Date((day + 1) * DAY_MS - offsetAt(guess, timeZone));
}

const emptyHours = (): HourFigures[] => Array.from({ length: 24 }, (_, hour) => ({ hour, received: 0, answered: 0, answeredWithinLevel: 0, abandoned: 0, serviceLevel: null }));

/** Met and counted per hour, kept beside the figures until the share is worked out. */
type Tally = { met: number; counted: number }[];
const emptyTally = (): Tally => Array.from({ length: 24 }, () => ({ met: 0, counted: 0 }));

function add(into: HourFigures, tally: Tally[number], chat: TodayChat, outcome: ServiceLevelOutcome): void {
  into.received++;
  if (chat.assignedAt) into.answered++;
  if (outcome === ServiceLevelOutcome.MET) into.answeredWithinLevel++;
  if (chat.abandoned) into.abandoned++;
  if (outcome !== ServiceLevelOutcome.PENDING) tally.counted++;
  if (outcome === ServiceLevelOutcome.MET) tally.met++;
}

const settle = (hours: HourFigures[], tally: Tally) => hours.forEach((h, i) => (h.serviceLevel = tally[i]!.counted ? tally[i]!.met / tally[i]!.counted : null));

/**
 * Today's queue hour by hour. Each chat counts in the hour it entered the queue on its own
 * campaign's clock, and only if that is the campaign's today; the service level is the monitor's
 * (`serviceLevelOutcome`), so the hours of a campaign add up to its `queuedToday` and, met over
 * counted, to its service level. On a day whose clocks go back, the repeated hour is one bucket.
 */
export function todayByHour(campaigns: readonly TodayCampaign[], chats: readonly TodayChat[], now: Date): TodayFigures {
  const perCampaign = new Map<string, { today: CampaignToday; day: number; tally: Tally }>();
  let nextChange: number | null = null;
  const soonest = (ms: number) => (nextChange = nextChange === null ? ms : Math.min(nextChange, ms));
  for (const campaign of campaigns) {
    const clock = localClock(now, campaign.timeZone);
    perCampaign.set(campaign.id, { today: { campaign, serviceLevelSeconds: campaign.serviceLevelSeconds, date: clock.date, hours: emptyHours() }, day: clock.day, tally: emptyTally() });
    soonest(nextMidnight(now, campaign.timeZone).getTime());
  }
  const total = emptyHours();
  const totalTally = emptyTally();
  for (const chat of chats) {
    const entry = perCampaign.get(chat.campaignId);
    if (!entry) continue;
    const hours = localHours(chat.queuedAt.getTime(), entry.today.campaign.timeZone);
    const hour = hours - entry.day * 24;
    if (hour < 0 || hour > 23) continue;
    const outcome = serviceLevelOutcome(chat, entry.today.campaign.serviceLevelSeconds, now);
    // A pending chat turns missed the moment its wait passes the level.
    if (outcome === ServiceLevelOutcome.PENDING) soonest(chat.queuedAt.getTime() + entry.today.campaign.serviceLevelSeconds * 1000 + 1);
    add(entry.today.hours[hour]!, entry.tally[hour]!, chat, outcome);
    add(total[hour]!, totalTally[hour]!, chat, outcome);
  }
  for (const entry of perCampaign.values()) settle(entry.today.hours, entry.tally);
  settle(total, totalTally);
  return { campaigns: [...perCampaign.values()].map((e) => e.today), hours: total, nextChange: nextChange === null ? null : new Date(nextChange) };
}
