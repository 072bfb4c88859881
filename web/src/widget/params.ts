import { pickLanguage, type Language } from '../shared/i18n/language';
import { countryOf, spokenLanguage } from './visitorLocale';

export interface WidgetParams {
  campaignId: string | null;
  /** The visitor's language tag as the browser gave it ("pt-BR"), kept with the conversation or offline message. */
  languageTag: string;
  /** The language the widget speaks. */
  language: Language;
  /**
   * The language of the campaign's texts: the tag's when Parley speaks it, else null for the
   * campaign's default, as the server picks it for the texts it posts (welcome, closing).
   */
  textLanguage: Language | null;
  /** The visitor's country, from the tag's region ("pt-BR" → BR), when it names one. */
  country: string | null;
  /** The host page's accent (`#rrggbb`) and the ink that reads on it, or null for Parley's own. */
  accent: { color: string; ink: string } | null;
  /** Inside the embed script's iframe, whose panel the widget can ask to close. */
  embedded: boolean;
}

const HEX = /^#[0-9a-f]{6}$/i;

/** Reads `?campaign=<id>&lang=<tag>&accent=<hex>&ink=<hex>` as set by the embed script (embed/options.ts). */
export function readWidgetParams(search: string, embedded: boolean): WidgetParams {
  const params = new URLSearchParams(search);
  const languageTag = params.get('lang')?.trim() || navigator.language || 'en';
  const color = params.get('accent') ?? '';
  const ink = params.get('ink') ?? '';
  return {
    campaignId: params.get('campaign')?.trim() || null,
    languageTag,
    language: pickLanguage(languageTag, navigator.language),
    textLanguage: spokenLanguage(languageTag),
    country: countryOf(languageTag),
    // Anyone can craft this URL: only plain hex colours reach the styles.
    accent: HEX.test(color) && HEX.test(ink) ? { color, ink } : null,
    embedded,
  };
}
