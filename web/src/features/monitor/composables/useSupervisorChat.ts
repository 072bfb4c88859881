import { useApolloClient, useMutation, useSubscription } from '@vue/apollo-composable';
import { computed, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { InternalMessageAddedDocument, InternalMessagesDocument, SendInternalMessageDocument, type InternalMessageFieldsFragment } from '../../../gql/graphql';
import { errorText } from '../../../shared/apollo/errors';
import { newClientMessageId } from '../../../shared/ids';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { addToThread, inThread } from '../../notifications/internalThread';

/**
 * The supervisor's side of the internal chat, one agent at a time: the history, then the live
 * stream while the panel is open. Only the open thread listens, so a panel of many agents costs
 * one subscription, not one per row.
 */
export function useSupervisorChat() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { resolveClient } = useApolloClient();
  const me = computed(() => user.value?.id ?? '');
  const partner = ref<{ id: string; name: string } | null>(null);
  const thread = shallowRef<InternalMessageFieldsFragment[]>([]);
  const draft = ref('');
  const error = ref<string | null>(null);
  const loading = ref(false);
  // One id per draft until it is sent, so a send retried after a lost answer is not doubled.
  let unsent: { body: string; id: string } | null = null;

  async function open(agent: { id: string; name: string }): Promise<void> {
    partner.value = agent;
    thread.value = [];
    error.value = null;
    unsent = null;
    loading.value = true;
    try {
      const { data } = await resolveClient().query({ query: InternalMessagesDocument, variables: { withUserId: agent.id }, fetchPolicy: 'network-only' });
      if (partner.value?.id === agent.id) thread.value = data.internalMessages.reduce(addToThread, thread.value);
    } catch (e) {
      error.value = errorText(e, t);
    } finally {
      loading.value = false;
    }
  }

  const close = () => (partner.value = null);

  const live = useSubscription(InternalMessageAddedDocument, () => ({ after: null }), () => ({ enabled: partner.value !== null, fetchPolicy: 'no-cache' }));
  live.onResult(({ data }) => {
    const message = data?.internalMessageAdded;
    const other = partner.value?.id;
    if (message && other && inThread(message, me.value, other)) thread.value = addToThread(thread.value, message);
  });

  const { mutate, loading: sending } = useMutation(SendInternalMessageDocument, { throws: 'always' });

  async function send(): Promise<void> {
    const body = draft.value.trim();
    const to = partner.value;
    if (!body || !to || sending.value) return;
    error.value = null;
    try {
      if (unsent?.body !== body) unsent = { body, id: newClientMessageId() };
      const sent = (await mutate({ toUserId: to.id, body, clientMessageId: unsent.id }))?.data?.sendInternalMessage;
      if (sent && partner.value?.id === to.id) thread.value = addToThread(thread.value, sent);
      unsent = null;
      draft.value = '';
    } catch (e) {
      error.value = errorText(e, t);
    }
  }

  return { me, partner, thread, draft, error, loading, sending, open, close, send };
}
