import { useApolloClient, useMutation, useSubscription } from '@vue/apollo-composable';
import { NButton, NSpace, useMessage } from 'naive-ui';
import { computed, h, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { AnswerCallDocument, CallEventsDocument, CallingChatDocument, EndCallDocument, type CallFieldsFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/apollo/errors';
import { CallEventType } from '../../../shared/calls/callRules';
import { usePeerCall } from '../../../shared/calls/usePeerCall';
import { useNotifier, type NoticeHandle } from '../../notifications/composables/useNotifier';

/** A call the agent took, with whom it is. */
export interface ActiveCall {
  call: CallFieldsFragment;
  customer: string;
}

/**
 * The agent's calls: rings each customer's request as a notice (Accept / Decline), then runs the
 * accepted call. The agent offers once its Accept went through (see `CallRole`). Screen
 * monitoring requests travel on the same stream and are not answered here.
 */
export function useAgentCalls() {
  const { t } = useI18n();
  const problem = useMessage();
  const { notify } = useNotifier();
  const { resolveClient } = useApolloClient();
  const peer = usePeerCall();
  const active = shallowRef<ActiveCall | null>(null);
  const ringing = new Map<string, NoticeHandle>();

  const { mutate: answer } = useMutation(AnswerCallDocument, { throws: 'always' });
  const { mutate: end } = useMutation(EndCallDocument, { throws: 'never' });

  async function customerOf(call: CallFieldsFragment): Promise<{ name: string; protocol: string }> {
    const fallback = { name: t('calls.customer'), protocol: '' };
    if (!call.interactionId) return fallback;
    try {
      const { data } = await resolveClient().query({ query: CallingChatDocument, variables: { id: call.interactionId } });
      return { name: data.interaction.contact.name ?? fallback.name, protocol: data.interaction.protocol };
    } catch {
      return fallback;
    }
  }

  function finish(): void {
    peer.stop();
    active.value = null;
  }

  async function accept(call: CallFieldsFragment, customer: string): Promise<void> {
    if (active.value) await hangUp();
    await peer.capture(call.kind);
    try {
      await answer({ callId: call.id, accept: true });
    } catch (e) {
      finish();
      problem.error(t('calls.answerFailed', { reason: errorMessage(e) ?? '' }));
      return;
    }
    active.value = { call, customer };
    await peer.start(call.id, call.kind, 'offerer');
  }

  async function decline(call: CallFieldsFragment): Promise<void> {
    try {
      await answer({ callId: call.id, accept: false });
    } catch (e) {
      // The customer may have hung up first: the call is over either way.
      problem.warning(t('calls.answerFailed', { reason: errorMessage(e) ?? '' }));
    }
  }

  async function ring(call: CallFieldsFragment): Promise<void> {
    const customer = await customerOf(call);
    const button = (label: string, type: 'primary' | 'default', testId: string, run: () => void) =>
      h(NButton, { size: 'small', type, 'data-testid': testId, onClick: run }, () => label);
    ringing.set(
      call.id,
      notify({
        title: t(`calls.ringing.${call.kind}`),
        body: t('calls.from', { name: customer.name, protocol: customer.protocol }),
        testId: 'notification-call',
        sticky: true,
        actions: (notice) =>
          h(NSpace, { size: 8 }, () => [
            button(t('calls.decline'), 'default', 'call-decline', () => {
              notice.close();
              void decline(call);
            }),
            button(t('calls.accept'), 'primary', 'call-accept', () => {
              notice.close();
              void accept(call, customer.name);
            }),
          ]),
      }),
    );
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
    if (event.type === CallEventType.REQUESTED) return void ring(call);
    if (event.type === CallEventType.SIGNAL) {
      if (event.signal && active.value?.call.id === call.id) peer.receive(event.signal);
      return;
    }
    // Answered (maybe in another tab), declined or ended: it no longer rings here.
    ringing.get(call.id)?.close();
    ringing.delete(call.id);
    if (event.type === CallEventType.ENDED && active.value?.call.id === call.id) finish();
  });

  return { active, peer, onCall: computed(() => active.value !== null), hangUp };
}
