import type { CampaignAvailabilityQuery } from '../gql/graphql';
import type { Language } from '../shared/i18n/language';
import { campaignText, type WidgetCampaign } from './campaignTexts';
import { OfflineMessage, type StoredConversation } from './conversationStore';

export type Availability = CampaignAvailabilityQuery['campaignAvailability'];

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

export interface VisitorState {
  conversation: StoredConversation | null;
  /** Null while not known yet (only asked without a conversation). */
  availability: Availability | null;
  /** An offline message was left on this page before any chat. */
  sentBeforeChat: boolean;
  /** The language of the campaign's texts (params.ts `textLanguage`). */
  textLanguage: Language | null;
}

/**
 * The screen for a loaded campaign: the visitor's conversation when there is one, else what a chat
 * started now would be told, so that nothing is asked of a visitor who would be turned away.
 */
export function screenFor(campaign: WidgetCampaign, state: VisitorState): WidgetView {
  const text = (key: Parameters<typeof campaignText>[1]) => campaignText(campaign, key, state.textLanguage);
  const refused = (reason: 'OUT_OF_HOURS' | 'FULL', offlineMessage: OfflineMessage, next: RefusalNext): WidgetView => ({
    kind: 'refused',
    campaign,
    reason,
    text: text(reason === 'OUT_OF_HOURS' ? 'outOfHours' : 'unavailable'),
    offlineMessage,
    offlineIntro: text('offline'),
    next,
  });

  const { conversation, availability } = state;
  if (conversation?.admission === 'OPEN') return { kind: 'chat', campaign, conversation };
  if (conversation) return refused(conversation.admission, conversation.offlineMessage, 'start-over');
  if (!availability) return { kind: 'loading' };
  // A campaign whose bot answers first promises no agent yet.
  if (availability.admission === 'OPEN') return { kind: 'form', campaign, welcome: text(campaign.botFirst ? 'botWelcome' : 'welcome') };
  if (availability.admission === 'FULL') return refused('FULL', OfflineMessage.NOT_TAKEN, 'check-again');
  const offline = state.sentBeforeChat ? OfflineMessage.SENT : availability.offlineMessagesAllowed ? OfflineMessage.ALLOWED : OfflineMessage.NOT_TAKEN;
  return refused('OUT_OF_HOURS', offline, null);
}
