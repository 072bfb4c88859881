import { computed, onScopeDispose, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import { isOwnTake } from '../../../shared/interactions/ownTakes';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { useInboxFeed } from '../../inbox/composables/inboxFeed';
import type { InboxRow } from '../../inbox/inboxRules';
import { chatNotice, missedChats, type ChatNoticeReason, type Told, worthTelling } from '../notices';
import { chime } from './chime';
import { forgetUnopened, markOpened, markUnopened } from './unopenedChats';
import { type NoticeHandle, useNotifier } from './useNotifier';

type Chat = InboxRow;

/**
 * Tells an agent about chats that arrive for it; a click opens the chat. A chat given to the agent
 * rings, stays on screen, badges the inbox and counts in the tab title until the agent opens it,
 * whichever screen it is on. Supervisors see every tray and are not told. It listens to the inbox
 * feed: when the feed starts again with everything (a socket that came back), the chats it lists
 * are compared with those already told about.
 */
export function useChatNotices(): void {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const { user } = useCurrentUser();
  const { notify } = useNotifier();
  const feed = useInboxFeed();
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

  /** What the feed lists now, after it started again; `quietly` at start, when the inbox already shows it all. */
  function catchUp(chats: readonly Chat[], quietly: boolean): void {
    const open = chats.filter((chat) => chat.phase === 'WAITING' || chat.phase === 'IN_SERVICE');
    const missed = missedChats(open, me.value, told).filter(({ chat, reason }) => worthIt(chat, reason));
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

  let started = false;
  const stopListening = feed.onFrame((frame) => {
    if (!isAgent.value) return;
    if (frame.reset) {
      catchUp(feed.picture.value.rows, !started);
      started = true;
      return;
    }
    for (const change of frame.changes) {
      const reason = chatNotice(change, me.value, told);
      const chat = change.interaction;
      const id = chat?.id ?? change.interactionId;
      // A chat no longer the agent's (returned, transferred, closed) has nothing left to open.
      if (id && told.get(id) !== 'ASSIGNED') opened(id);
      if (reason && chat && worthIt(chat, reason)) tell(chat, reason);
    }
  });
  onScopeDispose(stopListening);
  watch(
    () => route.params.id,
    (id) => typeof id === 'string' && opened(id),
    { immediate: true },
  );
  // Signed in as an agent with the feed already running: what it lists is known, not news.
  watch(isAgent, (agent) => agent && feed.ready.value && catchUp(feed.picture.value.rows, true), { immediate: true });
  onScopeDispose(forgetUnopened);
}
