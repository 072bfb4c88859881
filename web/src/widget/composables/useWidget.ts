import { useQuery } from '@vue/apollo-composable';
import { computed, watch } from 'vue';
import { CampaignDocument } from '../../gql/graphql';
import type { WidgetCampaign } from '../campaignTexts';
import { useWidgetContext } from '../context';
import { screenFor, type WidgetView } from '../widgetView';
import { useAvailability } from './useAvailability';

export type { WidgetCampaign };

/** The campaign, the visitor's stored conversation, and which of the widget's screens they call for. */
export function useWidget() {
  const { params, store } = useWidgetContext();

  const campaign = useQuery(
    CampaignDocument,
    () => ({ id: params.campaignId ?? '' }),
    () => ({ enabled: params.campaignId !== null }),
  );
  // Only a visitor without a conversation is about to be asked anything.
  const { availability, ask, asking } = useAvailability(
    params.campaignId,
    computed(() => !store.conversation.value),
  );

  // A stale visitor token fails every request, this public one too; once it is forgotten, ask again.
  watch(store.conversation, (now, before) => {
    if (before && !now && campaign.error.value) void campaign.refetch();
  });

  const view = computed<WidgetView>(() => {
    if (!params.campaignId) return { kind: 'no-campaign' };
    const loaded = campaign.result.value?.campaign;
    if (!loaded) return campaign.error.value ? { kind: 'unavailable' } : { kind: 'loading' };
    return screenFor(loaded, {
      conversation: store.conversation.value,
      availability: availability.value,
      sentBeforeChat: store.sentBeforeChat.value,
      textLanguage: params.textLanguage,
    });
  });

  return { view, startOver: store.forget, checkAgain: ask, checking: asking };
}
