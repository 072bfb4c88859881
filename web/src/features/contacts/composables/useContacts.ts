import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, watch } from 'vue';
import { ContactActivityDocument, ContactsDocument } from '../../../gql/graphql';
import { appendPage, PAGE_SIZE, SETTLE_MS } from '../contactRules';

/** The contacts the signed-in person may see, newest activity first, searched, paged, and read again as chats change. */
export function useContacts() {
  const search = ref('');
  const searched = ref('');
  const timers = new Set<number>();
  const later = (run: () => void) => {
    timers.forEach((timer) => window.clearTimeout(timer));
    timers.clear();
    timers.add(window.setTimeout(run, SETTLE_MS));
  };
  onScopeDispose(() => timers.forEach((timer) => window.clearTimeout(timer)));
  watch(search, (text) => later(() => (searched.value = text.trim())));

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

  // A contact's state is where its chat is: any chat's change may move one. A burst of them is read once.
  const live = useSubscription(ContactActivityDocument, null, () => ({ fetchPolicy: 'no-cache' }));
  live.onResult(() => later(() => void query.refetch()));

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
