import { LANGUAGES, type Language } from '../shared/i18n/language';

/**
 * The language Parley speaks that a tag names ("pt-BR" → pt), or null ("de-DE"). The server reads
 * the tag the same way for the texts it posts, falling back to the campaign's default language.
 */
export function spokenLanguage(tag: string): Language | null {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === base) ?? null;
}

/** The country a tag names ("pt-BR" → BR); null without one, or for a region that is no country ("es-419"). */
export function countryOf(tag: string): string | null {
  try {
    const region = new Intl.Locale(tag.trim().replace(/_/g, '-')).region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}
