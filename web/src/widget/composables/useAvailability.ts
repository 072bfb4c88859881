import { useQuery } from '@vue/apollo-composable';
import { computed, onScopeDispose, type Ref } from 'vue';
import { CampaignAvailabilityDocument } from '../../gql/graphql';
import type { Availability } from '../widgetView';

/** How often a refusal is asked again on its own: hours that open or a seat that frees show without a click. */
const RECHECK_MS = 60_000;
/** A visitor clicking about the widget asks at most this often: the anonymous allowance is per address. */
const FOCUS_GAP_MS = 10_000;

/**
 * Whether a chat started now would be let in, asked while the visitor has no conversation: before
 * the form, again when they come back to the widget, and every minute while the answer is no.
 * Null while unknown; a failed answer is taken as open, since the start decides again anyway.
 */
export function useAvailability(campaignId: string | null, wanted: Readonly<Ref<boolean>>) {
  const enabled = computed(() => campaignId !== null && wanted.value);
  const query = useQuery(CampaignAvailabilityDocument, { campaignId: campaignId ?? '' }, () => ({ enabled: enabled.value, fetchPolicy: 'network-only' }));
  let askedAt = Date.now();

  const availability = computed<Availability | null>(() => {
    if (query.error.value) return { admission: 'OPEN', offlineMessagesAllowed: false };
    return query.result.value?.campaignAvailability ?? null;
  });

  function ask(): void {
    if (!enabled.value) return;
    askedAt = Date.now();
    void query.refetch()?.catch(() => undefined);
  }

  const timer = window.setInterval(() => {
    if (availability.value && availability.value.admission !== 'OPEN') ask();
  }, RECHECK_MS);
  const onFocus = () => {
    if (Date.now() - askedAt >= FOCUS_GAP_MS) ask();
  };
  window.addEventListener('focus', onFocus);
  onScopeDispose(() => {
    window.clearInterval(timer);
    window.removeEventListener('focus', onFocus);
  });

  return { availability, ask, asking: query.loading };
}
