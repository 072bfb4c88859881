import { useApolloClient, useQuery } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { TraysDocument } from '../../../gql/graphql';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { compareRows, dedupeRows, filterRows, inboxTabs, upsertRow, waitingTotal, waitingTrays, type InboxRow, type InboxTab } from '../inboxRules';
import { useInboxFeed } from './inboxFeed';
import { loadClosed, searchInbox } from './inboxSnapshot';

/** How long typing pauses before a search goes to the server. */
const SEARCH_DELAY_MS = 250;

/**
 * The inbox: what the person's feed lists live (its own chats, those asking for help, the queues it
 * picks from, and the counts of every queue it sees), plus what it asked for besides: the latest
 * closed chats while the Closed view is open, a chat it just took or changed, and a search's finds
 * (older closed chats). The feed is authoritative for what it lists: a chat it mentions replaces
 * whatever else the inbox held of it.
 */
export function useInbox() {
  const { client } = useApolloClient();
  const { user } = useCurrentUser();
  const me = computed(() => user.value?.id ?? '');
  const feed = useInboxFeed();
  const tab = ref<InboxTab>('open');
  /** The Waiting view narrowed to one tray; null for all. */
  const trayId = ref<string | null>(null);
  const search = ref('');
  /** Rows this screen holds beside the feed's: a take's answer, the Closed view's page, a search's finds. */
  const besides = shallowRef<InboxRow[]>([]);
  const found = shallowRef<InboxRow[]>([]);
  const closedError = ref<unknown>(null);

  const stopFollowing = feed.onFrame((frame) => {
    const told = new Set(frame.changes.map((c) => c.interactionId ?? c.interaction?.id));
    if (besides.value.some((row) => told.has(row.id))) besides.value = besides.value.filter((row) => !told.has(row.id));
  });
  onScopeDispose(stopFollowing);

  async function readClosed(): Promise<void> {
    try {
      besides.value = dedupeRows([...besides.value.filter((row) => row.phase !== 'CLOSED'), ...(await loadClosed(client))]);
      closedError.value = null;
    } catch (e) {
      closedError.value = e;
    }
  }
  // The Closed view reads the latest closed chats each time it is shown: other people's closes are not pushed.
  watch(tab, (now) => now === 'closed' && void readClosed(), { immediate: true });

  const rows = computed(() => {
    const listed = feed.picture.value.rows;
    if (!besides.value.length) return listed;
    const held = new Set(listed.map((row) => row.id));
    return dedupeRows([...listed, ...besides.value.filter((row) => !held.has(row.id))]).sort(compareRows);
  });

  const trays = useQuery(TraysDocument, null, { fetchPolicy: 'cache-and-network' });

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
  onScopeDispose(() => window.clearTimeout(searchTimer));

  /** Shows a row the server just returned (a take, a change) without waiting for the feed. */
  function upsert(row: InboxRow): void {
    besides.value = upsertRow(besides.value, row);
  }

  const counts = computed(() => feed.picture.value.counts);
  const tabs = computed(() => inboxTabs(rows.value, me.value, waitingTotal(counts.value)));
  const trayChips = computed(() =>
    waitingTrays(
      trays.result.value?.trays ?? [],
      counts.value,
      rows.value.map((row) => row.campaign),
    ),
  );
  // A tray that empties leaves the filter: the view falls back to every tray rather than to nothing.
  watch(trayChips, (chips) => {
    if (trayId.value && !chips.some((chip) => chip.trayId === trayId.value)) trayId.value = null;
  });
  const visible = computed(() => {
    const listed = new Set(rows.value.map((row) => row.id));
    const extra = found.value.filter((row) => !listed.has(row.id));
    return filterRows(extra.length ? [...rows.value, ...extra].sort(compareRows) : rows.value, { tab: tab.value, me: me.value, trayId: trayId.value, search: search.value });
  });
  /** Chats waiting in the view's trays that the list does not show: a queue routed automatically, or longer than shown. */
  const unlisted = computed(() => {
    if (tab.value !== 'waiting') return 0;
    const waiting = trayId.value ? (counts.value.get(trayId.value) ?? 0) : waitingTotal(counts.value);
    return Math.max(0, waiting - visible.value.length);
  });

  return {
    tab,
    search,
    tabs,
    trayId,
    trayChips,
    rows,
    visible,
    unlisted,
    loading: computed(() => !feed.ready.value && rows.value.length === 0),
    error: computed(() => feed.error.value ?? closedError.value),
    refresh: () => {
      if (feed.error.value) feed.retry();
      if (tab.value === 'closed') void readClosed();
    },
    upsert,
  };
}
