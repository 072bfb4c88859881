import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, ref, shallowRef, type Ref } from 'vue';
import { CallEventsDocument, CallOptionsDocument, ChatPhaseChangedDocument, EndCallDocument, RequestCallDocument, type CallKind, type Phase } from '../../gql/graphql';
import { errorMessage } from '../../shared/apollo/errors';
import { useOnReconnect } from '../../shared/apollo/reconnect';
import { CallEventType } from '../../shared/calls/callRules';
import { usePeerCall } from '../../shared/calls/usePeerCall';
import type { StoredConversation } from '../conversationStore';
import { useWidgetContext } from '../context';
import { callKindsOffered, canCall, type WidgetCallState } from './widgetCall';

/**
 * The customer's calls on its chat: ask (after capturing, so the permission prompt comes while it
 * rings), ring, answer the agent's offer, hang up. `callEvents` for the chat is followed for the
 * chat's whole life, so the agent's offer cannot arrive before anyone listens.
 */
export function useWidgetCall(conversation: Readonly<Ref<StoredConversation>>) {
  const { params } = useWidgetContext();
  const state = shallowRef<WidgetCallState>({ kind: 'idle' });
  const problem = ref<string | null>(null);
  const peer = usePeerCall();
  const interactionId = computed(() => conversation.value.interactionId);

  const options = useQuery(CallOptionsDocument, () => ({ campaignId: params.campaignId ?? '', interactionId: interactionId.value }), () => ({
    enabled: params.campaignId !== null,
    fetchPolicy: 'cache-and-network',
  }));
  const livePhase = ref<Phase | null>(null);
  const phases = useSubscription(ChatPhaseChangedDocument, null, { fetchPolicy: 'no-cache' });
  phases.onResult(({ data }) => {
    const chat = data?.interactionChanged.interaction;
    if (chat?.id === interactionId.value) livePhase.value = chat.phase;
  });
  useOnReconnect(() => {
    livePhase.value = null;
    void options.refetch();
  });
  const phase = computed(() => livePhase.value ?? options.result.value?.interaction.phase ?? null);
  const offered = computed(() => (canCall(state.value) ? callKindsOffered(options.result.value?.campaign ?? null, phase.value) : []));

  const { mutate: request } = useMutation(RequestCallDocument, { throws: 'always' });
  const { mutate: end } = useMutation(EndCallDocument, { throws: 'never' });

  function finish(why: 'declined' | 'ended'): void {
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
      problem.value = errorMessage(e) ?? '';
    }
  }

  async function hangUp(): Promise<void> {
    const current = state.value;
    if (current.kind !== 'ringing' && current.kind !== 'active') return;
    finish('ended');
    await end({ callId: current.call.id });
  }

  const events = useSubscription(CallEventsDocument, () => ({ interactionId: interactionId.value }), { fetchPolicy: 'no-cache' });
  events.onResult(({ data }) => {
    const event = data?.callEvents;
    const current = state.value;
    if (!event || (current.kind !== 'ringing' && current.kind !== 'active') || event.call.id !== current.call.id) return;
    if (event.type === CallEventType.SIGNAL) {
      if (event.signal) peer.receive(event.signal);
    } else if (event.type === CallEventType.ACCEPTED) {
      state.value = { kind: 'active', call: event.call };
      void peer.start(event.call.id, event.call.kind, 'answerer');
    } else if (event.type === CallEventType.DECLINED) finish('declined');
    else if (event.type === CallEventType.ENDED) finish('ended');
  });

  return { state, offered, problem, peer, call, hangUp };
}
