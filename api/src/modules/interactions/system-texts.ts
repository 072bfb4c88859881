import { normalizeLanguage } from '../campaigns/campaign.rules.js';
import { Language } from '../campaigns/campaign.enums.js';

/** What Parley itself tells the customer, where no campaign text applies. */
const TEXTS = {
  joined: {
    es: '{name} se ha unido a la conversación.',
    en: '{name} has joined the conversation.',
    pt: '{name} entrou na conversa.',
  },
  left: {
    es: '{name} ha salido de la conversación.',
    en: '{name} has left the conversation.',
    pt: '{name} saiu da conversa.',
  },
} satisfies Record<string, Record<Language, string>>;

export function systemTextFor(key: keyof typeof TEXTS, language: string | null, values: Record<string, string>): string {
  const template = TEXTS[key][normalizeLanguage(language) ?? Language.en];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
