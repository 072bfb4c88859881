import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { MessageAddedDocument, MessagesDocument, PostMessageDocument } from '../../gql/graphql';
import { errorMessage, isTransient } from '../apollo/errors';
import { useOnReconnect } from '../apollo/reconnect';
import { newClientMessageId } from '../ids';
import { lastSequence, mergeMessages, unconfirmed, type ChatMessage, type OutgoingMessage, type PendingMessage } from './messageList';

/** Waits between attempts to send after a network failure; the same clientMessageId each time. */
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

const sleep = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

/**
 * One conversation's messages, complete and live: the first page of stored ones from `messages`,
 * then `messageAdded` from the last sequence seen (the server replays everything after that
 * cursor, so later pages and the gap are covered), deduplicated by sequence. Sending is
 * idempotent by clientMessageId, so a send whose answer was lost is simply sent again.
 */
export function useMessageStream(interactionId: Readonly<Ref<string | null>>) {
  const messages = shallowRef<ChatMessage[]>([]);
  const pending = shallowRef<PendingMessage[]>([]);
  /** The cursor the live subscription starts from; set once the stored messages are in. */
  const liveFrom = ref<number | null>(null);

  watch(
    interactionId,
    () => {
      messages.value = [];
      pending.value = [];
      liveFrom.value = null;
    },
    // Reset before the query and the subscription react to the new id.
    { flush: 'sync' },
  );

  function accept(incoming: readonly ChatMessage[]): void {
    // An answer for the conversation shown before this one may still arrive.
    const current = incoming.filter((message) => message.interactionId === interactionId.value);
    if (current.length === 0) return;
    messages.value = mergeMessages(messages.value, current);
    pending.value = unconfirmed(pending.value, messages.value);
  }

  const stored = useQuery(
    MessagesDocument,
    () => ({ interactionId: interactionId.value ?? '', afterSequence: 0 }),
    () => ({ enabled: interactionId.value !== null, fetchPolicy: 'no-cache' }),
  );
  stored.onResult(({ data }) => {
    if (!data) return;
    accept(data.messages);
    if (liveFrom.value === null) liveFrom.value = lastSequence(messages.value);
  });
  // The live part waits for the stored part; if that failed, try again once the link is back.
  useOnReconnect(() => {
    if (interactionId.value !== null && liveFrom.value === null) void stored.refetch();
  });

  const live = useSubscription(
    MessageAddedDocument,
    () => ({ interactionId: interactionId.value ?? '', afterSequence: liveFrom.value }),
    () => ({ enabled: interactionId.value !== null && liveFrom.value !== null, fetchPolicy: 'no-cache' }),
  );
  live.onResult(({ data }) => {
    if (data) accept([data.messageAdded]);
  });

  const { mutate } = useMutation(PostMessageDocument, { throws: 'always', fetchPolicy: 'no-cache' });

  function update(clientMessageId: string, patch: Partial<PendingMessage>): void {
    pending.value = pending.value.map((p) => (p.clientMessageId === clientMessageId ? { ...p, ...patch } : p));
  }

  async function deliver(target: string, entry: PendingMessage): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const attachmentIds = entry.attachments.map((file) => file.id);
        const result = await mutate({ input: { interactionId: target, body: entry.body, clientMessageId: entry.clientMessageId, attachmentIds } });
        if (result?.data) accept([result.data.postMessage]);
        return;
      } catch (e) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (!isTransient(e) || delay === undefined) {
          update(entry.clientMessageId, { state: 'failed', error: errorMessage(e) });
          return;
        }
        await sleep(delay);
        if (interactionId.value !== target) return;
      }
    }
  }

  /** Sends a message (text, files or both); it shows as pending until the server confirms it. */
  function send({ body, attachments }: OutgoingMessage): void {
    const target = interactionId.value;
    const text = body.trim();
    if (!target || (!text && attachments.length === 0)) return;
    const entry: PendingMessage = { clientMessageId: newClientMessageId(), body: text, attachments, state: 'sending', error: null };
    pending.value = [...pending.value, entry];
    void deliver(target, entry);
  }

  /** Sends a failed message again, with the same clientMessageId so it cannot arrive twice. */
  function retry(clientMessageId: string): void {
    const entry = pending.value.find((p) => p.clientMessageId === clientMessageId);
    const target = interactionId.value;
    if (!entry || entry.state !== 'failed' || !target) return;
    update(clientMessageId, { state: 'sending', error: null });
    void deliver(target, entry);
  }

  return {
    messages,
    pending,
    loading: computed(() => stored.loading.value && messages.value.length === 0),
    error: computed(() => stored.error.value ?? live.error.value ?? null),
    send,
    retry,
  };
}
