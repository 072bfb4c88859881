import { useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { ContactInteractionsDocument, type InteractionSummaryFragment } from '../../../gql/graphql';
import { earlierConversations, HISTORY_SIZE } from '../history';

/** The earlier conversations of the contact of `interaction` that the signed-in person may see. */
export function useContactHistory(interaction: Readonly<Ref<InteractionSummaryFragment>>) {
  const query = useQuery(ContactInteractionsDocument, () => ({ filter: { contactId: interaction.value.contact.id }, first: HISTORY_SIZE }), { fetchPolicy: 'cache-and-network' });
  const conversations = computed(() => earlierConversations(query.result.value?.interactions.edges.map((edge) => edge.node) ?? [], interaction.value.id));
  return {
    conversations,
    loading: computed(() => query.loading.value && !query.result.value),
    error: computed(() => query.error.value ?? null),
    refresh: () => void query.refetch(),
  };
}
