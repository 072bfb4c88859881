/**
 * Tags and skills as the server keeps them (trimmed, lower-case, unique), so what the agent sees
 * after picking is what is stored, and the same label typed twice is not added twice.
 */
export function cleanLabel(value: string): string {
  return value.trim().toLowerCase();
}

/** The labels with one more added; unchanged when it is blank or already there. */
export function addLabel(labels: readonly string[], value: string): string[] {
  const label = cleanLabel(value);
  return !label || labels.includes(label) ? [...labels] : [...labels, label];
}

export function removeLabel(labels: readonly string[], value: string): string[] {
  return labels.filter((label) => label !== value);
}

/** Known labels that start with, then contain, what is typed, leaving out those already chosen. */
export function suggestLabels(known: readonly string[], chosen: readonly string[], typed: string, limit = 8): string[] {
  const needle = cleanLabel(typed);
  const open = [...new Set(known.map(cleanLabel))].filter((label) => label && !chosen.includes(label));
  const starts = open.filter((label) => label.startsWith(needle));
  const contains = open.filter((label) => !label.startsWith(needle) && label.includes(needle));
  return [...starts.sort(), ...contains.sort()].slice(0, limit);
}

/**
 * What the picker lists while the agent types: what was typed first when it would be a new label
 * (the list highlights its first entry, so Enter creates it), then the known ones that match.
 */
export function labelChoices(known: readonly string[], chosen: readonly string[], typed: string): string[] {
  const suggested = suggestLabels(known, chosen, typed);
  const fresh = cleanLabel(typed);
  return fresh && !chosen.includes(fresh) && !suggested.includes(fresh) ? [fresh, ...suggested] : suggested;
}

/** A country or language code in the reader's language ("BR" → "Brazil"), or the code itself. */
export function displayName(code: string | null | undefined, type: 'region' | 'language', locale: string): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([locale], { type }).of(type === 'region' ? code.toUpperCase() : code) ?? code;
  } catch {
    return code;
  }
}

type Origin = { country?: string | null; language?: string | null };

/**
 * Where the customer writes from and in what language, named in the reader's language: what this
 * chat reported, else what is known of the contact (a contact may write from elsewhere this time).
 */
export function chatOrigin(chat: Origin & { contact: Origin }, locale: string): { country: string | null; language: string | null } {
  return {
    country: displayName(chat.country ?? chat.contact.country, 'region', locale),
    language: displayName(chat.language ?? chat.contact.language, 'language', locale),
  };
}

/** The chat's status beside its phase only while someone serves it: a status is set by whoever holds it. */
export const showsStatus = (chat: { phase: string }): boolean => chat.phase === 'IN_SERVICE';
