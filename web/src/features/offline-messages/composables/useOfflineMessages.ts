import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, type Ref, watch } from 'vue';
import { AnswerOfflineMessageDocument, OfflineMessagesDocument, OfflineMessageToConversationDocument, UnhandledOfflineMessagesChangedDocument } from '../../../gql/graphql';
import type { OfflineMessageRow, OfflineView } from '../offlineRules';

// Whatever handles a message moves it from one list to the other.
const REFETCH = ['OfflineMessages'];

/**
 * What still waits, for the header's count and the screen's tab: the server answers it at once, then
 * whenever it changes (a customer left one, a colleague handled one), and again after a reconnect.
 */
export function useUnhandledCount() {
  const live = useSubscription(UnhandledOfflineMessagesChangedDocument, null, { fetchPolicy: 'no-cache' });
  return computed(() => live.result.value?.unhandledOfflineMessagesChanged ?? 0);
}

/** One list of the screen, kept live by the count of what waits, and the two ways of handling a message. */
export function useOfflineMessages(view: Readonly<Ref<OfflineView>>, waiting: Readonly<Ref<number>>) {
  const query = useQuery(OfflineMessagesDocument, () => ({ handled: view.value === 'handled' }), { fetchPolicy: 'cache-and-network' });
  // The count moves when a message is left or handled anywhere the person reaches: the list follows.
  watch(waiting, () => void query.refetch());
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
