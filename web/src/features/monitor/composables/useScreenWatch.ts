import { useMutation } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { EndCallDocument, RequestScreenDocument, type CallState } from '../../../gql/graphql';
import { errorText } from '../../../shared/apollo/errors';
import { screenWatchState } from '../../../shared/calls/callRules';
import { useCallEvents } from '../../../shared/calls/useCallEvents';
import { usePeerCall } from '../../../shared/calls/usePeerCall';

/** The agent whose screen is asked for. */
export interface WatchedAgent {
  id: string;
  name: string;
}

/**
 * A supervisor watching an agent's screen: asks (`requestScreen`), waits for the agent's Accept or
 * Decline, and receives the picture the agent offers; this side captures and sends nothing. One
 * screen at a time: opening another, or closing the viewer, ends the call on the server.
 */
export function useScreenWatch() {
  const { t } = useI18n();
  const peer = usePeerCall();
  const agent = shallowRef<WatchedAgent | null>(null);
  const callId = ref<string | null>(null);
  const callState = ref<CallState | 'REFUSED' | null>(null);
  /** The API's words when it refused the request. */
  const reason = ref<string | null>(null);
  const state = computed(() => screenWatchState(callState.value, peer.phase.value));
  // Bumped by every open and close: a request answered after the viewer moved on is ended, not shown.
  let attempts = 0;

  const { mutate: request } = useMutation(RequestScreenDocument, { throws: 'always', fetchPolicy: 'no-cache' });
  const { mutate: end } = useMutation(EndCallDocument, { throws: 'never', fetchPolicy: 'no-cache' });

  async function open(target: WatchedAgent): Promise<void> {
    await close();
    const attempt = ++attempts;
    agent.value = target;
    let id: string | undefined;
    try {
      id = (await request({ agentId: target.id }))?.data?.requestScreen.id;
    } catch (e) {
      if (attempt !== attempts) return;
      callState.value = 'REFUSED';
      reason.value = errorText(e, t);
      return;
    }
    if (!id) return;
    if (attempt !== attempts) return void end({ callId: id });
    callId.value = id;
    callState.value = 'REQUESTED';
    // The agent offers once it accepted; signals that come first wait in the peer for it.
    await peer.start(id, 'SCREEN', 'answerer');
  }

  /** Stops watching (or asking), on the server too; safe to call when nothing is open. */
  async function close(): Promise<void> {
    attempts++;
    const id = callId.value;
    const live = callState.value === 'REQUESTED' || callState.value === 'ACCEPTED';
    peer.stop();
    agent.value = null;
    callId.value = null;
    callState.value = null;
    reason.value = null;
    if (id && live) await end({ callId: id });
  }

  // A dropped socket loses nothing: the agent's Accept or offer sent meanwhile is replayed.
  useCallEvents(
    () => null,
    (event) => {
      if (event.call.id !== callId.value) return;
      if (event.type === 'SIGNAL') {
        if (event.signal) peer.receive(event.signal);
        return;
      }
      if (event.type === 'REQUESTED') return;
      callState.value = event.call.state;
      if (event.type !== 'ACCEPTED') peer.stop();
    },
  );

  // Leaving the monitor stops watching: the agent's indicator must not outlive the viewer.
  onScopeDispose(() => void close());

  return { agent, state, reason, remote: peer.remote, open, close };
}

export type ScreenWatch = ReturnType<typeof useScreenWatch>;
