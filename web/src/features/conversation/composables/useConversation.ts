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

  /**
   * The customer's wait for a person: from their first wait to the first answer, whatever moves came
   * after; still counting while they wait (again, after a return or a transfer).
   */
  const waited = computed(() => {
    const { phase, waitingSince, queuedAt, firstAssignedAt } = interaction.value;
    const from = waitingSince ?? queuedAt;
    if (!from) return null;
    return formatElapsed(from, phase !== 'WAITING' && firstAssignedAt ? Date.parse(firstAssignedAt) : now.value);
  });

  const { user } = useCurrentUser();
  const reply = computed(() => replyState(interaction.value, user.value));

  return { ...stream, waited, canReply: computed(() => reply.value === 'open'), replyHint: computed(() => replyHintKey(reply.value)) };
}
