import { useApolloClient } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { useI18n } from 'vue-i18n';
import { ScreenSupervisorsDocument, type CallFieldsFragment } from '../../../gql/graphql';
import { usePeerCall } from '../../../shared/calls/usePeerCall';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { useCallRequests, type CallEvent, type CallRequest, type LiveCall } from './useCallRequests';

/** A supervisor's request to watch the agent's screen; the name follows once loaded. */
export type ScreenRequest = CallRequest<string>;

/** The screen being shared, and with whom. */
export type ScreenShare = LiveCall;

/**
 * The agent's side of screen monitoring: a supervisor's request waits for Accept or Decline beside
 * the call requests; Accept opens the browser's screen picker and, once a screen is picked and the
 * Accept went through, the agent offers it (the supervisor only answers). Nothing is sent unless a
 * screen was picked: a refused picker declines the request. The agent's Stop, the browser's own
 * "Stop sharing", or the supervisor closing the viewer ends the share. Events come from
 * useAgentCalls, which listens once for every kind of call.
 */
export function useScreenShare() {
  const { t } = useI18n();
  const problem = useMessage();
  const { resolveClient } = useApolloClient();
  const { user } = useCurrentUser();
  const peer = usePeerCall({ onCaptureEnded: () => void stop() });
  const requests = useCallRequests<string>({
    peer,
    whoOf: supervisorOf,
    nameOf: (supervisor) => supervisor ?? t('calls.screen.aSupervisor'),
    asking: (supervisor) => t('calls.screen.asks', { name: supervisor }),
    texts: { gone: 'calls.screen.gone', lost: 'calls.screen.lost' },
  });

  async function supervisorOf(call: CallFieldsFragment): Promise<string> {
    try {
      const { data } = await resolveClient().query({ query: ScreenSupervisorsDocument, fetchPolicy: 'network-only' });
      return data.supervisors.find((s) => s.id === call.supervisorId)?.name ?? t('calls.screen.aSupervisor');
    } catch {
      return t('calls.screen.aSupervisor');
    }
  }

  function accept(call: CallFieldsFragment): Promise<void> {
    return requests.accept(call, async () => {
      // One share at a time; nothing is awaited before the picker, which browsers open only straight from a click.
      void requests.hangUp();
      await peer.capture('SCREEN');
      if (peer.local.value) return true;
      problem.info(t('calls.screen.notPicked'));
      return false;
    });
  }

  /** Stops sharing, on the server too; safe to call when nothing is shared. */
  const stop = (): Promise<void> => requests.hangUp();

  /** A screen call's event, if this person is the agent whose screen it is. */
  function receive(event: CallEvent): void {
    if (!user.value || event.call.agentId !== user.value.id) return;
    requests.receive(event);
  }

  return { requests: requests.pending, sharing: requests.live, accept, decline: requests.decline, stop, receive };
}

export type ScreenShareState = ReturnType<typeof useScreenShare>;
