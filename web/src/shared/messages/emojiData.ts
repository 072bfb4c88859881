import type { I18n } from 'emoji-picker-element/shared';
import enData from 'emoji-picker-element-data/en/cldr/data.json?url';
import esData from 'emoji-picker-element-data/es/cldr/data.json?url';
import ptData from 'emoji-picker-element-data/pt/cldr/data.json?url';
import type { Language } from '../i18n/language';

/**
 * Where the picker reads its emoji from, per language. The picker's default is a CDN; these files
 * are bundled and served by us instead, so the picker works on networks without internet access.
 */
export const EMOJI_DATA: Record<Language, string> = { en: enData, es: esData, pt: ptData };

/** The picker's own texts per language, loaded with the picker. */
export const EMOJI_TEXTS: Record<Language, () => Promise<{ default: I18n }>> = {
  en: () => import('emoji-picker-element/i18n/en.js'),
  es: () => import('emoji-picker-element/i18n/es.js'),
  pt: () => import('emoji-picker-element/i18n/pt_BR.js'),
};
