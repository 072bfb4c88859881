import { type CampaignMessages, type CampaignTexts, Language, LANGUAGES } from './campaign.enums.js';

/** Narrows a browser or contact language tag ("pt-BR") to one Parley speaks, else null. */
export function normalizeLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const base = tag.trim().slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : null;
}

/** A campaign text in the contact's language, else the campaign's default, else English; null if none is set. */
export function campaignText(messages: CampaignMessages, key: keyof CampaignTexts, contactLanguage: string | null, defaultLanguage: Language): string | null {
  const order = [normalizeLanguage(contactLanguage), defaultLanguage, Language.en];
  for (const lang of order) {
    const text = lang ? messages[lang]?.[key] : undefined;
    if (text && text.trim()) return text;
  }
  return null;
}

/** Protocol numbers read well aloud: prefix, date, counter (e.g. DEM-261121-100042). */
export function formatProtocol(prefix: string, at: Date, counter: number): string {
  const yy = String(at.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(at.getUTCDate()).padStart(2, '0');
  return `${prefix}-${yy}${mm}${dd}-${counter}`;
}

/** A campaign name reduced to an uppercase three-letter protocol prefix. */
export function protocolPrefixFor(name: string): string {
  const letters = name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase();
  return (letters + 'XXX').slice(0, 3);
}
