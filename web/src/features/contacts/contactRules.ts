import type { ContactFieldsFragment, ContactState } from '../../gql/graphql';

/** How many contacts a page reads; "Show more" reads the next. */
export const PAGE_SIZE = 25;

/** How many of a contact's conversations its record lists. */
export const RECORD_CONVERSATIONS = 50;

/** How long typing rests before the search is sent. */
export const SETTLE_MS = 300;

/** How often, at most, chat changes read the list again: a busy center changes chats many times a second. */
export const LIVE_READ_MS = 1500;

/** Each state's colour: waiting in a tray wants attention, an expired contact needs a new conversation. */
export const STATE_TAG = { BOT: 'default', TRAY: 'warning', AGENT: 'success', EXPIRED: 'error' } as const satisfies Record<ContactState, string>;

/** The name a person reads for a contact: its name, else its e-mail, else its phone. */
export const contactLabel = (contact: Pick<ContactFieldsFragment, 'name' | 'email' | 'phone'>): string => contact.name ?? contact.email ?? contact.phone ?? '—';

/**
 * A next page appended to the ones shown. A contact whose activity moved it between the two reads
 * would come twice: the newer read wins, in the place the first one had.
 */
export function appendPage<T extends { id: string }>(shown: readonly T[], next: readonly T[]): T[] {
  const fresh = new Map(next.map((row) => [row.id, row]));
  const kept = shown.map((row) => fresh.get(row.id) ?? row);
  const known = new Set(shown.map((row) => row.id));
  return [...kept, ...next.filter((row) => !known.has(row.id))];
}
