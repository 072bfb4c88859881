import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { InteractionsDocument, type InteractionFilterInput, type InteractionSummaryFragment } from '../../../gql/graphql';

/** Open chats are read in pages of this many, up to OPEN_LIMIT: every one the person may act on. */
const PAGE = 200;
export const OPEN_LIMIT = 2000;
/** The latest closed chats shown under "Closed"; older ones are found by searching. */
export const CLOSED_SHOWN = 50;
/** What a search brings from the server, beyond the chats already listed. */
export const SEARCH_SHOWN = 50;

type Client = ApolloClient<NormalizedCacheObject>;

async function page(client: Client, filter: InteractionFilterInput, first: number, after: string | null) {
  const { data } = await client.query({ query: InteractionsDocument, variables: { first, after, filter }, fetchPolicy: 'no-cache' });
  return data.interactions;
}

/**
 * The inbox's starting point: every open chat the person may see, not just the newest (a chat
 * waiting since the morning must not fall off a busy inbox), then the latest closed ones.
 */
export async function loadInbox(client: Client): Promise<InteractionSummaryFragment[]> {
  const open: InteractionSummaryFragment[] = [];
  let after: string | null = null;
  do {
    const read = await page(client, { phases: ['BOT', 'WAITING', 'IN_SERVICE'] }, PAGE, after);
    open.push(...read.edges.map((edge) => edge.node));
    after = read.pageInfo.hasNextPage ? (read.pageInfo.endCursor ?? null) : null;
  } while (after && open.length < OPEN_LIMIT);
  const closed = await page(client, { phases: ['CLOSED'] }, CLOSED_SHOWN, null);
  return [...open, ...closed.edges.map((edge) => edge.node)];
}

/** Chats matching a search on the server: older closed ones included. */
export async function searchInbox(client: Client, search: string): Promise<InteractionSummaryFragment[]> {
  return (await page(client, { search }, SEARCH_SHOWN, null)).edges.map((edge) => edge.node);
}
