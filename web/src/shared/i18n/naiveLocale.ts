import { dateEnUS, dateEsAR, datePtBR, enUS, esAR, ptBR, type NDateLocale, type NLocale } from 'naive-ui';
import type { Language } from './language';

/** Naive UI's own texts (date pickers, empty states, ...) in the chosen language. */
export const naiveLocales: Record<Language, { locale: NLocale; dateLocale: NDateLocale }> = {
  es: { locale: esAR, dateLocale: dateEsAR },
  en: { locale: enUS, dateLocale: dateEnUS },
  pt: { locale: ptBR, dateLocale: datePtBR },
};
