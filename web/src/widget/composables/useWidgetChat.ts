import { computed, watch, type Ref } from 'vue';
import { ErrorCode, hasErrorCode } from '../../shared/apollo/errors';
import { useMessageStream } from '../../shared/messages/useMessageStream';
import { splitClosing } from '../closingComment';
import type { StoredConversation } from '../conversationStore';
import { useWidgetContext } from '../context';
import { useConversationState } from './useConversationState';

/**
 * The visitor's conversation: its messages, where it stands, and, once closed, the closing comment
 * apart from the thread. One the server no longer has for this token starts over.
 */
export function useWidgetChat(conversation: Readonly<Ref<StoredConversation>>) {
  const { store } = useWidgetContext();
  const interactionId = computed(() => conversation.value.interactionId);
  const stream = useMessageStream(interactionId);
  const { state, error: stateError } = useConversationState(interactionId);

  watch([stream.error, stateError], (errors) => {
    if (errors.some((error) => hasErrorCode(error, ErrorCode.NOT_FOUND) || hasErrorCode(error, ErrorCode.FORBIDDEN))) store.forget();
  });

  const split = computed(() => splitClosing(stream.messages.value, state.value));

  return {
    ...stream,
    thread: computed(() => split.value.thread),
    closing: computed(() => split.value.closing),
    state,
    closed: computed(() => state.value?.phase === 'CLOSED'),
    startOver: store.forget,
  };
}
