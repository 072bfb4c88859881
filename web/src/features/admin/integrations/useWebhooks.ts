import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  AdminWebhookDeliveriesDocument,
  AdminWebhooksDocument,
  CreateWebhookDocument,
  DeleteWebhookDocument,
  type InteractionEventType,
  PingWebhookDocument,
  RedeliverWebhookDocument,
  SetWebhookActiveDocument,
} from '../../../gql/graphql';
import { useAdminAction } from '../composables/useAdminAction';
import { useDirectory } from '../composables/useDirectory';
import { INTERACTION_EVENT_TYPES } from '../../../shared/events/eventTypes';

/** The event types an integrator can ask for: every type of the trail, messages included. */
export const EVENT_TYPES = INTERACTION_EVENT_TYPES;

/** Webhooks: create (secret shown once), turn on and off, delete, and one hook's delivery log. */
export function useWebhooks() {
  const { t } = useI18n();
  const list = useQuery(AdminWebhooksDocument, null, { fetchPolicy: 'cache-and-network' });
  const hooks = computed(() => list.result.value?.webhooks ?? []);
  const { campaigns, campaignName } = useDirectory();

  const draft = ref({ url: '', campaignIds: [] as string[], eventTypes: [] as InteractionEventType[] });
  const tried = ref(false);
  const problem = computed(() => (tried.value && !/^https?:\/\/\S+$/.test(draft.value.url.trim()) ? t('admin.errors.url') : null));
  const secret = ref<string | null>(null);

  const shownId = ref<string | null>(null);
  const deliveries = useQuery(
    AdminWebhookDeliveriesDocument,
    () => ({ webhookId: shownId.value ?? '' }),
    () => ({ enabled: shownId.value !== null, fetchPolicy: 'network-only' }),
  );
  const log = computed(() => (shownId.value ? (deliveries.result.value?.webhookDeliveries ?? []) : []));

  const { act, running } = useAdminAction();
  const create = useMutation(CreateWebhookDocument, { throws: 'always' });
  const setActive = useMutation(SetWebhookActiveDocument, { throws: 'always' });
  const remove = useMutation(DeleteWebhookDocument, { throws: 'always' });
  const pingMutation = useMutation(PingWebhookDocument, { throws: 'always' });
  const redeliverMutation = useMutation(RedeliverWebhookDocument, { throws: 'always' });

  async function submit(): Promise<void> {
    tried.value = true;
    if (problem.value) return;
    await act(
      'create',
      () => create.mutate({ input: { ...draft.value, url: draft.value.url.trim() } }),
      async (result) => {
        secret.value = result?.data?.createWebhook.secret ?? null;
        draft.value = { url: '', campaignIds: [], eventTypes: [] };
        tried.value = false;
        await list.refetch();
      },
    );
  }

  const toggle = (id: string, active: boolean) =>
    act(
      id,
      () => setActive.mutate({ id, active }),
      () => list.refetch(),
    );
  const destroy = (id: string) =>
    act(
      id,
      () => remove.mutate({ id }),
      async () => {
        if (shownId.value === id) shownId.value = null;
        await list.refetch();
      },
    );

  /** A signed test request; its log opens, where it shows as it goes out. */
  const ping = (id: string) =>
    act(
      `ping-${id}`,
      () => pingMutation.mutate({ id }),
      async () => {
        if (shownId.value === id) await deliveries.refetch();
        else shownId.value = id;
      },
    );
  const redeliver = (deliveryId: string) =>
    act(
      deliveryId,
      () => redeliverMutation.mutate({ deliveryId }),
      () => deliveries.refetch(),
    );

  return { hooks, campaigns, campaignName, draft, problem, secret, shownId, log, running, submit, toggle, destroy, ping, redeliver };
}
