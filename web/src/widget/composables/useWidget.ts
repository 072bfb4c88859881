import { useQuery } from '@vue/apollo-composable';
import { computed, watch } from 'vue';
import { CampaignDocument } from '../../gql/graphql';
import { campaignText, type WidgetCampaign } from '../campaignTexts';
import { OfflineMessage, type StoredConversation } from '../conversationStore';
import { useWidgetContext } from '../context';
import { useAvailability } from './useAvailability';

export type { WidgetCampaign };

/**
 * What the visitor can do after a refusal: start over when a chat was refused, ask again when the
 * queue was full before anything was asked; out of hours before asking, the offline form is the way.
 */
export type RefusalNext = 'start-over' | 'check-again' | null;

/** What the widget shows, one phase at a time, each with only the data it needs. */
export type WidgetView =
  | { kind: 'no-campaign' }
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'form'; campaign: WidgetCampaign; welcome: string | null }
  /** Out of hours, or too many already waiting: known before the form, or when the server closed the chat at once. */
  | { kind: 'refused'; campaign: WidgetCampaign; reason: 'OUT_OF_HOURS' | 'FULL'; text: string | null; offlineMessage: OfflineMessage; offlineIntro: string | null; next: RefusalNext }
  | { kind: 'chat'; campaign: WidgetCampaign; conversation: StoredConversation };

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

  function refused(loaded: WidgetCampaign, reason: 'OUT_OF_HOURS' | 'FULL', offlineMessage: OfflineMessage, next: RefusalNext): WidgetView {
    const text = campaignText(loaded, reason === 'OUT_OF_HOURS' ? 'outOfHours' : 'unavailable', params.textLanguage);
    return { kind: 'refused', campaign: loaded, reason, text, offlineMessage, offlineIntro: campaignText(loaded, 'offline', params.textLanguage), next };
  }

  const view = computed<WidgetView>(() => {
    if (!params.campaignId) return { kind: 'no-campaign' };
    const loaded = campaign.result.value?.campaign;
    if (!loaded) return campaign.error.value ? { kind: 'unavailable' } : { kind: 'loading' };
    const conversation = store.conversation.value;
    if (conversation?.admission === 'OPEN') return { kind: 'chat', campaign: loaded, conversation };
    if (conversation) return refused(loaded, conversation.admission, conversation.offlineMessage, 'start-over');
    const now = availability.value;
    if (!now) return { kind: 'loading' };
    if (now.admission === 'OPEN') return { kind: 'form', campaign: loaded, welcome: campaignText(loaded, 'welcome', params.textLanguage) };
    if (now.admission === 'FULL') return refused(loaded, 'FULL', OfflineMessage.NOT_TAKEN, 'check-again');
    const offline = store.sentBeforeChat.value ? OfflineMessage.SENT : now.offlineMessagesAllowed ? OfflineMessage.ALLOWED : OfflineMessage.NOT_TAKEN;
    return refused(loaded, 'OUT_OF_HOURS', offline, null);
  });

  return { view, startOver: store.forget, checkAgain: ask, checking: asking };
}
