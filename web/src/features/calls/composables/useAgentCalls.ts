import { useApolloClient, useMutation, useSubscription } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { onScopeDispose, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { AnswerCallDocument, CallEventsDocument, CallingChatDocument, CallTrailDocument, EndCallDocument, type CallFieldsFragment } from '../../../gql/graphql';
import { errorText } from '../../../shared/apollo/errors';
import { useOnReconnect } from '../../../shared/apollo/reconnect';
import { usePeerCall } from '../../../shared/calls/usePeerCall';
import { useNotifier, type NoticeHandle } from '../../notifications/composables/useNotifier';
import { shareAgentCall } from '../agentCall';
import { callSettled } from '../callTrail';

/** Who is calling: unknown (null) until the chat is loaded. */
export interface Caller {
  name: string;
  protocol: string;
}

/** A customer's request waiting for the agent's Accept or Decline. */
export interface RingingCall {
  call: CallFieldsFragment;
  caller: Caller | null;
}

/** A call the agent took, with whom it is. */
export interface ActiveCall {
  call: CallFieldsFragment;
  customer: string;
}

/**
 * The agent's calls: the customers' requests ringing in the call panel (not as notices, which
 * newer ones can push out), then the accepted call. The agent offers once its Accept went through
 * (see `CallRole`). Screen monitoring requests travel on the same stream and are not answered here.
 * `callEvents` is not replayed after a dropped socket: on reconnect a running call is ended (its
 * signalling may be lost) and ringing ones are checked against their chat's trail.
 */
export function useAgentCalls() {
  const { t } = useI18n();
  const problem = useMessage();
  const { attend } = useNotifier();
  const { resolveClient } = useApolloClient();
  const peer = usePeerCall();
  const active = shallowRef<ActiveCall | null>(null);
  const ringing = shallowRef<RingingCall[]>([]);
  // Each ringing call counts in the tab title and, in a hidden tab, shows a system notification.
  const attention = new Map<string, NoticeHandle>();
  // Calls declined or ended, recorded the moment that is known: an Accept still awaiting its
  // devices or its answer must not open them, nor a late request ring again.
  const settled = new Set<string>();

  const { mutate: answer } = useMutation(AnswerCallDocument, { throws: 'always' });
  const { mutate: end } = useMutation(EndCallDocument, { throws: 'never' });

  const isRinging = (callId: string) => ringing.value.some((r) => r.call.id === callId);

  function stopRinging(callId: string): void {
    ringing.value = ringing.value.filter((r) => r.call.id !== callId);
    attention.get(callId)?.close();
    attention.delete(callId);
  }

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

  /** Rings at once; the caller's name follows when the chat is loaded, if the call still rings. */
  async function ring(call: CallFieldsFragment): Promise<void> {
    if (settled.has(call.id) || isRinging(call.id)) return;
    ringing.value = [...ringing.value, { call, caller: null }];
    const caller = await callerOf(call);
    if (!isRinging(call.id)) return;
    ringing.value = ringing.value.map((r) => (r.call.id === call.id ? { call, caller } : r));
    attention.set(call.id, attend({ title: t(`calls.ringing.${call.kind}`), body: t('calls.from', { name: caller.name, protocol: caller.protocol }) }));
  }

  function finish(): void {
    peer.stop();
    active.value = null;
  }

  /** The call ended while the Accept was on its way: nothing to open. */
  function missed(): void {
    finish();
    problem.info(t('calls.gone'));
  }

  async function accept(call: CallFieldsFragment): Promise<void> {
    const entry = ringing.value.find((r) => r.call.id === call.id);
    if (!entry) return;
    stopRinging(call.id);
    if (active.value) await hangUp();
    await peer.capture(call.kind);
    if (settled.has(call.id)) return missed();
    try {
      await answer({ callId: call.id, accept: true });
    } catch (e) {
      finish();
      problem.error(t('calls.answerFailed', { reason: errorText(e, t) }));
      return;
    }
    if (settled.has(call.id)) return missed();
    active.value = { call, customer: entry.caller?.name ?? t('calls.customer') };
    await peer.start(call.id, call.kind, 'offerer');
  }

  async function decline(call: CallFieldsFragment): Promise<void> {
    if (!isRinging(call.id)) return;
    stopRinging(call.id);
    settled.add(call.id);
    try {
      await answer({ callId: call.id, accept: false });
    } catch (e) {
      // The customer may have hung up first: the call is over either way.
      problem.warning(t('calls.answerFailed', { reason: errorText(e, t) }));
    }
  }

  async function hangUp(): Promise<void> {
    const current = active.value;
    finish();
    if (current) await end({ callId: current.call.id });
  }

  const events = useSubscription(CallEventsDocument, { interactionId: null }, { fetchPolicy: 'no-cache' });
  events.onResult(({ data }) => {
    const event = data?.callEvents;
    if (!event || event.call.kind === 'SCREEN') return;
    const { call } = event;
    if (event.type === 'REQUESTED') return void ring(call);
    if (event.type === 'SIGNAL') {
      if (event.signal && active.value?.call.id === call.id) peer.receive(event.signal);
      return;
    }
    // Answered (here or in another tab), declined or ended: it no longer rings here.
    stopRinging(call.id);
    if (event.type === 'ACCEPTED') return;
    settled.add(call.id);
    if (active.value?.call.id === call.id) finish();
  });

  /** A ringing call whose answer or end the dropped socket hid stops ringing. */
  async function recheck({ call }: RingingCall): Promise<void> {
    if (!call.interactionId) return;
    try {
      const { data } = await resolveClient().query({ query: CallTrailDocument, variables: { id: call.interactionId }, fetchPolicy: 'no-cache' });
      if (!callSettled(data.interaction.events, call.id)) return;
      settled.add(call.id);
      stopRinging(call.id);
    } catch {
      // Still ringing as far as we know; an Accept on an ended call says so.
    }
  }

  useOnReconnect(() => {
    ringing.value.forEach((entry) => void recheck(entry));
    if (!active.value) return;
    void hangUp();
    problem.warning(t('calls.dropped'));
  });

  shareAgentCall(
    () => active.value !== null,
    () => hangUp(),
  );
  // Leaving (signing out) ends the call on the server too; usePeerCall frees the devices, useNotifier the notices.
  onScopeDispose(() => {
    if (active.value) void end({ callId: active.value.call.id });
  });

  return { active, ringing, peer, accept, decline, hangUp };
}
