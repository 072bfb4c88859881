import type { Language } from '../../gql/graphql';

export type { Language };

/** The languages Parley speaks, in the order the switcher lists them. */
export const LANGUAGES: readonly Language[] = ['es', 'en', 'pt'];

export const FALLBACK_LANGUAGE: Language = 'en';

/** The first supported language among tags such as "pt-BR" or "es", else English. */
export function pickLanguage(...tags: readonly (string | null | undefined)[]): Language {
  for (const tag of tags) {
    const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
    const found = LANGUAGES.find((language) => language === base);
    if (found) return found;
  }
  return FALLBACK_LANGUAGE;
}
