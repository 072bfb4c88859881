import { useSubscription } from '@vue/apollo-composable';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { InternalMessageAddedDocument } from '../../../gql/graphql';
import { useOnReconnect } from '../../../shared/apollo/reconnect';
import { correspondent } from '../../../shared/staff-chat/staffThread';
import { type StaffMessage, useStaffThread } from '../../../shared/staff-chat/useStaffThread';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { useNotifier } from './useNotifier';

/**
 * The agent's side of the staff chat: a notice for each message received, and the open thread to
 * read and reply. The stream starts live; after a reconnect it starts again from the last message
 * seen (the server's time, not this machine's clock), so what was missed is replayed; each message
 * is told once.
 */
export function useInternalChat() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { notify } = useNotifier();
  const chat = useStaffThread();
  const told = new Set<string>();
  /**
   * Where a restarted stream resumes: the newest createdAt seen (server time). Before any message
   * there is only this machine's clock at page open; the first subscription is live-only (null).
   */
  const pageOpened = new Date().toISOString();
  let lastSeen: string | null = null;
  const after = ref<string | null>(null);
  const seen = (message: StaffMessage) => {
    if (lastSeen === null || Date.parse(message.createdAt) > Date.parse(lastSeen)) lastSeen = message.createdAt;
  };

  const live = useSubscription(
    InternalMessageAddedDocument,
    () => ({ after: after.value }),
    () => ({ enabled: user.value?.role === 'AGENT', fetchPolicy: 'no-cache' }),
  );
  // The socket's own resubscription repeats the first variables; a new cursor restarts the stream from it.
  useOnReconnect(() => (after.value = lastSeen ?? pageOpened));
  live.onResult(({ data }) => {
    const message = data?.internalMessageAdded;
    if (!message) return;
    seen(message);
    chat.accept(message);
    if (message.fromUserId === chat.me.value || told.has(message.id)) return;
    told.add(message.id);
    const other = correspondent(message, chat.me.value);
    if (chat.partner.value?.id === other.id) return;
    notify({
      title: t('internalChat.from', { name: message.fromName }),
      body: message.body,
      testId: 'notification-internal',
      open: { label: t('internalChat.reply'), run: () => void chat.open(other, [message]) },
    });
  });

  async function send(): Promise<StaffMessage | null> {
    const sent = await chat.send();
    if (sent) seen(sent);
    return sent;
  }

  return { ...chat, send };
}
