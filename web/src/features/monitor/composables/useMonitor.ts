import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, nextTick, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { MonitorOptionsDocument, MonitorUpdatesDocument, type MonitorFilterInput } from '../../../gql/graphql';
import { frameBatch } from '../frameBatch';
import { emptyFilter, toFilterInput, type FilterForm } from '../monitorRules';
import { applyUpdates, monitorPicture, type MonitorPicture, type MonitorStore, type MonitorUpdate } from '../monitorStore';

export type { MonitorAgentRow, MonitorChatRow } from '../monitorStore';
export type MonitorSnapshot = MonitorPicture;

/** The User Timing entry that times each applied batch of updates, from the frame to the patched DOM (the benchmark reads it). */
export const APPLY_MEASURE = 'parley:monitor-apply';

/**
 * The live picture for a filter, from one subscription: everything once, then only the agents and
 * chats that changed. There is no polling and no HTTP query: the subscription's first (full) update
 * paints. Updates are queued as they arrive and applied together at the next frame; rows that did not
 * change keep their objects, so the tables redraw only what changed. A new filter or a reconnection
 * subscribes again, and its first update replaces the store; until it comes the old picture stays,
 * so the panel (and the filter being edited) does not blink away.
 */
export function useMonitor(filter: Readonly<Ref<MonitorFilterInput | null>>) {
  let store: MonitorStore | null = null;
  const snapshot = shallowRef<MonitorPicture | null>(null);
  const batch = frameBatch<MonitorUpdate>({
    apply: (updates) => {
      const started = performance.now();
      const next = applyUpdates(store, updates);
      if (!next || next === store) return;
      store = next;
      snapshot.value = monitorPicture(next, snapshot.value);
      void nextTick(() => performance.measure?.(APPLY_MEASURE, { start: started }));
    },
  });
  onScopeDispose(() => batch.dispose());

  const live = useSubscription(MonitorUpdatesDocument, () => ({ filter: filter.value }), { fetchPolicy: 'no-cache' });
  live.onResult(({ data }) => data?.monitorUpdates && batch.offer(data.monitorUpdates));

  return {
    snapshot,
    loading: computed(() => snapshot.value === null && !live.error.value),
    error: computed(() => (snapshot.value ? null : (live.error.value ?? null))),
  };
}

/** People, teams, thresholds and pause reasons: they change seldom, so one read per visit. */
export function useMonitorOptions() {
  const { result } = useQuery(MonitorOptionsDocument, null, { fetchPolicy: 'network-only' });
  const thresholds = computed(() => new Map((result.value?.campaigns ?? []).map((c) => [c.id, c.thresholdsSeconds])));
  return {
    agents: computed(() => result.value?.users ?? []),
    teams: computed(() => result.value?.teams ?? []),
    pauseReasons: computed(() => result.value?.pauseReasons ?? []),
    thresholds,
  };
}

/** How long typing pauses before the filter is sent: one new subscription per pause, not per keystroke. */
const FILTER_DEBOUNCE_MS = 300;

/** The filter form and the API filter it settles into. */
export function useMonitorFilter() {
  const form = ref<FilterForm>(emptyFilter());
  const filter = ref<MonitorFilterInput | null>(null);
  let timer: number | undefined;
  watch(form, (next) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const input = toFilterInput(next);
      if (JSON.stringify(input) !== JSON.stringify(filter.value)) filter.value = input;
    }, FILTER_DEBOUNCE_MS);
  });
  onScopeDispose(() => window.clearTimeout(timer));
  return { form, filter };
}
