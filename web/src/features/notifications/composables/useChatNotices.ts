import { useApolloClient, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import { ChatArrivalsDocument, OpenChatsDocument, type OpenChatsQuery } from '../../../gql/graphql';
import { useOnReconnect } from '../../../shared/apollo/reconnect';
import { isOwnTake } from '../../../shared/interactions/ownTakes';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { chatNotice, missedChats, type ChatNoticeReason, type Told, worthTelling } from '../notices';
import { chime } from './chime';
import { forgetUnopened, markOpened, markUnopened } from './unopenedChats';
import { type NoticeHandle, useNotifier } from './useNotifier';

type Chat = OpenChatsQuery['interactions']['edges'][number]['node'];

/**
 * Tells an agent about chats that arrive for it; a click opens the chat. A chat given to the agent
 * rings, stays on screen, badges the inbox and counts in the tab title until the agent opens it,
 * whichever screen it is on. Supervisors see every tray and are not told. The live feed does not
 * replay what a dropped socket missed, so after a reconnect (or a RESYNC) the chats open now are
 * compared with those already told about.
 */
export function useChatNotices(): void {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const { user } = useCurrentUser();
  const { notify } = useNotifier();
  const { resolveClient } = useApolloClient();
  const told: Told = new Map();
  /** The notices of chats given to the agent, open until it opens each chat. */
  const givenNotices = new Map<string, NoticeHandle>();
  const isAgent = computed(() => user.value?.role === 'AGENT');
  const me = computed(() => user.value?.id ?? '');

  const worthIt = (chat: Chat, reason: ChatNoticeReason) =>
    worthTelling(chat.id, reason, {
      openChatId: typeof route.params.id === 'string' ? route.params.id : null,
      inboxInView: route.name === 'inbox' && document.visibilityState === 'visible',
      takingIt: isOwnTake(chat.id),
    });

  function opened(chatId: string): void {
    givenNotices.get(chatId)?.close();
    givenNotices.delete(chatId);
    markOpened(chatId);
  }

  function tell(chat: Chat, reason: ChatNoticeReason): void {
    chime();
    const handle = notify({
      title: t(`notifications.chat.${reason}`),
      body: `${chat.contact.name ?? t('notifications.chat.unnamed')} · ${chat.campaign.name} · ${chat.protocol}`,
      testId: 'notification-new-chat',
      open: { label: t('notifications.open'), run: () => void router.push(`/inbox/${chat.id}`) },
      sticky: reason === 'ASSIGNED',
    });
    if (reason !== 'ASSIGNED') return;
    givenNotices.set(chat.id, handle);
    markUnopened(chat.id);
  }

  /** What is open now; `quietly` at start, when the inbox already shows it all. */
  async function catchUp(quietly: boolean): Promise<void> {
    let chats: Chat[];
    try {
      const { data } = await resolveClient().query({ query: OpenChatsDocument, fetchPolicy: 'no-cache' });
      chats = data.interactions.edges.map((edge) => edge.node);
    } catch {
      return; // The next reconnect tries again; the inbox shows the chats meanwhile.
    }
    const missed = missedChats(chats, me.value, told).filter(({ chat, reason }) => worthIt(chat, reason));
    if (quietly) return;
    // Each chat given to the agent keeps its own notice until opened; waiting ones are summed up.
    missed.filter(({ reason }) => reason === 'ASSIGNED').forEach(({ chat, reason }) => tell(chat, reason));
    const waiting = missed.filter(({ reason }) => reason === 'WAITING');
    if (waiting.length === 1) return tell(waiting[0]!.chat, 'WAITING');
    if (waiting.length === 0) return;
    chime();
    notify({
      title: t('notifications.missed.title', { count: waiting.length }),
      body: t('notifications.missed.body'),
      testId: 'notification-new-chat',
      open: { label: t('notifications.open'), run: () => void router.push('/inbox') },
    });
  }

  const arrivals = useSubscription(ChatArrivalsDocument, null, () => ({ enabled: isAgent.value, fetchPolicy: 'no-cache' }));
  arrivals.onResult(({ data }) => {
    const change = data?.interactionChanged;
    if (!change) return;
    if (change.kind === 'RESYNC') return void catchUp(false);
    const reason = chatNotice(change, me.value, told);
    const chat = change.interaction;
    const id = chat?.id ?? change.interactionId;
    // A chat no longer the agent's (returned, transferred, closed) has nothing left to open.
    if (id && told.get(id) !== 'ASSIGNED') opened(id);
    if (reason && chat && worthIt(chat, reason)) tell(chat, reason);
  });
  watch(
    () => route.params.id,
    (id) => typeof id === 'string' && opened(id),
    { immediate: true },
  );
  watch(isAgent, (agent) => agent && void catchUp(true), { immediate: true });
  onScopeDispose(forgetUnopened);
  useOnReconnect(() => isAgent.value && void catchUp(false));
}
