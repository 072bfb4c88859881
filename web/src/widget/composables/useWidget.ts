import { useQuery } from '@vue/apollo-composable';
import { computed, watch } from 'vue';
import { CampaignDocument, type CampaignQuery } from '../../gql/graphql';
import type { Language } from '../../shared/i18n/language';
import type { StoredConversation } from '../conversationStore';
import { useWidgetContext } from '../context';

export type WidgetCampaign = CampaignQuery['campaign'];

/** What the widget shows, one phase at a time, each with only the data it needs. */
export type WidgetView =
  | { kind: 'no-campaign' }
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'form'; campaign: WidgetCampaign; welcome: string | null }
  | { kind: 'chat'; campaign: WidgetCampaign; conversation: StoredConversation };

/** The campaign's welcome in the visitor's language, else the campaign's own, else English: the server's fallback. */
export function welcomeText(campaign: WidgetCampaign, language: Language): string | null {
  const inLanguage = (wanted: Language) => campaign.messages.find((set) => set.language === wanted)?.welcome?.trim() || null;
  return inLanguage(language) ?? inLanguage(campaign.defaultLanguage) ?? inLanguage('en');
}

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
    if (conversation) return { kind: 'chat', campaign: loaded, conversation };
    return { kind: 'form', campaign: loaded, welcome: welcomeText(loaded, params.language) };
  });

  return { view, startOver: store.forget };
}
