import { computed, type Ref } from 'vue';
import type { InteractionSummaryFragment } from '../../../gql/graphql';
import { useNow } from '../../../shared/composables/useNow';
import { formatElapsed } from '../../../shared/format/time';
import { useMessageStream } from '../../../shared/messages/useMessageStream';

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

  // The server decides who may post; this only avoids offering a composer that would be refused.
  const canReply = computed(() => interaction.value.phase === 'IN_SERVICE');

  return { ...stream, waited, canReply };
}
