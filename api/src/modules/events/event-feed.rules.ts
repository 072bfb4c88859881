import { type Channel, InteractionEventType } from '../interactions/interaction.enums.js';
import { reaches, type Scope } from '../auth/scope.rules.js';
import { isAdmin, isSupervisorLike, type Viewer } from '../auth/viewer.js';

/**
 * Where a reader is in the feed: after the event `id` of transaction `txid`. Events are read in
 * (txid, id) order and only from transactions older than every one still running, so nothing can
 * later appear before a position already passed. Opaque to clients.
 */
export interface FeedPosition {
  txid: bigint;
  id: bigint;
}

export const START: FeedPosition = { txid: 0n, id: 0n };

/**
 * A PostgreSQL snapshot (`pg_current_snapshot()`): which transactions had committed at one moment.
 * A reader "from now" starts below the oldest transaction still running, so none is lost; the
 * snapshot tells which of the events after that start it must skip, as they were already there.
 */
export interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  running: ReadonlySet<bigint>;
}

/** Reads the text form "xmin:xmax:xip,xip,...". */
export function parseSnapshot(text: string): Snapshot {
  const [xmin, xmax, xip = ''] = text.split(':');
  return { xmin: BigInt(xmin!), xmax: BigInt(xmax!), running: new Set(xip.split(',').filter(Boolean).map(BigInt)) };
}

/** The text form `parseSnapshot` reads, to keep a snapshot in a row (a hook's start). */
export const snapshotText = (s: Snapshot): string => `${s.xmin}:${s.xmax}:${[...s.running].join(',')}`;

/** Whether a transaction had committed (or aborted: it wrote nothing then) when the snapshot was taken. */
export const doneIn = (snapshot: Snapshot, txid: bigint): boolean => txid < snapshot.xmin || (txid < snapshot.xmax && !snapshot.running.has(txid));

/**
 * For a reader "from now", an event of transaction `txid` in feed order: skipped when its
 * transaction was done before the reader began, and the snapshot the reader keeps after it, none
 * once past every transaction the snapshot knew of.
 */
export function pastStart(startedAfter: Snapshot | null, txid: bigint): { skip: boolean; startedAfter: Snapshot | null } {
  if (!startedAfter) return { skip: false, startedAfter };
  if (doneIn(startedAfter, txid)) return { skip: true, startedAfter };
  return { skip: false, startedAfter: txid >= startedAfter.xmax ? null : startedAfter };
}

export function encodeCursor(p: FeedPosition): string {
  return Buffer.from(`${p.txid}:${p.id}`).toString('base64url');
}

/** The largest transaction id (xid8) and event id (bigint) PostgreSQL holds. */
const MAX_TXID = 2n ** 64n - 1n;
const MAX_ID = 2n ** 63n - 1n;

/**
 * The position a cursor names, or null when it is not one Parley gave out. One past PostgreSQL's
 * ranges would fail the read every reader of the process shares, so it is no position at all.
 */
export function decodeCursor(cursor: string): FeedPosition | null {
  const match = /^(\d{1,20}):(\d{1,20})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  const [txid, id] = [BigInt(match[1]!), BigInt(match[2]!)];
  return txid <= MAX_TXID && id <= MAX_ID ? { txid, id } : null;
}

export function compare(a: FeedPosition, b: FeedPosition): number {
  if (a.txid !== b.txid) return a.txid < b.txid ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

export interface FeedFilter {
  /** Empty means every campaign the reader may see. */
  campaignIds: string[];
  channels: Channel[];
  types: string[];
}

export interface FeedEventRow {
  position: FeedPosition;
  campaignId: string;
  channel: Channel;
  type: InteractionEventType;
}

/** Whether an event is for this reader: within its scope (null: a hook, whose campaigns are its filter) and the filter's. */
const EVENT_TYPES: ReadonlySet<string> = new Set(Object.values(InteractionEventType));

/** The types asked for that no event has: a filter naming one ("CLOSD") would never match, so it is refused. */
export const unknownEventTypes = (types: readonly string[]): string[] => types.filter((t) => !EVENT_TYPES.has(t));

export function feedMatches(filter: FeedFilter, reader: Scope | null, e: FeedEventRow): boolean {
  if (reader && !reaches(reader, e.campaignId)) return false;
  if (filter.campaignIds.length && !filter.campaignIds.includes(e.campaignId)) return false;
  if (filter.channels.length && !filter.channels.includes(e.channel)) return false;
  return filter.types.length ? filter.types.includes(e.type) : !NAMED_ONLY.has(e.type);
}

/** Event types sent only to readers that name them: one per message would flood a feed or hook that asked for the chat's life. */
const NAMED_ONLY: ReadonlySet<string> = new Set([InteractionEventType.MESSAGE_ADDED]);

/**
 * What an event's trail entry holds that only staff read: a transfer's note is one of the chat's staff
 * notes (Interaction.notes, which keys never get). The staff trail keeps it; the feed and the webhooks,
 * which integrators read, never carry it.
 */
const STAFF_ONLY: Readonly<Record<string, readonly string[]>> = { TRANSFERRED: ['note'] };

/** An event's details as the feed and the webhooks carry them. */
export function feedData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const hidden = STAFF_ONLY[type];
  if (!hidden) return data;
  return Object.fromEntries(Object.entries(data).filter(([field]) => !hidden.includes(field)));
}

/**
 * The feed carries every event of a campaign's chats, so only those who may see every chat of it read
 * it: supervisors, administrators, SUPERVISE and ADMIN keys (a READ key may see only "everyone" chats).
 */
export const mayReadFeed = (viewer: Viewer): boolean => isSupervisorLike(viewer) || isAdmin(viewer);

/** The first moment the feed and webhooks replay from: `days` of retention before `now`. */
export const retentionStart = (now: Date, days: number): Date => new Date(now.getTime() - days * 86_400_000);

/**
 * Where a reader asking for `since` starts: there, or at the start of retention when it asks for
 * more (any moment before it means "as far back as kept"). A moment to come is the caller's mistake.
 */
export function startMoment(since: Date, now: Date, retentionDays: number): { at: Date } | { refusal: string } {
  if (since.getTime() > now.getTime()) return { refusal: 'Start from now or a moment past' };
  const first = retentionStart(now, retentionDays);
  return { at: since < first ? first : since };
}
