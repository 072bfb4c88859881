import { useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { ContactDocument } from '../../../gql/graphql';
import { RECORD_CONVERSATIONS } from '../contactRules';

/** One contact's record, read while `contactId` names one: its details and the conversations the signed-in person may see. */
export function useContactRecord(contactId: Readonly<Ref<string | null>>) {
  const query = useQuery(
    ContactDocument,
    () => ({ id: contactId.value ?? '', first: RECORD_CONVERSATIONS }),
    () => ({ enabled: contactId.value !== null, fetchPolicy: 'cache-and-network' }),
  );
  // While another contact's record is still on screen, the new one is loading, not that one.
  const contact = computed(() => {
    const found = query.result.value?.contact;
    return found && found.id === contactId.value ? found : null;
  });
  return {
    contact,
    conversations: computed(() => contact.value?.conversations.edges.map((edge) => edge.node) ?? []),
    loading: computed(() => query.loading.value && !contact.value),
    error: computed(() => query.error.value ?? null),
  };
}
