import { useQuery } from '@vue/apollo-composable';
import { computed, watch } from 'vue';
import { CampaignDocument } from '../../gql/graphql';
import { campaignText, type WidgetCampaign } from '../campaignTexts';
import { OfflineMessage, type StoredConversation } from '../conversationStore';
import { useWidgetContext } from '../context';

export type { WidgetCampaign };

/** What the widget shows, one phase at a time, each with only the data it needs. */
export type WidgetView =
  | { kind: 'no-campaign' }
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'form'; campaign: WidgetCampaign; welcome: string | null }
  /** The server closed the chat at once: out of hours, or too many already waiting. */
  | { kind: 'refused'; campaign: WidgetCampaign; reason: 'OUT_OF_HOURS' | 'FULL'; text: string | null; offlineMessage: OfflineMessage; offlineIntro: string | null }
  | { kind: 'chat'; campaign: WidgetCampaign; conversation: StoredConversation };

/** The campaign, the visitor's stored conversation, and which of the widget's screens they call for. */
export function useWidget() {
  const { params, store } = useWidgetContext();

  const campaign = useQuery(
    CampaignDocument,
    () => ({ id: params.campaignId ?? '' }),
    () => ({ enabled: params.campaignId !== null }),
  );

  // A stale visitor token fails every request, this public one too; once it is forgotten, ask again.
  watch(store.conversation, (now, before) => {
    if (before && !now && campaign.error.value) void campaign.refetch();
  });

  const view = computed<WidgetView>(() => {
    if (!params.campaignId) return { kind: 'no-campaign' };
    const loaded = campaign.result.value?.campaign;
    if (!loaded) return campaign.error.value ? { kind: 'unavailable' } : { kind: 'loading' };
    const conversation = store.conversation.value;
    if (!conversation) return { kind: 'form', campaign: loaded, welcome: campaignText(loaded, 'welcome', params.textLanguage) };
    if (conversation.admission === 'OPEN') return { kind: 'chat', campaign: loaded, conversation };
    const reason = conversation.admission;
    return {
      kind: 'refused',
      campaign: loaded,
      reason,
      text: campaignText(loaded, reason === 'OUT_OF_HOURS' ? 'outOfHours' : 'unavailable', params.textLanguage),
      offlineMessage: conversation.offlineMessage,
      offlineIntro: campaignText(loaded, 'offline', params.textLanguage),
    };
  });

  return { view, startOver: store.forget };
}
