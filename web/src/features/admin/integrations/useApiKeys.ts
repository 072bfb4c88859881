import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { AdminApiKeysDocument, CreateApiKeyDocument, RevokeApiKeyDocument, type ApiScope } from '../../../gql/graphql';
import { useAdminAction } from '../composables/useAdminAction';
import { useDirectory } from '../composables/useDirectory';

export const SCOPES = ['READ', 'BOT', 'CHANNEL', 'SUPERVISE', 'ADMIN'] as const satisfies readonly ApiScope[];

/** API keys: the list, a new key whose secret is kept here until the administrator dismisses it, revoking. */
export function useApiKeys() {
  const { t } = useI18n();
  const list = useQuery(AdminApiKeysDocument, null, { fetchPolicy: 'cache-and-network' });
  const keys = computed(() => list.result.value?.apiKeys ?? []);
  const { campaigns, campaignName } = useDirectory();

  const name = ref('');
  // What customers and agents see of a bot: optional, the name stands in for it.
  const displayName = ref('');
  const avatarUrl = ref('');
  const scopes = ref<ApiScope[]>(['READ']);
  const campaignIds = ref<string[]>([]);
  const secret = ref<string | null>(null);
  const tried = ref(false);
  const problem = computed(() => {
    if (!tried.value) return null;
    if (!name.value.trim()) return t('admin.errors.nameRequired');
    return scopes.value.length ? null : t('admin.errors.scopes');
  });

  const { act, running } = useAdminAction();
  const create = useMutation(CreateApiKeyDocument, { throws: 'always' });
  const revokeKey = useMutation(RevokeApiKeyDocument, { throws: 'always' });

  async function submit(): Promise<void> {
    tried.value = true;
    if (problem.value) return;
    const input = { name: name.value.trim(), scopes: scopes.value, campaignIds: campaignIds.value, displayName: displayName.value.trim() || null, avatarUrl: avatarUrl.value.trim() || null };
    await act(
      'create',
      () => create.mutate({ input }),
      async (result) => {
        secret.value = result?.data?.createApiKey.secret ?? null;
        name.value = '';
        displayName.value = '';
        avatarUrl.value = '';
        campaignIds.value = [];
        tried.value = false;
        await list.refetch();
      },
    );
  }

  async function revoke(id: string): Promise<void> {
    await act(
      id,
      () => revokeKey.mutate({ id }),
      () => list.refetch(),
    );
  }

  return { keys, campaigns, campaignName, name, displayName, avatarUrl, scopes, campaignIds, secret, problem, running, submit, revoke };
}
