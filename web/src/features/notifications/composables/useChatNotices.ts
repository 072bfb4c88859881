import { useSubscription } from '@vue/apollo-composable';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import { ChatArrivalsDocument } from '../../../gql/graphql';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { isOwnTake } from '../../../shared/interactions/ownTakes';
import { chatNotice } from '../notices';
import { useNotifier } from './useNotifier';

/** Tells an agent about chats that arrive for it; a click opens the chat. Supervisors see every tray and are not told. */
export function useChatNotices(): void {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const { user } = useCurrentUser();
  const { notify } = useNotifier();
  const told = new Set<string>();

  const arrivals = useSubscription(ChatArrivalsDocument, null, () => ({ enabled: user.value?.role === 'AGENT', fetchPolicy: 'no-cache' }));
  const me = computed(() => user.value?.id ?? '');

  arrivals.onResult(({ data }) => {
    const change = data?.interactionChanged;
    if (!change) return;
    const reason = chatNotice(change, me.value, told);
    const chat = change.interaction;
    // The chat already on screen, or one this agent just took, needs no notice.
    if (!reason || !chat || route.params.id === chat.id || (reason === 'ASSIGNED' && isOwnTake(chat.id))) return;
    notify({
      title: t(`notifications.chat.${reason}`),
      body: `${chat.contact.name ?? t('notifications.chat.unnamed')} · ${chat.campaign.name} · ${chat.protocol}`,
      testId: 'notification-new-chat',
      open: { label: t('notifications.open'), run: () => void router.push(`/inbox/${chat.id}`) },
    });
  });
}
