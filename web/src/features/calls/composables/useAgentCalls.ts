import { useApolloClient } from '@vue/apollo-composable';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { CallingChatDocument, type CallFieldsFragment } from '../../../gql/graphql';
import { useCallEvents } from '../../../shared/calls/useCallEvents';
import { usePeerCall } from '../../../shared/calls/usePeerCall';
import { shareAgentCall } from '../agentCall';
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
 * (see `CallRole`), and the caller's chat opens in the workspace. Screen monitoring requests travel
 * on the same stream and go to useScreenShare. A dropped socket ends nothing: the stream resumes
 * where it was (useCallEvents), and only the server ends a call a party left for too long.
 */
export function useAgentCalls() {
  const { t } = useI18n();
  const { resolveClient } = useApolloClient();
  const router = useRouter();
  const peer = usePeerCall();
  const screen = useScreenShare();
  const calls = useCallRequests<Caller>({
    peer,
    whoOf: callerOf,
    nameOf: (caller) => caller?.name ?? t('calls.customer'),
    asking: (caller) => t('calls.from', { name: caller.name, protocol: caller.protocol }),
    texts: { gone: 'calls.gone', lost: 'calls.lost' },
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

  /** Answers a ringing call, ending the one in progress first, and opens the caller's chat: the agent talks and writes in one place. */
  function accept(call: CallFieldsFragment): Promise<void> {
    return calls.accept(
      call,
      async () => {
        if (active.value) await hangUp();
        await peer.capture(call.kind);
        // A refused microphone or camera still answers: the call goes on receive-only.
        return true;
      },
      () => {
        if (call.interactionId) void router.push({ name: 'inbox', params: { id: call.interactionId } });
      },
    );
  }

  useCallEvents(
    () => null,
    (event) => (event.call.kind === 'SCREEN' ? screen.receive(event) : calls.receive(event)),
  );

  shareAgentCall(
    () => active.value !== null,
    () => hangUp(),
  );

  return { active, ringing, peer, accept, decline, hangUp, screen };
}
