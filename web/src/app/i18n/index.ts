import { computed, type ComputedRef } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import { bundlesOf, mergeBundles, type MessageBundle } from '../../shared/i18n/bundles';
import { pickLanguage, type Language } from '../../shared/i18n/language';
import { readStored, writeStored } from '../../shared/storage';
import en, { type AppMessages } from './en';
import es from './es';
import pt from './pt';

const LANGUAGE_KEY = 'parley.language';

/** Every feature's own texts (features/<name>/i18n.ts, shared/<name>/i18n.ts, app/<name>/i18n.ts). */
export const APP_BUNDLES = bundlesOf(import.meta.glob<{ default: MessageBundle }>(['../../features/*/i18n.ts', '../../shared/*/i18n.ts', '../*/i18n.ts'], { eager: true }));

const initial = pickLanguage(readStored(LANGUAGE_KEY), ...navigator.languages, navigator.language);
document.documentElement.lang = initial;

export const i18n = createI18n<[AppMessages], Language, false>({
  legacy: false,
  locale: initial,
  fallbackLocale: 'en',
  messages: mergeBundles({ en, es, pt }, APP_BUNDLES),
});

/** The app's language and the switch that changes it (remembered for the next visit). */
export function useLanguage(): { language: ComputedRef<Language>; setLanguage: (language: Language) => void } {
  const { locale } = useI18n({ useScope: 'global' });
  const language = computed(() => pickLanguage(locale.value));
  function setLanguage(next: Language): void {
    locale.value = next;
    writeStored(LANGUAGE_KEY, next);
    document.documentElement.lang = next;
  }
  return { language, setLanguage };
}
