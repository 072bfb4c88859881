import { fold } from '../text/fold';

/** The part of a canned response the rules look at. */
export interface CannedText {
  shortcut: string;
  body: string;
  /** Null: for every language. */
  language?: string | null;
}

/** A "/query" being typed: where its slash is and what follows it up to the cursor. */
export interface SlashQuery {
  start: number;
  query: string;
}

/**
 * The "/query" the cursor is in, if any: a slash at the start of the draft or right after a space
 * or line break, with no space between it and the cursor (so "and/or" or a URL never opens the list).
 */
export function slashQueryAt(draft: string, cursor: number): SlashQuery | null {
  const before = draft.slice(0, cursor);
  const match = /(?:^|\s)\/(\S*)$/.exec(before);
  if (!match) return null;
  const query = match[1]!;
  return { start: cursor - query.length - 1, query };
}

/** The chat's language ("es-ES" is Spanish) first, then those for every language, then the rest. */
function languageRank(response: CannedText, language: string | null): number {
  if (!response.language) return 1;
  return language && language.slice(0, 2).toLowerCase() === response.language.toLowerCase() ? 0 : 2;
}

/**
 * The responses that match what was typed, best first: shortcuts that start with it, then
 * shortcuts or texts that contain it; within each, those in the chat's language first. Accents and
 * case do not matter ("/gracias" finds "Gracías").
 */
export function filterCanned<T extends CannedText>(responses: readonly T[], query: string, language: string | null = null): T[] {
  const wanted = fold(query.trim());
  const byLanguage = (a: T, b: T) => languageRank(a, language) - languageRank(b, language) || a.shortcut.localeCompare(b.shortcut);
  if (!wanted) return [...responses].sort(byLanguage);
  const rank = (response: T): number => {
    const shortcut = fold(response.shortcut);
    if (shortcut.startsWith(wanted)) return 0;
    if (shortcut.includes(wanted)) return 1;
    return fold(response.body).includes(wanted) ? 2 : -1;
  };
  return responses
    .map((response) => ({ response, rank: rank(response) }))
    .filter(({ rank }) => rank >= 0)
    .sort((a, b) => a.rank - b.rank || byLanguage(a.response, b.response))
    .map(({ response }) => response);
}

/** The next option to highlight when moving by `step` through `count` options, wrapping around. */
export const moveActive = (active: number, step: 1 | -1, count: number): number => (count === 0 ? 0 : (active + step + count) % count);
