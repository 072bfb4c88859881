import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, watch } from 'vue';
import { ContactActivityDocument, ContactsDocument } from '../../../gql/graphql';
import { appendPage, LIVE_READ_MS, PAGE_SIZE, SETTLE_MS } from '../contactRules';

/** The contacts the signed-in person may see, newest activity first, searched, paged, and read again as chats change. */
export function useContacts() {
  const search = ref('');
  const searched = ref('');
  // Typing waits for a pause; chat changes are read at most once per LIVE_READ_MS, so a steady stream of them still shows.
  let typing = 0;
  let reading = 0;
  onScopeDispose(() => [typing, reading].forEach((timer) => window.clearTimeout(timer)));
  watch(search, (text) => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => (searched.value = text.trim()), SETTLE_MS);
  });

  const query = useQuery(ContactsDocument, () => ({ filter: searched.value ? { search: searched.value } : null, first: PAGE_SIZE }), { fetchPolicy: 'cache-and-network' });
  const page = computed(() => query.result.value?.contacts ?? null);
  const loadingMore = ref(false);

  async function loadMore(): Promise<void> {
    const after = page.value?.pageInfo.endCursor;
    if (!after || loadingMore.value) return;
    loadingMore.value = true;
    try {
      await query.fetchMore({
        variables: { after },
        updateQuery: (shown, { fetchMoreResult: next }) => {
          if (!next) return shown;
          const nodes = appendPage(
            shown.contacts.edges.map((edge) => edge.node),
            next.contacts.edges.map((edge) => edge.node),
          );
          return { contacts: { ...next.contacts, edges: nodes.map((node) => ({ __typename: 'ContactEdge' as const, node })) } };
        },
      });
    } finally {
      loadingMore.value = false;
    }
  }

  // A contact's state is where its chat is: any chat's change may move one.
  const live = useSubscription(ContactActivityDocument, null, () => ({ fetchPolicy: 'no-cache' }));
  live.onResult(() => {
    if (reading) return;
    reading = window.setTimeout(() => {
      reading = 0;
      void query.refetch();
    }, LIVE_READ_MS);
  });

  return {
    search,
    contacts: computed(() => page.value?.edges.map((edge) => edge.node) ?? []),
    total: computed(() => page.value?.totalCount ?? 0),
    hasMore: computed(() => page.value?.pageInfo.hasNextPage ?? false),
    loading: computed(() => query.loading.value && !query.result.value),
    loadingMore,
    error: computed(() => query.error.value ?? null),
    loadMore,
    refresh: () => void query.refetch(),
  };
}
