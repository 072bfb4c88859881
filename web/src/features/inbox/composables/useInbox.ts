import { useApolloClient, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { InteractionChangedDocument, TraysDocument } from '../../../gql/graphql';
import { useOnReconnect } from '../../../shared/apollo/reconnect';
import { useDirectoryChange } from '../../../shared/directory/directoryEvents';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { applyChange, compareRows, filterRows, inboxTabs, mergeSnapshot, needsRefetch, upsertRow, waitingTrays, type InboxChange, type InboxRow, type InboxTab } from '../inboxRules';
import { loadInbox, searchInbox } from './inboxSnapshot';

/** How long typing pauses before a search goes to the server. */
const SEARCH_DELAY_MS = 250;

/**
 * The interactions the signed-in person may see, kept live: a snapshot (every open chat, the latest
 * closed ones), then every `interactionChanged` event applied on top. The snapshot is taken again
 * when the socket comes back, since events sent while it was down are lost. A search looks in the
 * list at once and asks the server for the rest (older closed chats).
 */
export function useInbox() {
  const { client } = useApolloClient();
  const { user } = useCurrentUser();
  const me = computed(() => user.value?.id ?? '');
  const tab = ref<InboxTab>('open');
  /** The Waiting view narrowed to one tray; null for all. */
  const trayId = ref<string | null>(null);
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
  // A tray granted or withdrawn brings or takes chats no change event was sent for.
  useDirectoryChange(['TRAY_ACCESS'], () => void refresh());
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
  onScopeDispose(() => window.clearTimeout(searchTimer));

  /** Shows a row the server just returned (a take) without waiting for its event. */
  function upsert(row: InboxRow): void {
    rows.value = upsertRow(rows.value, row);
  }

  const tabs = computed(() => inboxTabs(rows.value, me.value));
  const trayChips = computed(() => waitingTrays(trays.result.value?.trays ?? [], rows.value));
  // A tray that empties leaves the filter: the view falls back to every tray rather than to nothing.
  watch(trayChips, (chips) => {
    if (trayId.value && !chips.some((chip) => chip.trayId === trayId.value)) trayId.value = null;
  });
  const visible = computed(() => {
    const listed = new Set(rows.value.map((row) => row.id));
    const extra = found.value.filter((row) => !listed.has(row.id));
    return filterRows(extra.length ? [...rows.value, ...extra].sort(compareRows) : rows.value, { tab: tab.value, me: me.value, trayId: trayId.value, search: search.value });
  });

  return {
    tab,
    search,
    tabs,
    trayId,
    trayChips,
    rows,
    visible,
    loading: computed(() => loading.value && rows.value.length === 0),
    error: computed(() => error.value),
    refresh: () => void refresh(),
    upsert,
  };
}
