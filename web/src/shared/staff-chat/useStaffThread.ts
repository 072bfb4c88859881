import { useApolloClient, useMutation } from '@vue/apollo-composable';
import { computed, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { InternalMessagesDocument, SendInternalMessageDocument, type InternalMessageFieldsFragment } from '../../gql/graphql';
import { useCurrentUser } from '../../features/auth/composables/useCurrentUser';
import { errorText } from '../apollo/errors';
import { newClientMessageId } from '../ids';
import { addToThread, inThread } from './staffThread';

export type StaffMessage = InternalMessageFieldsFragment;

/**
 * One open thread between the signed-in person and another (agent or supervisor): its history, the
 * draft, and sends. Who listens for new messages, and what else they do with them, is the caller's:
 * it hands them to `accept`.
 */
export function useStaffThread() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { resolveClient } = useApolloClient();
  const me = computed(() => user.value?.id ?? '');
  const partner = ref<{ id: string; name: string } | null>(null);
  const thread = shallowRef<StaffMessage[]>([]);
  const draft = ref('');
  const error = ref<string | null>(null);
  const loading = ref(false);
  // One id per draft until it is sent: a send whose answer was lost, sent again, is not doubled.
  // An edited draft is a new message with its own id.
  let unsent: { body: string; id: string } | null = null;

  /** Adds a message to the open thread, if it belongs there. */
  function accept(message: StaffMessage): void {
    const other = partner.value?.id;
    if (other && inThread(message, me.value, other)) thread.value = addToThread(thread.value, message);
  }

  /** Opens the thread with one person: what is already known (a notified message), then its history. */
  async function open(person: { id: string; name: string }, known: StaffMessage[] = []): Promise<void> {
    if (partner.value?.id !== person.id) {
      thread.value = [];
      unsent = null;
    }
    partner.value = person;
    known.forEach(accept);
    error.value = null;
    loading.value = true;
    try {
      const { data } = await resolveClient().query({ query: InternalMessagesDocument, variables: { withUserId: person.id }, fetchPolicy: 'network-only' });
      if (partner.value?.id === person.id) data.internalMessages.forEach(accept);
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

  const { mutate, loading: sending } = useMutation(SendInternalMessageDocument, { throws: 'always' });

  /** Sends the draft; answers the stored message so the caller can note it (e.g. a stream cursor). */
  async function send(): Promise<StaffMessage | null> {
    const body = draft.value.trim();
    const to = partner.value;
    if (!body || !to || sending.value) return null;
    error.value = null;
    try {
      if (unsent?.body !== body) unsent = { body, id: newClientMessageId() };
      const sent = (await mutate({ toUserId: to.id, body, clientMessageId: unsent.id }))?.data?.sendInternalMessage ?? null;
      if (sent) accept(sent);
      unsent = null;
      draft.value = '';
      return sent;
    } catch (e) {
      error.value = errorText(e, t);
      return null;
    }
  }

  return { me, partner, thread, draft, error, loading, sending, accept, open, close, send };
}

export type StaffThread = ReturnType<typeof useStaffThread>;
