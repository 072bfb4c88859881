import { useApolloClient, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, ref, shallowRef, watch } from 'vue';
import {
  InteractionChangedDocument,
  TraysDocument,
  type InteractionChangedSubscription,
  type InteractionSummaryFragment,
  type TraysQuery,
} from '../../../gql/graphql';
import { useOnReconnect } from '../../../shared/apollo/reconnect';
import { loadInbox, searchInbox } from './inboxSnapshot';

export type InboxRow = InteractionSummaryFragment;
export type InboxChange = InteractionChangedSubscription['interactionChanged'];
export type InboxTray = TraysQuery['trays'][number];

export type BuiltInTab = 'all' | 'needs-help' | 'closed';
export type TrayTab = `tray:${string}`;
/** Built-in views plus one per tray. */
export type InboxTab = BuiltInTab | TrayTab;

/** A tab to show: built-in ones are named by the view (translated), tray tabs by their tray. */
export type InboxTabSpec = { key: BuiltInTab; count: number } | { key: TrayTab; trayName: string; count: number };

/** How long typing pauses before a search goes to the server. */
const SEARCH_DELAY_MS = 250;

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

/** A query snapshot with the events that arrived while it was on its way, in arrival order. */
export function mergeSnapshot(snapshot: readonly InboxRow[], changes: readonly InboxChange[]): InboxRow[] {
  return changes.reduce(applyChange, [...snapshot].sort(compareRows));
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

/** Case- and accent-insensitive, so "jose" finds "José". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
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
  return [
    { key: 'all', count: count('all') },
    { key: 'needs-help', count: count('needs-help') },
    ...trayTabs,
    { key: 'closed', count: count('closed') },
  ];
}

/**
 * The interactions the signed-in person may see, kept live: a snapshot (every open chat, the latest
 * closed ones), then every `interactionChanged` event applied on top. The snapshot is taken again
 * when the socket comes back, since events sent while it was down are lost. A search looks in the
 * list at once and asks the server for the rest (older closed chats).
 */
export function useInbox() {
  const { client } = useApolloClient();
  const tab = ref<InboxTab>('all');
  const search = ref('');
  const rows = shallowRef<InboxRow[]>([]);
  /** What the server found for the search that the list does not hold. */
  const found = shallowRef<InboxRow[]>([]);
  const loading = ref(true);
  const error = ref<unknown>(null);

  // Events that arrive while a snapshot is in flight may be newer than it: replay them on it.
  let inFlight = 0;
  let sinceRequest: InboxChange[] = [];

  async function refresh(): Promise<void> {
    const request = ++inFlight;
    sinceRequest = [];
    void trays.refetch();
    try {
      const snapshot = await loadInbox(client);
      if (request !== inFlight) return;
      rows.value = mergeSnapshot(snapshot, sinceRequest);
      error.value = null;
    } catch (e) {
      if (request === inFlight) error.value = e;
    } finally {
      if (request === inFlight) {
        sinceRequest = [];
        inFlight = 0;
        loading.value = false;
      }
    }
  }

  const trays = useQuery(TraysDocument, null, { fetchPolicy: 'cache-and-network' });
  const changes = useSubscription(InteractionChangedDocument, null, { fetchPolicy: 'no-cache' });
  changes.onResult(({ data }) => {
    if (!data) return;
    if (needsRefetch(data.interactionChanged)) return void refresh();
    if (inFlight) sinceRequest.push(data.interactionChanged);
    rows.value = applyChange(rows.value, data.interactionChanged);
    found.value = found.value.filter((row) => row.id !== (data.interactionChanged.interaction?.id ?? data.interactionChanged.interactionId));
  });

  useOnReconnect(() => void refresh());
  void refresh();

  let searchTimer: number | undefined;
  watch(search, (text) => {
    window.clearTimeout(searchTimer);
    found.value = [];
    const needle = text.trim();
    if (!needle) return;
    searchTimer = window.setTimeout(async () => {
      try {
        const matches = await searchInbox(client, needle);
        if (search.value.trim() === needle) found.value = matches;
      } catch {
        // The list's own matches still show; a failed search is not worth an alarm.
      }
    }, SEARCH_DELAY_MS);
  });

  /** Shows a row the server just returned (a take) without waiting for its event. */
  function upsert(row: InboxRow): void {
    rows.value = upsertRow(rows.value, row);
  }

  const tabs = computed(() => inboxTabs(trays.result.value?.trays ?? [], rows.value));
  const visible = computed(() => {
    const listed = new Set(rows.value.map((row) => row.id));
    const extra = found.value.filter((row) => !listed.has(row.id));
    return filterRows(extra.length ? [...rows.value, ...extra].sort(compareRows) : rows.value, tab.value, search.value);
  });

  return {
    tab,
    search,
    tabs,
    rows,
    visible,
    loading: computed(() => loading.value && rows.value.length === 0),
    error: computed(() => error.value),
    refresh: () => void refresh(),
    upsert,
  };
}
