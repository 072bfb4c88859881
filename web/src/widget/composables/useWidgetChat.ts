import { computed, watch, type Ref } from 'vue';
import { ErrorCode, hasErrorCode } from '../../shared/apollo/errors';
import { useMessageStream } from '../../shared/messages/useMessageStream';
import type { StoredConversation } from '../conversationStore';
import { useWidgetContext } from '../context';

/** The visitor's conversation; one the server no longer has for this token starts over. */
export function useWidgetChat(conversation: Readonly<Ref<StoredConversation>>) {
  const { store } = useWidgetContext();
  const stream = useMessageStream(computed(() => conversation.value.interactionId));

  watch(stream.error, (error) => {
    if (hasErrorCode(error, ErrorCode.NOT_FOUND) || hasErrorCode(error, ErrorCode.FORBIDDEN)) store.forget();
  });

  return stream;
}
