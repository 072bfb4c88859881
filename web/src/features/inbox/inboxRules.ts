import type { InboxUpdatesSubscription, InteractionSummaryFragment, TraysQuery } from '../../gql/graphql';
import { fold } from '../../shared/text/fold';

/**
 * The inbox's rules over plain data: how events merge into the list, its order, the tabs, what a
 * search matches, and what a row offers. No Vue, no Apollo: the composables apply them.
 */

export type InboxRow = InteractionSummaryFragment;
export type InboxFrame = InboxUpdatesSubscription['inboxUpdates'];
export type InboxChange = InboxFrame['changes'][number];
export type InboxTray = TraysQuery['trays'][number];

/**
 * The inbox's views. Open chats and closed ones never mix: "Open" is every open chat the person may
 * see, "Mine" those it holds, "Waiting" those waiting in a tray (narrowed to one tray below the
 * tabs), "Needs help" those whose agent asked for it, "Closed" the finished ones.
 */
export const INBOX_VIEWS = ['open', 'mine', 'waiting', 'needs-help', 'closed'] as const;
export type InboxTab = (typeof INBOX_VIEWS)[number];

export interface InboxTabSpec {
  key: InboxTab;
  count: number;
}

/** A tray holding waiting chats, to narrow the Waiting view to it. */
export interface TrayChip {
  trayId: string;
  name: string;
  count: number;
}

/** The moment an open chat's clock starts: the customer's first wait for a person, else its start. */
const clockStart = (row: InboxRow): number => Date.parse(row.waitingSince ?? row.createdAt);

/** Open chats first, the longest-waiting customer first; then closed ones, the latest closed first. */
export function compareRows(a: InboxRow, b: InboxRow): number {
  const closed = Number(a.phase === 'CLOSED') - Number(b.phase === 'CLOSED');
  if (closed !== 0) return closed;
  const order = a.phase === 'CLOSED' ? Date.parse(b.closedAt ?? b.updatedAt) - Date.parse(a.closedAt ?? a.updatedAt) : clockStart(a) - clockStart(b);
  return order || a.id.localeCompare(b.id);
}

/** Adds or replaces a row, unless the list already holds a newer version of it. */
export function upsertRow(rows: readonly InboxRow[], row: InboxRow): InboxRow[] {
  const current = rows.find((r) => r.id === row.id);
  if (current && Date.parse(current.updatedAt) > Date.parse(row.updatedAt)) return [...rows];
  return [...rows.filter((r) => r.id !== row.id), row].sort(compareRows);
}

export function removeRow(rows: readonly InboxRow[], id: string): InboxRow[] {
  return rows.filter((r) => r.id !== id);
}

/** One change of the inbox feed applied to the list. */
export function applyChange(rows: readonly InboxRow[], change: InboxChange): InboxRow[] {
  if (change.kind === 'REMOVED' || !change.interaction) return change.interactionId ? removeRow(rows, change.interactionId) : [...rows];
  return upsertRow(rows, change.interaction);
}

/** What the inbox feed holds: the chats it lists, and how many wait in each tray (trays with none absent). */
export interface FeedPicture {
  rows: InboxRow[];
  counts: ReadonlyMap<string, number>;
}

export const EMPTY_FEED: FeedPicture = { rows: [], counts: new Map() };

/** One frame of the feed applied: a reset replaces everything, any other frame changes what it names. */
export function applyFrame(picture: FeedPicture, frame: InboxFrame): FeedPicture {
  const counts = new Map(frame.reset ? [] : picture.counts);
  for (const queue of frame.queues) {
    if (queue.waiting > 0) counts.set(queue.trayId, queue.waiting);
    else counts.delete(queue.trayId);
  }
  if (frame.reset) return { rows: dedupeRows(frame.changes.flatMap((c) => (c.interaction ? [c.interaction] : []))).sort(compareRows), counts };
  return { rows: frame.changes.reduce(applyChange, picture.rows), counts };
}

/** Chats waiting across the trays counted. */
export const waitingTotal = (counts: ReadonlyMap<string, number>): number => [...counts.values()].reduce((sum, n) => sum + n, 0);

/**
 * One row per chat, the newest version of each: a chat the feed lists may also be among the closed
 * ones read for the Closed view, or a take's answer.
 */
export function dedupeRows(rows: readonly InboxRow[]): InboxRow[] {
  const newest = new Map<string, InboxRow>();
  for (const row of rows) {
    const kept = newest.get(row.id);
    if (!kept || Date.parse(row.updatedAt) > Date.parse(kept.updatedAt)) newest.set(row.id, row);
  }
  return [...newest.values()];
}

/** An open chat whose agent asked for help: listed under "Needs help" and flagged in every list. */
export const needsHelp = (row: InboxRow): boolean => row.status === 'NEEDS_HELP' && row.phase !== 'CLOSED';

/** The agent wrote and waits for the customer's answer: highlighted in yellow with an hourglass (manual 003). */
export const awaitsCustomer = (row: Pick<InboxRow, 'status' | 'phase'>): boolean => row.status === 'WAITING_FOR_CUSTOMER' && row.phase === 'IN_SERVICE';

/** Only a chat waiting in a tray can be taken. */
export const canTake = (row: InboxRow): boolean => row.phase === 'WAITING';

/**
 * A waiting chat counts the customer's wait, from when they first waited for a person (a transfer,
 * a return or a sign-out does not restart it); a held one counts from its start; a closed chat's
 * clock has stopped.
 */
export function waitingSince(row: InboxRow): string | null {
  if (row.phase === 'CLOSED') return null;
  return row.phase === 'WAITING' ? (row.waitingSince ?? row.queuedAt ?? row.createdAt) : row.createdAt;
}

/** A moved chat's time in its current place (this tray, this agent), when it differs from its main clock. */
export function placeSince(row: InboxRow): string | null {
  const place = row.phase === 'WAITING' ? row.queuedAt : row.phase === 'IN_SERVICE' ? row.assignedAt : null;
  const main = waitingSince(row);
  const moved = row.phase === 'WAITING' ? place !== null && main !== null && Date.parse(place) - Date.parse(main) > 1000 : place !== null && place !== row.firstAssignedAt;
  return moved ? place : null;
}

export function matchesTab(row: InboxRow, tab: InboxTab, me: string): boolean {
  switch (tab) {
    case 'open':
      return row.phase !== 'CLOSED';
    case 'mine':
      return row.phase === 'IN_SERVICE' && row.agent?.id === me;
    case 'waiting':
      return row.phase === 'WAITING';
    case 'needs-help':
      return needsHelp(row);
    case 'closed':
      return row.phase === 'CLOSED';
  }
}

/** Searches what the server's search does: contact name, e-mail and phone, campaign name, protocol. */
export function matchesSearch(row: InboxRow, search: string): boolean {
  const needle = fold(search.trim());
  if (!needle) return true;
  return [row.campaign.name, row.contact.name ?? '', row.contact.email ?? '', row.contact.phone ?? '', row.protocol].some((text) => fold(text).includes(needle));
}

/** What a view lists: its rows, narrowed to one tray in the Waiting view, and to the search. */
export interface InboxFilter {
  tab: InboxTab;
  me: string;
  /** The Waiting view narrowed to one tray; null for every tray. */
  trayId: string | null;
  search: string;
}

export function filterRows(rows: readonly InboxRow[], filter: InboxFilter): InboxRow[] {
  const inTray = (row: InboxRow) => filter.tab !== 'waiting' || filter.trayId === null || row.tray?.id === filter.trayId;
  return rows.filter((row) => matchesTab(row, filter.tab, filter.me) && inTray(row) && matchesSearch(row, filter.search));
}

/**
 * The views with their counts, in their fixed order. Waiting chats are counted by the server, per
 * tray, beyond those listed (a queue routed automatically, or longer than the list shows).
 */
export function inboxTabs(rows: readonly InboxRow[], me: string, waiting: number): InboxTabSpec[] {
  const listedWaiting = rows.filter((row) => row.phase === 'WAITING').length;
  const extra = Math.max(0, waiting - listedWaiting);
  return INBOX_VIEWS.map((key) => {
    const listed = rows.filter((row) => matchesTab(row, key, me)).length;
    return { key, count: key === 'waiting' || key === 'open' ? listed + extra : listed };
  });
}

/**
 * The trays that hold waiting chats now, to narrow the Waiting view: only those with chats, so a
 * campaign with nothing waiting adds no "General 0". Every campaign has a "General" tray, so
 * repeated names get their campaign (named by the campaigns listed).
 */
export function waitingTrays(trays: readonly InboxTray[], counts: ReadonlyMap<string, number>, campaigns: readonly { id: string; name: string }[]): TrayChip[] {
  const campaignNames = new Map(campaigns.map((c) => [c.id, c.name]));
  const listed = trays.filter((tray) => (counts.get(tray.id) ?? 0) > 0);
  const repeated = (name: string) => listed.filter((tray) => tray.name === name).length > 1;
  return listed.map((tray) => {
    const campaign = tray.campaignId ? campaignNames.get(tray.campaignId) : undefined;
    return { trayId: tray.id, name: repeated(tray.name) && campaign ? `${tray.name} · ${campaign}` : tray.name, count: counts.get(tray.id)! };
  });
}
