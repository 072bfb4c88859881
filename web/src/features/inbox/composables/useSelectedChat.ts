import { useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { LinkedInteractionDocument } from '../../../gql/graphql';
import type { InboxRow } from '../inboxRules';

/**
 * The open chat lives in the address (/inbox/:id), so it can be linked and survives a reload. It
 * is read from the live list; a linked chat the list does not hold (older than the loaded page) is
 * fetched on its own. A chat that leaves the person's sight leaves the list, and so the screen.
 */
export function useSelectedChat(rows: Readonly<Ref<readonly InboxRow[]>>, listReady: Readonly<Ref<boolean>>) {
  const route = useRoute();
  const router = useRouter();
  const selectedId = computed(() => (typeof route.params.id === 'string' && route.params.id ? route.params.id : null));
  const inList = computed(() => rows.value.find((row) => row.id === selectedId.value) ?? null);

  const linked = useQuery(
    LinkedInteractionDocument,
    () => ({ id: selectedId.value ?? '' }),
    () => ({
      enabled: selectedId.value !== null && listReady.value && inList.value === null,
      fetchPolicy: 'network-only',
    }),
  );
  const fetched = computed(() => {
    const chat = linked.result.value?.interaction;
    return chat && chat.id === selectedId.value && !linked.error.value ? chat : null;
  });

  function select(id: string | null): void {
    void router.push(id ? { name: 'inbox', params: { id } } : { name: 'inbox' });
  }

  return { selectedId, selected: computed(() => inList.value ?? fetched.value), select };
}
