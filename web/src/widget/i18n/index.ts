import { createI18n } from 'vue-i18n';
import type { Language } from '../../shared/i18n/language';
import en, { type WidgetMessages } from './en';
import es from './es';
import pt from './pt';

/** The widget's texts; the language comes from the embedding page (see params.ts). */
export function createWidgetI18n(language: Language) {
  return createI18n<[WidgetMessages], Language, false>({
    legacy: false,
    locale: language,
    fallbackLocale: 'en',
    messages: { en, es, pt },
  });
}
