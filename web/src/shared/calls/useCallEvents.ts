import { useQuery, useSubscription } from '@vue/apollo-composable';
import { ref } from 'vue';
import { CallCursorDocument, CallEventsDocument, type CallEventsSubscription } from '../../gql/graphql';
import { useOnReconnect } from '../apollo/reconnect';
import { HeardCallEvents } from './callCursor';

export type CallEvent = CallEventsSubscription['callEvents'];

/**
 * Follows `callEvents` without losing any across a dropped socket: it starts from the cursor read
 * before listening, and after a reconnection resumes from the last event heard, so the server
 * replays what came meanwhile (an Accept, an offer, the end) and the call goes on. Each event is
 * handed over once.
 */
export function useCallEvents(interactionId: () => string | null, onEvent: (event: CallEvent) => void, enabled: () => boolean = () => true): void {
  const from = ref<string | null>(null);
  const heard = new HeardCallEvents();

  const start = useQuery(CallCursorDocument, {}, () => ({ enabled: enabled() && from.value === null, fetchPolicy: 'no-cache' }));
  start.onResult(({ data }) => {
    if (data && from.value === null) from.value = data.callCursor;
  });

  const events = useSubscription(
    CallEventsDocument,
    () => ({ interactionId: interactionId(), after: from.value }),
    () => ({ enabled: enabled() && from.value !== null, fetchPolicy: 'no-cache' }),
  );
  events.onResult(({ data }) => {
    const event = data?.callEvents;
    if (event && heard.take(event.cursor)) onEvent(event);
  });

  useOnReconnect(() => {
    // A start that failed while the link was down is read again; a running stream resumes where it was.
    if (from.value === null) void start.refetch();
    else from.value = heard.resumeFrom(from.value);
  });
}
