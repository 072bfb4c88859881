import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { WidgetConversationChangedDocument, WidgetConversationDocument } from '../../gql/graphql';
import { useOnReconnect } from '../../shared/apollo/reconnect';
import type { ConversationState } from '../closingComment';

/**
 * Where the visitor's chat is (waiting, with an agent, closed), live. A visitor's token may
 * subscribe to `interactionChanged`, and hears only its own interaction (api interaction.stream.ts).
 * Each change lands in Apollo's cache under the interaction's id, which updates the query's
 * result; a missed change (RESYNC, or a dropped socket) means asking again.
 */
export function useConversationState(interactionId: Readonly<Ref<string>>) {
  const query = useQuery(WidgetConversationDocument, () => ({ id: interactionId.value }), { fetchPolicy: 'cache-and-network' });
  const changes = useSubscription(WidgetConversationChangedDocument);
  changes.onResult(({ data }) => {
    if (data?.interactionChanged.kind === 'RESYNC') void query.refetch();
  });
  useOnReconnect(() => void query.refetch());

  return {
    state: computed<ConversationState | null>(() => query.result.value?.interaction ?? null),
    error: computed(() => query.error.value ?? null),
  };
}
