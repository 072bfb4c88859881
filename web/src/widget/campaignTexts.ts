import type { CampaignQuery } from '../gql/graphql';
import type { Language } from '../shared/i18n/language';

export type WidgetCampaign = CampaignQuery['campaign'];

/** The campaign's own texts the widget shows (the others are for agents). */
export type CampaignTextKey = 'welcome' | 'botWelcome' | 'outOfHours' | 'unavailable' | 'offline' | 'closing';

/**
 * One of the campaign's texts in the visitor's language (null when Parley does not speak it), else
 * the campaign's own, else English:
 * the order the server follows for the texts it posts (campaign.rules.ts `campaignText`).
 * Null when the campaign has none; the widget then says it in its own words.
 */
export function campaignText(campaign: WidgetCampaign, key: CampaignTextKey, language: Language | null): string | null {
  const inLanguage = (wanted: Language) => campaign.messages.find((set) => set.language === wanted)?.[key]?.trim() || null;
  return (language && inLanguage(language)) ?? inLanguage(campaign.defaultLanguage) ?? inLanguage('en');
}
