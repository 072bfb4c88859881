import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, type Ref } from 'vue';
import { AnswerOfflineMessageDocument, OfflineMessagesDocument, OfflineMessageToConversationDocument, UnhandledOfflineMessagesDocument } from '../../../gql/graphql';
import type { OfflineMessageRow, OfflineView } from '../offlineRules';

// Whatever handles a message changes both lists and the header's count.
const REFETCH = ['OfflineMessages', 'UnhandledOfflineMessages'];

/** What still waits, for the header's count and the screen's tab. */
export function useUnhandledCount() {
  const query = useQuery(UnhandledOfflineMessagesDocument, null, { fetchPolicy: 'cache-and-network' });
  return computed(() => query.result.value?.unhandledOfflineMessages ?? 0);
}

/** One list of the screen, and the two ways of handling a message. */
export function useOfflineMessages(view: Readonly<Ref<OfflineView>>) {
  const query = useQuery(OfflineMessagesDocument, () => ({ handled: view.value === 'handled' }), { fetchPolicy: 'cache-and-network' });
  const answer = useMutation(AnswerOfflineMessageDocument, { refetchQueries: REFETCH });
  const convert = useMutation(OfflineMessageToConversationDocument, { refetchQueries: REFETCH });
  return {
    messages: computed<readonly OfflineMessageRow[]>(() => query.result.value?.offlineMessages ?? []),
    loading: computed(() => query.loading.value && !query.result.value),
    error: query.error,
    refetch: () => query.refetch(),
    answer: async (id: string, body: string) => (await answer.mutate({ id, body }))!.data!.answerOfflineMessage,
    convert: async (id: string) => (await convert.mutate({ id }))!.data!.offlineMessageToConversation,
  };
}
