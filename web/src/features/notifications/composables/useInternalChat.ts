import { useApolloClient, useMutation, useSubscription } from '@vue/apollo-composable';
import { computed, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { InternalMessageAddedDocument, InternalMessagesDocument, SendInternalMessageDocument, type InternalMessageFieldsFragment } from '../../../gql/graphql';
import { errorText } from '../../../shared/apollo/errors';
import { useOnReconnect } from '../../../shared/apollo/reconnect';
import { newClientMessageId } from '../../../shared/ids';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { addToThread, correspondent, inThread } from '../internalThread';
import { useNotifier } from './useNotifier';

type InternalMessage = InternalMessageFieldsFragment;

/**
 * Messages between the agent and supervisors: a notice for each one received, and a small thread
 * with one person at a time to read and reply. The stream starts live; after a reconnect it starts
 * again from the last message seen (the server's time, not this machine's clock), so what was
 * missed is replayed; each message is told once.
 */
export function useInternalChat() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { notify } = useNotifier();
  const { resolveClient } = useApolloClient();
  const me = computed(() => user.value?.id ?? '');
  const told = new Set<string>();
  /**
   * Where a restarted stream resumes: the newest createdAt seen (server time). Before any message
   * there is only this machine's clock at page open; the first subscription is live-only (null).
   */
  const pageOpened = new Date().toISOString();
  let lastSeen: string | null = null;
  const after = ref<string | null>(null);
  const seen = (message: InternalMessage) => {
    if (lastSeen === null || Date.parse(message.createdAt) > Date.parse(lastSeen)) lastSeen = message.createdAt;
  };

  const partner = ref<{ id: string; name: string } | null>(null);
  const thread = shallowRef<InternalMessage[]>([]);
  const draft = ref('');
  // One id per draft until it is sent: a send whose answer was lost, sent again, is not doubled.
  // An edited draft is a new message with its own id.
  let unsent: { body: string; id: string } | null = null;
  const error = ref<string | null>(null);

  const loading = ref(false);

  /** Opens the thread with one person: what is already known (the notified message), its history, then live messages. */
  async function open(person: { id: string; name: string }, known: InternalMessage[] = []): Promise<void> {
    if (partner.value?.id !== person.id) {
      thread.value = [];
      unsent = null;
    }
    thread.value = known.reduce<InternalMessage[]>(addToThread, thread.value);
    partner.value = person;
    error.value = null;
    loading.value = true;
    try {
      const { data } = await resolveClient().query({ query: InternalMessagesDocument, variables: { withUserId: person.id }, fetchPolicy: 'network-only' });
      if (partner.value?.id === person.id) thread.value = data.internalMessages.reduce<InternalMessage[]>(addToThread, thread.value);
    } catch (e) {
      error.value = errorText(e, t);
    } finally {
      loading.value = false;
    }
  }

  function close(): void {
    partner.value = null;
    thread.value = [];
    unsent = null;
  }

  const live = useSubscription(InternalMessageAddedDocument, () => ({ after: after.value }), () => ({ enabled: user.value?.role === 'AGENT', fetchPolicy: 'no-cache' }));
  // The socket's own resubscription repeats the first variables; a new cursor restarts the stream from it.
  useOnReconnect(() => (after.value = lastSeen ?? pageOpened));
  live.onResult(({ data }) => {
    const message = data?.internalMessageAdded;
    if (!message) return;
    seen(message);
    const other = correspondent(message, me.value);
    const showing = partner.value?.id === other.id;
    if (showing && inThread(message, me.value, other.id)) thread.value = addToThread(thread.value, message);
    if (message.fromUserId === me.value || told.has(message.id)) return;
    told.add(message.id);
    if (showing) return;
    notify({
      title: t('internalChat.from', { name: message.fromName }),
      body: message.body,
      testId: 'notification-internal',
      open: { label: t('internalChat.reply'), run: () => void open(other, [message]) },
    });
  });

  const { mutate, loading: sending } = useMutation(SendInternalMessageDocument, { throws: 'always' });

  async function send(): Promise<void> {
    const body = draft.value.trim();
    const to = partner.value;
    if (!body || !to || sending.value) return;
    error.value = null;
    try {
      if (unsent?.body !== body) unsent = { body, id: newClientMessageId() };
      const result = await mutate({ toUserId: to.id, body, clientMessageId: unsent.id });
      const sent = result?.data?.sendInternalMessage;
      if (sent) seen(sent);
      if (sent && partner.value?.id === to.id) thread.value = addToThread(thread.value, sent);
      unsent = null;
      draft.value = '';
    } catch (e) {
      error.value = errorText(e, t);
    }
  }

  return { me, partner, thread, draft, sending, error, loading, open, close, send };
}
