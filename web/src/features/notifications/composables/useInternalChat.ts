import { useApolloClient, useMutation, useSubscription } from '@vue/apollo-composable';
import { computed, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { InternalMessageAddedDocument, InternalMessagesDocument, SendInternalMessageDocument, type InternalMessageFieldsFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/apollo/errors';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { addToThread, correspondent, inThread } from '../internalThread';
import { useNotifier } from './useNotifier';

type InternalMessage = InternalMessageFieldsFragment;

/**
 * Messages between the agent and supervisors: a notice for each one received, and a small thread
 * with one person at a time to read and reply. The stream starts from when the page opened, so a
 * reconnect replays what was missed; each message is told once.
 */
export function useInternalChat() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { notify } = useNotifier();
  const { resolveClient } = useApolloClient();
  const me = computed(() => user.value?.id ?? '');
  const since = new Date().toISOString();
  const told = new Set<string>();

  const partner = ref<{ id: string; name: string } | null>(null);
  const thread = shallowRef<InternalMessage[]>([]);
  const draft = ref('');
  const error = ref<string | null>(null);

  const loading = ref(false);

  /** Opens the thread with one person: what is already known (the notified message), its history, then live messages. */
  async function open(person: { id: string; name: string }, known: InternalMessage[] = []): Promise<void> {
    if (partner.value?.id !== person.id) thread.value = [];
    thread.value = known.reduce<InternalMessage[]>(addToThread, thread.value);
    partner.value = person;
    error.value = null;
    loading.value = true;
    try {
      const { data } = await resolveClient().query({ query: InternalMessagesDocument, variables: { withUserId: person.id }, fetchPolicy: 'network-only' });
      if (partner.value?.id === person.id) thread.value = data.internalMessages.reduce<InternalMessage[]>(addToThread, thread.value);
    } catch (e) {
      error.value = errorMessage(e) ?? t('internalChat.loadFailed');
    } finally {
      loading.value = false;
    }
  }

  function close(): void {
    partner.value = null;
    thread.value = [];
  }

  const live = useSubscription(InternalMessageAddedDocument, { after: since }, () => ({ enabled: user.value?.role === 'AGENT', fetchPolicy: 'no-cache' }));
  live.onResult(({ data }) => {
    const message = data?.internalMessageAdded;
    if (!message) return;
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
      const result = await mutate({ toUserId: to.id, body, clientMessageId: crypto.randomUUID() });
      const sent = result?.data?.sendInternalMessage;
      if (sent && partner.value?.id === to.id) thread.value = addToThread(thread.value, sent);
      draft.value = '';
    } catch (e) {
      error.value = errorMessage(e) ?? t('internalChat.sendFailed');
    }
  }

  return { me, partner, thread, draft, sending, error, loading, open, close, send };
}
