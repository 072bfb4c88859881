import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { MonitorChangedDocument, MonitorDocument, MonitorOptionsDocument, type MonitorFieldsFragment, type MonitorFilterInput } from '../../../gql/graphql';
import { emptyFilter, toFilterInput, type FilterForm } from '../monitorRules';

export type MonitorSnapshot = MonitorFieldsFragment;
export type MonitorAgentRow = MonitorSnapshot['agents'][number];
export type MonitorChatRow = MonitorSnapshot['bot'][number];

const newer = (a: MonitorSnapshot | null, b: MonitorSnapshot): boolean => !a || Date.parse(b.generatedAt) >= Date.parse(a.generatedAt);

/**
 * The live picture for a filter. The subscription answers a whole snapshot at once and another after
 * every change, so there is no polling and nothing to patch: the newest snapshot simply replaces the
 * last. The query paints the first one over HTTP while the socket is still connecting; whichever
 * answer was generated later wins, so a slow query cannot undo a newer push.
 */
export function useMonitor(filter: Readonly<Ref<MonitorFilterInput | null>>) {
  const snapshot = shallowRef<MonitorSnapshot | null>(null);
  // After a new filter the next picture replaces the old one whatever its time; until it comes the
  // old one stays on screen, so the panel (and the filter being edited) does not blink away.
  let refiltered = false;
  const accept = (next: MonitorSnapshot | undefined) => {
    if (!next || (!refiltered && !newer(snapshot.value, next))) return;
    refiltered = false;
    snapshot.value = next;
  };
  watch(filter, () => (refiltered = true), { deep: true, flush: 'sync' });

  const first = useQuery(MonitorDocument, () => ({ filter: filter.value }), { fetchPolicy: 'no-cache' });
  first.onResult(({ data }) => accept(data?.monitor));
  const live = useSubscription(MonitorChangedDocument, () => ({ filter: filter.value }), { fetchPolicy: 'no-cache' });
  live.onResult(({ data }) => accept(data?.monitorChanged));

  return {
    snapshot,
    loading: computed(() => snapshot.value === null && first.loading.value),
    error: computed(() => (snapshot.value ? null : (first.error.value ?? live.error.value ?? null))),
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
