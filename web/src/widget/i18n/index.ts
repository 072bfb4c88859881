import { createI18n } from 'vue-i18n';
import { bundlesOf, mergeBundles, type MessageBundle } from '../../shared/i18n/bundles';
import type { Language } from '../../shared/i18n/language';
import en, { type WidgetMessages } from './en';
import es from './es';
import pt from './pt';

/** The texts of the shared pieces the widget uses (shared/<name>/i18n.ts) and of its own parts (widget/<name>/i18n.ts). */
export const WIDGET_BUNDLES = bundlesOf(import.meta.glob<{ default: MessageBundle }>(['../../shared/*/i18n.ts', '../*/i18n.ts'], { eager: true }));

/** The widget's texts; the language comes from the embedding page (see params.ts). */
export function createWidgetI18n(language: Language) {
  return createI18n<[WidgetMessages], Language, false>({
    legacy: false,
    locale: language,
    fallbackLocale: 'en',
    messages: mergeBundles({ en, es, pt }, WIDGET_BUNDLES),
  });
}
