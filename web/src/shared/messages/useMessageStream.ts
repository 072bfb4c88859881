import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, ref, shallowReactive, shallowRef, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { MessageAddedDocument, MessagesDocument, PostMessageDocument } from '../../gql/graphql';
import { errorText, isTransient } from '../apollo/errors';
import { useOnReconnect } from '../apollo/reconnect';
import { newClientMessageId } from '../ids';
import { uploadErrorText, uploadFile } from '../uploads/uploadFile';
import { lastSequence, mergeMessages, unconfirmed, type ChatMessage, type OutgoingMessage, type PendingMessage } from './messageList';

/** Waits between attempts to send after a network failure; the same clientMessageId each time. */
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

const sleep = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

/**
 * Unconfirmed messages by conversation, kept outside any one view: a send under way (a recording
 * still uploading, a retry after a network failure) carries on when the agent switches chats, and
 * shows again, sending or failed, when they come back.
 */
const pendingByChat = shallowReactive(new Map<string, readonly PendingMessage[]>());

function setPending(interactionId: string, list: readonly PendingMessage[]): void {
  if (list.length > 0) pendingByChat.set(interactionId, list);
  else pendingByChat.delete(interactionId);
}

function patchPending(interactionId: string, clientMessageId: string, patch: Partial<PendingMessage>): PendingMessage | null {
  const list = pendingByChat.get(interactionId) ?? [];
  setPending(
    interactionId,
    list.map((p) => (p.clientMessageId === clientMessageId ? { ...p, ...patch } : p)),
  );
  return pendingByChat.get(interactionId)?.find((p) => p.clientMessageId === clientMessageId) ?? null;
}

/**
 * One conversation's messages, complete and live: the first page of stored ones from `messages`,
 * then `messageAdded` from the last sequence seen (the server replays everything after that
 * cursor, so later pages and the gap are covered), deduplicated by sequence. Sending is
 * idempotent by clientMessageId, so a send whose answer was lost is simply sent again.
 */
export function useMessageStream(interactionId: Readonly<Ref<string | null>>) {
  const { t } = useI18n();
  const messages = shallowRef<ChatMessage[]>([]);
  /** The cursor the live subscription starts from; set once the stored messages are in. */
  const liveFrom = ref<number | null>(null);
  const pending = computed<readonly PendingMessage[]>(() => (interactionId.value ? (pendingByChat.get(interactionId.value) ?? []) : []));

  watch(
    interactionId,
    () => {
      messages.value = [];
      liveFrom.value = null;
    },
    // Reset before the query and the subscription react to the new id.
    { flush: 'sync' },
  );

  function accept(incoming: readonly ChatMessage[]): void {
    // An answer for the conversation shown before this one may still arrive.
    const id = interactionId.value;
    const current = incoming.filter((message) => message.interactionId === id);
    if (!id || current.length === 0) return;
    messages.value = mergeMessages(messages.value, current);
    setPending(id, unconfirmed(pending.value, messages.value));
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

  /** Uploads what the message still owns; null (and the entry marked failed) when that failed. */
  async function uploadOwn(target: string, entry: PendingMessage): Promise<PendingMessage | null> {
    if (!entry.upload) return entry;
    patchPending(target, entry.clientMessageId, { state: 'uploading', error: null });
    try {
      const file = await uploadFile(entry.upload.file, entry.upload.token, () => undefined).done;
      return patchPending(target, entry.clientMessageId, { attachments: [...entry.attachments, file], upload: null, state: 'sending' });
    } catch (e) {
      patchPending(target, entry.clientMessageId, { state: 'failed', error: uploadErrorText(e, t) });
      return null;
    }
  }

  // Runs to the end for `target` even when this view is gone: the entry lives in pendingByChat.
  async function deliver(target: string, queued: PendingMessage): Promise<void> {
    const entry = await uploadOwn(target, queued);
    if (!entry) return;
    for (let attempt = 0; ; attempt++) {
      try {
        const attachmentIds = entry.attachments.map((file) => file.id);
        const result = await mutate({ input: { interactionId: target, body: entry.body, clientMessageId: entry.clientMessageId, attachmentIds } });
        if (result?.data) accept([result.data.postMessage]);
        setPending(
          target,
          (pendingByChat.get(target) ?? []).filter((p) => p.clientMessageId !== entry.clientMessageId),
        );
        return;
      } catch (e) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (!isTransient(e) || delay === undefined) {
          patchPending(target, entry.clientMessageId, { state: 'failed', error: errorText(e, t) });
          return;
        }
        await sleep(delay);
      }
    }
  }

  /** Sends a message (text, files, a recording to upload first); it shows as pending until the server confirms it. */
  function send({ body, attachments, upload }: OutgoingMessage): void {
    const target = interactionId.value;
    const text = body.trim();
    if (!target || (!text && attachments.length === 0 && !upload)) return;
    const entry: PendingMessage = {
      clientMessageId: newClientMessageId(),
      body: text,
      attachments,
      upload: upload ?? null,
      state: upload ? 'uploading' : 'sending',
      error: null,
    };
    setPending(target, [...pending.value, entry]);
    void deliver(target, entry);
  }

  /** Sends a failed message again (uploading first if that was what failed), with the same clientMessageId so it cannot arrive twice. */
  function retry(clientMessageId: string): void {
    const entry = pending.value.find((p) => p.clientMessageId === clientMessageId);
    const target = interactionId.value;
    if (!entry || entry.state !== 'failed' || !target) return;
    void deliver(target, patchPending(target, clientMessageId, { state: entry.upload ? 'uploading' : 'sending', error: null }) ?? entry);
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
