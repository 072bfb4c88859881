import { computed, type Ref } from 'vue';
import type { InteractionSummaryFragment } from '../../../gql/graphql';
import { useNow } from '../../../shared/composables/useNow';
import { formatElapsed } from '../../../shared/format/time';
import { useMessageStream } from '../../../shared/messages/useMessageStream';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { replyHintKey, replyState } from '../actions';

/** An open chat: its live messages, whether the agent can write, and how long the customer waited. */
export function useConversation(interaction: Readonly<Ref<InteractionSummaryFragment>>) {
  const stream = useMessageStream(computed(() => interaction.value.id));
  const now = useNow();

  /** From entering the tray to being taken; still counting while nobody has taken it. */
  const waited = computed(() => {
    const { queuedAt, assignedAt } = interaction.value;
    if (!queuedAt) return null;
    return formatElapsed(queuedAt, assignedAt ? Date.parse(assignedAt) : now.value);
  });

  const { user } = useCurrentUser();
  const reply = computed(() => replyState(interaction.value, user.value));

  return { ...stream, waited, canReply: computed(() => reply.value === 'open'), replyHint: computed(() => replyHintKey(reply.value)) };
}
