import { useMutation } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { onScopeDispose, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { AnswerCallDocument, EndCallDocument, type CallFieldsFragment } from '../../../gql/graphql';
import { errorText } from '../../../shared/apollo/errors';
import type { CallEvent } from '../../../shared/calls/useCallEvents';
import type { PeerCall } from '../../../shared/calls/usePeerCall';
import { useNotifier, type NoticeHandle } from '../../notifications/composables/useNotifier';

export type { CallEvent };

/** A request waiting for the agent's Accept or Decline; who asks is unknown (null) until loaded. */
export interface CallRequest<Who> {
  call: CallFieldsFragment;
  who: Who | null;
}

/** The request the agent accepted, and with whom it runs. */
export interface LiveCall {
  call: CallFieldsFragment;
  with: string;
}

/** What one kind of request (a customer's call, a supervisor's screen request) loads and says. */
export interface CallRequestOptions<Who> {
  /** The peer an accepted request runs on. */
  peer: PeerCall;
  /** Loads who asks; answers a fallback rather than throw. */
  whoOf: (call: CallFieldsFragment) => Promise<Who>;
  /** The name the accepted call shows, also when who asks was not loaded yet. */
  nameOf: (who: Who | null) => string;
  /** The waiting notice's body, once who asks is known. */
  asking: (who: Who) => string;
  /**
   * i18n keys: the request ended while the Accept was on its way; a connection stayed away too
   * long, so the server ended the call (`lost.mine` this side's, `lost.theirs` the other's, with `{name}`).
   */
  texts: { gone: string; lost: string };
}

/**
 * The agent's side of requests that ring until answered, then run as a call the agent offers (it
 * offers once its Accept went through, see `CallRole`): the waiting list, whose "who" loads after it
 * rings, the attention notices, the Accept sequence and the end. One instance serves one kind of
 * request; the owner feeds it the events and says how to capture.
 */
export function useCallRequests<Who>(options: CallRequestOptions<Who>) {
  const { t } = useI18n();
  const problem = useMessage();
  const { attend } = useNotifier();
  const { peer } = options;
  const pending = shallowRef<CallRequest<Who>[]>([]);
  const live = shallowRef<LiveCall | null>(null);
  // Each waiting request counts in the tab title and, in a hidden tab, shows a system notification.
  const attention = new Map<string, NoticeHandle>();
  // Requests declined or ended, recorded the moment that is known: an Accept still awaiting its
  // devices, its screen picker or its answer must not open them, nor a late request ring again.
  const settled = new Set<string>();

  const { mutate: answer } = useMutation(AnswerCallDocument, { throws: 'always' });
  const { mutate: end } = useMutation(EndCallDocument, { throws: 'never' });

  const isPending = (callId: string) => pending.value.some((r) => r.call.id === callId);

  function drop(callId: string): void {
    pending.value = pending.value.filter((r) => r.call.id !== callId);
    attention.get(callId)?.close();
    attention.delete(callId);
  }

  /** Rings at once; who asks follows when loaded, if the request still waits. */
  async function ring(call: CallFieldsFragment): Promise<void> {
    if (settled.has(call.id) || isPending(call.id)) return;
    pending.value = [...pending.value, { call, who: null }];
    const who = await options.whoOf(call);
    if (!isPending(call.id)) return;
    pending.value = pending.value.map((r) => (r.call.id === call.id ? { call, who } : r));
    attention.set(call.id, attend({ title: t(`calls.ringing.${call.kind}`), body: options.asking(who) }));
  }

  function finish(): void {
    peer.stop();
    live.value = null;
  }

  /** The request ended while the Accept was on its way: nothing to open. */
  function missed(): void {
    finish();
    problem.info(t(options.texts.gone));
  }

  async function refuse(call: CallFieldsFragment): Promise<void> {
    settled.add(call.id);
    try {
      await answer({ callId: call.id, accept: false });
    } catch (e) {
      // The customer or supervisor may have given up first: the request is over either way.
      problem.warning(t('calls.answerFailed', { reason: errorText(e, t) }));
    }
  }

  /**
   * Accepts a waiting request. `capture` makes room for it and captures; false means there is
   * nothing to send, and the request is declined. `accepted` runs once the Accept went through.
   */
  async function accept(call: CallFieldsFragment, capture: () => Promise<boolean>, accepted: () => void = () => undefined): Promise<void> {
    const entry = pending.value.find((r) => r.call.id === call.id);
    if (!entry) return;
    drop(call.id);
    if (!(await capture())) {
      finish();
      if (!settled.has(call.id)) await refuse(call);
      return;
    }
    if (settled.has(call.id)) return missed();
    try {
      await answer({ callId: call.id, accept: true });
    } catch (e) {
      finish();
      problem.error(t('calls.answerFailed', { reason: errorText(e, t) }));
      return;
    }
    if (settled.has(call.id)) return missed();
    live.value = { call, with: options.nameOf(entry.who) };
    accepted();
    await peer.start(call.id, call.kind, 'offerer');
  }

  async function decline(call: CallFieldsFragment): Promise<void> {
    if (!isPending(call.id)) return;
    drop(call.id);
    await refuse(call);
  }

  /** Ends the accepted call, on the server too; safe to call when there is none. */
  async function hangUp(): Promise<void> {
    const current = live.value;
    finish();
    if (current) await end({ callId: current.call.id });
  }

  function receive(event: CallEvent): void {
    const { call } = event;
    if (event.type === 'REQUESTED') return void ring(call);
    if (event.type === 'SIGNAL') {
      if (event.signal && live.value?.call.id === call.id) peer.receive(event.signal);
      return;
    }
    // Answered (here or in another tab), declined or ended: it no longer rings here.
    drop(call.id);
    if (event.type === 'ACCEPTED') return;
    settled.add(call.id);
    if (live.value?.call.id !== call.id) return;
    const name = live.value.with;
    finish();
    // Ended by the server: whose connection stayed away too long is said, so nobody wonders.
    if (call.endReason === 'CONNECTION_LOST') problem.warning(t(`${options.texts.lost}.${call.endedBy === 'AGENT' ? 'mine' : 'theirs'}`, { name }));
  }

  // Leaving (signing out) ends the call on the server too; usePeerCall frees the devices, useNotifier the notices.
  onScopeDispose(() => {
    if (live.value) void end({ callId: live.value.call.id });
  });

  return { pending, live, accept, decline, hangUp, receive };
}
