import { useApolloClient, useSubscription } from '@vue/apollo-composable';
import { useI18n } from 'vue-i18n';
import { CallEventsDocument, CallingChatDocument, CallTrailDocument, type CallFieldsFragment } from '../../../gql/graphql';
import { useOnReconnect } from '../../../shared/apollo/reconnect';
import { usePeerCall } from '../../../shared/calls/usePeerCall';
import { shareAgentCall } from '../agentCall';
import { callSettled } from '../callTrail';
import { useCallRequests, type CallRequest, type LiveCall } from './useCallRequests';
import { useScreenShare } from './useScreenShare';

/** Who is calling: unknown (null) until the chat is loaded. */
export interface Caller {
  name: string;
  protocol: string;
}

/** A customer's request waiting for the agent's Accept or Decline. */
export type RingingCall = CallRequest<Caller>;

/** A call the agent took, with whom it is. */
export type ActiveCall = LiveCall;

/**
 * The agent's calls: the customers' requests ringing in the call panel (not as notices, which
 * newer ones can push out), then the accepted call. The agent offers once its Accept went through
 * (see `CallRole`). Screen monitoring requests travel on the same stream and go to useScreenShare.
 * `callEvents` is not replayed after a dropped socket: on reconnect a running call is ended (its
 * signalling may be lost) and ringing ones are checked against their chat's trail.
 */
export function useAgentCalls() {
  const { t } = useI18n();
  const { resolveClient } = useApolloClient();
  const peer = usePeerCall();
  const screen = useScreenShare();
  const calls = useCallRequests<Caller>({
    peer,
    whoOf: callerOf,
    nameOf: (caller) => caller?.name ?? t('calls.customer'),
    asking: (caller) => t('calls.from', { name: caller.name, protocol: caller.protocol }),
    texts: { gone: 'calls.gone', dropped: 'calls.dropped' },
  });
  const { pending: ringing, live: active, decline, hangUp } = calls;

  async function callerOf(call: CallFieldsFragment): Promise<Caller> {
    const fallback = { name: t('calls.customer'), protocol: '' };
    if (!call.interactionId) return fallback;
    try {
      const { data } = await resolveClient().query({ query: CallingChatDocument, variables: { id: call.interactionId } });
      return { name: data.interaction.contact.name ?? fallback.name, protocol: data.interaction.protocol };
    } catch {
      return fallback;
    }
  }

  /** Answers a ringing call, ending the one in progress first. */
  function accept(call: CallFieldsFragment): Promise<void> {
    return calls.accept(call, async () => {
      if (active.value) await hangUp();
      await peer.capture(call.kind);
      // A refused microphone or camera still answers: the call goes on receive-only.
      return true;
    });
  }

  const events = useSubscription(CallEventsDocument, { interactionId: null }, { fetchPolicy: 'no-cache' });
  events.onResult(({ data }) => {
    const event = data?.callEvents;
    if (!event) return;
    if (event.call.kind === 'SCREEN') return screen.receive(event);
    calls.receive(event);
  });

  /** A ringing call whose answer or end the dropped socket hid stops ringing. */
  async function recheck({ call }: RingingCall): Promise<void> {
    if (!call.interactionId) return;
    try {
      const { data } = await resolveClient().query({ query: CallTrailDocument, variables: { id: call.interactionId }, fetchPolicy: 'no-cache' });
      if (callSettled(data.interaction.events, call.id)) calls.settle(call.id);
    } catch {
      // Still ringing as far as we know; an Accept on an ended call says so.
    }
  }

  useOnReconnect(() => {
    screen.reconnected();
    ringing.value.forEach((entry) => void recheck(entry));
    calls.reconnected();
  });

  shareAgentCall(
    () => active.value !== null,
    () => hangUp(),
  );

  return { active, ringing, peer, accept, decline, hangUp, screen };
}
