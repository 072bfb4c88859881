import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, shallowRef, watch, type Ref } from 'vue';
import { MonitorTodayChangedDocument, MonitorTodayDocument, type MonitorTodayFieldsFragment } from '../../../gql/graphql';
import { busyRows, levelRange, newerToday, todayRows } from '../todayRules';

export type MonitorToday = MonitorTodayFieldsFragment;

/**
 * Today's hourly figures for the dashboard's campaigns. The query paints the first picture while the
 * socket connects; the subscription pushes a new one after changes (the server coalesces them over
 * a couple of seconds), so nothing polls. The later-generated picture wins; a new campaign filter
 * takes whatever comes next.
 */
export function useMonitorToday(campaignIds: Readonly<Ref<readonly string[]>>) {
  const today = shallowRef<MonitorToday | null>(null);
  const variables = () => ({ filter: campaignIds.value.length ? { campaignIds: [...campaignIds.value] } : null });
  let refiltered = false;
  watch(campaignIds, () => (refiltered = true), { deep: true, flush: 'sync' });
  const accept = (next: MonitorToday | undefined) => {
    if (!next || !(refiltered || newerToday(today.value, next))) return;
    refiltered = false;
    today.value = next;
  };

  const first = useQuery(MonitorTodayDocument, variables, { fetchPolicy: 'no-cache' });
  first.onResult(({ data }) => accept(data?.monitorToday));
  const live = useSubscription(MonitorTodayChangedDocument, variables, { fetchPolicy: 'no-cache' });
  live.onResult(({ data }) => accept(data?.monitorTodayChanged));

  const rows = computed(() => todayRows(today.value?.hours ?? []));
  return {
    today,
    rows,
    busy: computed(() => busyRows(rows.value)),
    /** The shown campaigns' service levels, in seconds: "30" or "20–60". */
    levels: computed(() => levelRange(today.value?.campaigns.map((c) => c.serviceLevelSeconds) ?? [])),
    error: computed(() => (today.value ? null : (first.error.value ?? live.error.value ?? null))),
  };
}
