import { useSubscription } from '@vue/apollo-composable';
import { InternalMessageAddedDocument } from '../../../gql/graphql';
import { useStaffThread } from '../../../shared/staff-chat/useStaffThread';

/**
 * The supervisor's side of the staff chat, one agent at a time: the history, then the live stream
 * while the panel is open. Only the open thread listens, so a panel of many agents costs one
 * subscription, not one per row.
 */
export function useSupervisorChat() {
  const chat = useStaffThread();
  const live = useSubscription(
    InternalMessageAddedDocument,
    () => ({ after: null }),
    () => ({ enabled: chat.partner.value !== null, fetchPolicy: 'no-cache' }),
  );
  live.onResult(({ data }) => {
    if (data?.internalMessageAdded) chat.accept(data.internalMessageAdded);
  });
  return chat;
}
