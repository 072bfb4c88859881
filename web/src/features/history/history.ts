import type { ContactInteractionsQuery } from '../../gql/graphql';

export type PastConversation = ContactInteractionsQuery['interactions']['edges'][number]['node'];

/** How many of a contact's conversations are read; the header's menu lists them all. */
export const HISTORY_SIZE = 20;

/** How many the info panel lists, where room is short. */
export const RECENT_SIZE = 5;

/** The contact's other conversations (never the one on screen), newest first. */
export function earlierConversations(rows: readonly PastConversation[], currentId: string): PastConversation[] {
  return rows.filter((row) => row.id !== currentId).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
