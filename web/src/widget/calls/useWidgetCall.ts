import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref, shallowRef, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { CampaignDocument, EndCallDocument, RequestCallDocument, type CallKind, type Phase } from '../../gql/graphql';
import { errorText } from '../../shared/apollo/errors';
import { useCallEvents } from '../../shared/calls/useCallEvents';
import { usePeerCall } from '../../shared/calls/usePeerCall';
import type { StoredConversation } from '../conversationStore';
import { useWidgetContext } from '../context';
import { callKindsOffered, canCall, endedWhy, type WidgetCallState } from './widgetCall';

/**
 * The customer's calls on its chat: ask (after capturing, so the permission prompt comes while it
 * rings), ring, answer the agent's offer, hang up. `callEvents` for the chat is followed for the
 * chat's whole life, so the agent's offer cannot arrive before anyone listens. The chat's phase
 * comes from the widget's own live state and the campaign's call options from its campaign query
 * (already in the cache): nothing is fetched or followed twice. A dropped socket ends nothing: the
 * stream resumes where it was (useCallEvents), and only the server ends a call left for too long.
 */
export function useWidgetCall(conversation: Readonly<Ref<StoredConversation>>, phase: Readonly<Ref<Phase | null>>) {
  const { params } = useWidgetContext();
  const state = shallowRef<WidgetCallState>({ kind: 'idle' });
  const { t } = useI18n();
  const problem = ref<string | null>(null);
  const peer = usePeerCall();
  const interactionId = computed(() => conversation.value.interactionId);

  const campaign = useQuery(
    CampaignDocument,
    () => ({ id: params.campaignId ?? '' }),
    () => ({ enabled: params.campaignId !== null, fetchPolicy: 'cache-first' }),
  );
  const offered = computed(() => (canCall(state.value) ? callKindsOffered(campaign.result.value?.campaign ?? null, phase.value) : []));

  const { mutate: request } = useMutation(RequestCallDocument, { throws: 'always' });
  const { mutate: end } = useMutation(EndCallDocument, { throws: 'never' });

  function finish(why: Extract<WidgetCallState, { kind: 'over' }>['why']): void {
    peer.stop();
    state.value = { kind: 'over', why };
  }

  async function call(kind: CallKind): Promise<void> {
    if (!canCall(state.value)) return;
    problem.value = null;
    state.value = { kind: 'asking', callKind: kind };
    await peer.capture(kind);
    try {
      const result = await request({ interactionId: interactionId.value, kind });
      if (result?.data && state.value.kind === 'asking') state.value = { kind: 'ringing', call: result.data.requestCall };
    } catch (e) {
      peer.stop();
      state.value = { kind: 'idle' };
      // The server's words when it gave any (a campaign that takes no calls); the screen has a generic text.
      problem.value = errorText(e, t);
    }
  }

  /** Ends the call ringing or running, if any. */
  async function hangUp(): Promise<void> {
    const current = state.value;
    if (current.kind !== 'ringing' && current.kind !== 'active') return;
    finish('ended');
    await end({ callId: current.call.id });
  }

  useCallEvents(
    () => interactionId.value,
    (event) => {
      const current = state.value;
      if ((current.kind !== 'ringing' && current.kind !== 'active') || event.call.id !== current.call.id) return;
      if (event.type === 'SIGNAL') {
        if (event.signal) peer.receive(event.signal);
      } else if (event.type === 'ACCEPTED') {
        state.value = { kind: 'active', call: event.call };
        void peer.start(event.call.id, event.call.kind, 'answerer');
      } else if (event.type === 'DECLINED') finish('declined');
      else if (event.type === 'ENDED') finish(endedWhy(event.call));
    },
  );

  return { state, offered, problem, peer, call, hangUp };
}
