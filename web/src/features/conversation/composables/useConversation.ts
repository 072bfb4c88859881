import { computed, type Ref } from 'vue';
import type { InteractionSummaryFragment } from '../../../gql/graphql';
import { useNow } from '../../../shared/composables/useNow';
import { formatElapsed } from '../../../shared/format/time';
import { useMessageStream } from '../../../shared/messages/useMessageStream';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';

export type ReplyState = 'open' | 'closed' | 'take' | 'heldByOther';

/**
 * Whether the composer is offered, mirroring the server's rule (it decides; this only avoids a
 * composer that would be refused): an agent answers a chat it holds, a supervisor any chat in service.
 */
export function replyState(chat: Pick<InteractionSummaryFragment, 'phase' | 'agent'>, me: { id: string; role: string } | null): ReplyState {
  if (chat.phase === 'CLOSED') return 'closed';
  if (chat.phase !== 'IN_SERVICE') return 'take';
  return me && (me.role !== 'AGENT' || chat.agent?.id === me.id) ? 'open' : 'heldByOther';
}

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

  return { ...stream, waited, canReply: computed(() => reply.value === 'open'), replyHint: reply };
}
