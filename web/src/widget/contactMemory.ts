import { readStored, writeStored } from '../shared/storage';
import { CONTACT_FIELDS, type ContactDraft, type ContactField } from './contactRules';

/**
 * The details this browser's visitor last gave, kept in the widget's own storage (its origin, not
 * the host page's), on this device only: a returning customer finds the form filled in.
 */
const KEY = 'parley.widget.contact';

/** Blank or left out: not given this time. */
type Given = Partial<Record<ContactField, string | null>>;

const BLANK: ContactDraft = { name: '', email: '', phone: '' };

/** A stored record, checked field by field: storage is anyone's to edit. */
export function parseContact(raw: string | null): ContactDraft {
  if (!raw) return { ...BLANK };
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return { ...BLANK };
    const stored = value as Record<string, unknown>;
    const draft = { ...BLANK };
    for (const field of CONTACT_FIELDS) if (typeof stored[field] === 'string') draft[field] = stored[field];
    return draft;
  } catch {
    return { ...BLANK };
  }
}

/** What was given now replaces what was kept; a field not asked this time keeps its earlier answer. */
export function mergeContact(kept: ContactDraft, given: Given): ContactDraft {
  const merged = { ...kept };
  for (const field of CONTACT_FIELDS) {
    const value = given[field]?.trim();
    if (value) merged[field] = value;
  }
  return merged;
}

export function recalledContact(): ContactDraft {
  return parseContact(readStored(KEY));
}

/** Called once the server took the details (a chat started, an offline message left). */
export function rememberContact(given: Given): void {
  writeStored(KEY, JSON.stringify(mergeContact(recalledContact(), given)));
}
