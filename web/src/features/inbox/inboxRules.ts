import type { InteractionChangedSubscription, InteractionSummaryFragment, TraysQuery } from '../../gql/graphql';
import { fold } from '../../shared/text/fold';

/**
 * The inbox's rules over plain data: how events merge into the list, its order, the tabs, what a
 * search matches, and what a row offers. No Vue, no Apollo: the composables apply them.
 */

export type InboxRow = InteractionSummaryFragment;
export type InboxChange = InteractionChangedSubscription['interactionChanged'];
export type InboxTray = TraysQuery['trays'][number];

export type BuiltInTab = 'all' | 'needs-help' | 'closed';
export type TrayTab = `tray:${string}`;
/** Built-in views plus one per tray. */
export type InboxTab = BuiltInTab | TrayTab;

/** A tab to show: built-in ones are named by the view (translated), tray tabs by their tray. */
export type InboxTabSpec = { key: BuiltInTab; count: number } | { key: TrayTab; trayName: string; count: number };

const trayTab = (trayId: string): TrayTab => `tray:${trayId}`;

/** Open chats first, then newest first; closed ones sink to the bottom of "All". */
export function compareRows(a: InboxRow, b: InboxRow): number {
  const closed = Number(a.phase === 'CLOSED') - Number(b.phase === 'CLOSED');
  if (closed !== 0) return closed;
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id);
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

/** One `interactionChanged` event applied to the list. */
export function applyChange(rows: readonly InboxRow[], change: InboxChange): InboxRow[] {
  if (change.kind === 'REMOVED' || !change.interaction) return change.interactionId ? removeRow(rows, change.interactionId) : [...rows];
  return upsertRow(rows, change.interaction);
}

/** The server dropped events for this subscriber (it fell behind): only a fresh list is right again. */
export const needsRefetch = (change: InboxChange): boolean => change.kind === 'RESYNC';

/**
 * One row per chat, the newest version of each. The snapshot reads open and closed chats in two
 * queries, so a chat that closes between them comes back from both.
 */
export function dedupeRows(rows: readonly InboxRow[]): InboxRow[] {
  const newest = new Map<string, InboxRow>();
  for (const row of rows) {
    const kept = newest.get(row.id);
    if (!kept || Date.parse(row.updatedAt) > Date.parse(kept.updatedAt)) newest.set(row.id, row);
  }
  return [...newest.values()];
}

/** A query snapshot with the events that arrived while it was on its way, in arrival order. */
export function mergeSnapshot(snapshot: readonly InboxRow[], changes: readonly InboxChange[]): InboxRow[] {
  return changes.reduce(applyChange, dedupeRows(snapshot).sort(compareRows));
}

/** An open chat whose agent asked for help: listed under "Needs help" and flagged in every list. */
export const needsHelp = (row: InboxRow): boolean => row.status === 'NEEDS_HELP' && row.phase !== 'CLOSED';

/** Only a chat waiting in a tray can be taken. */
export const canTake = (row: InboxRow): boolean => row.phase === 'WAITING';

/** Waiting chats count from when they entered the tray, open ones from their start; a closed chat's clock has stopped. */
export function waitingSince(row: InboxRow): string | null {
  if (row.phase === 'CLOSED') return null;
  return row.phase === 'WAITING' ? (row.queuedAt ?? row.createdAt) : row.createdAt;
}

export function matchesTab(row: InboxRow, tab: InboxTab): boolean {
  switch (tab) {
    case 'all':
      return true;
    case 'needs-help':
      return needsHelp(row);
    case 'closed':
      return row.phase === 'CLOSED';
    default:
      return row.phase !== 'CLOSED' && row.tray !== null && trayTab(row.tray.id) === tab;
  }
}

/** Searches what the server's search does: contact name, e-mail and phone, campaign name, protocol. */
export function matchesSearch(row: InboxRow, search: string): boolean {
  const needle = fold(search.trim());
  if (!needle) return true;
  return [row.campaign.name, row.contact.name ?? '', row.contact.email ?? '', row.contact.phone ?? '', row.protocol].some((text) => fold(text).includes(needle));
}

export function filterRows(rows: readonly InboxRow[], tab: InboxTab, search: string): InboxRow[] {
  return rows.filter((row) => matchesTab(row, tab) && matchesSearch(row, search));
}

/**
 * The tabs: All, Needs help, one per tray the person may open, Closed. The Closed trays are the
 * Closed tab already. Every campaign has a "General" tray, so repeated names get their campaign.
 */
export function inboxTabs(trays: readonly InboxTray[], rows: readonly InboxRow[]): InboxTabSpec[] {
  const count = (key: InboxTab) => rows.filter((row) => matchesTab(row, key)).length;
  const open = trays.filter((tray) => tray.kind !== 'CLOSED');
  const campaignNames = new Map(rows.map((row) => [row.campaign.id, row.campaign.name]));
  const repeated = (name: string) => open.filter((tray) => tray.name === name).length > 1;
  const trayTabs = open.map((tray): InboxTabSpec => {
    const campaign = tray.campaignId ? campaignNames.get(tray.campaignId) : undefined;
    const trayName = repeated(tray.name) && campaign ? `${tray.name} · ${campaign}` : tray.name;
    return { key: trayTab(tray.id), trayName, count: count(trayTab(tray.id)) };
  });
  return [{ key: 'all', count: count('all') }, { key: 'needs-help', count: count('needs-help') }, ...trayTabs, { key: 'closed', count: count('closed') }];
}
