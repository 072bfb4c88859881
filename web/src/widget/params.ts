import { pickLanguage, type Language } from '../shared/i18n/language';

export interface WidgetParams {
  campaignId: string | null;
  /** The visitor's language tag as the browser gave it ("pt-BR"), sent with the new interaction. */
  languageTag: string;
  /** The language the widget speaks. */
  language: Language;
}

/** Reads `?campaign=<id>&lang=<tag>` as set by the embed script. */
export function readWidgetParams(search: string): WidgetParams {
  const params = new URLSearchParams(search);
  const languageTag = params.get('lang')?.trim() || navigator.language || 'en';
  return {
    campaignId: params.get('campaign')?.trim() || null,
    languageTag,
    language: pickLanguage(languageTag, navigator.language),
  };
}
