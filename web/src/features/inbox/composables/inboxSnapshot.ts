import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { InteractionsDocument, type InteractionFilterInput, type InteractionSummaryFragment } from '../../../gql/graphql';

/** The latest closed chats shown under "Closed"; older ones are found by searching. */
export const CLOSED_SHOWN = 50;
/** What a search brings from the server, beyond the chats already listed. */
export const SEARCH_SHOWN = 50;

type Client = ApolloClient<NormalizedCacheObject>;

async function page(client: Client, filter: InteractionFilterInput, first: number, after: string | null) {
  const { data } = await client.query({ query: InteractionsDocument, variables: { first, after, filter }, fetchPolicy: 'no-cache' });
  return data.interactions;
}

/** The latest closed chats, for the Closed view. */
export async function loadClosed(client: Client): Promise<InteractionSummaryFragment[]> {
  return (await page(client, { phases: ['CLOSED'] }, CLOSED_SHOWN, null)).edges.map((edge) => edge.node);
}

/** Chats matching a search on the server: older closed ones included. */
export async function searchInbox(client: Client, search: string): Promise<InteractionSummaryFragment[]> {
  return (await page(client, { search }, SEARCH_SHOWN, null)).edges.map((edge) => edge.node);
}
