import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref, type Ref } from 'vue';
import { CannedResponsesDocument, CreateCannedResponseDocument, type Language } from '../../../gql/graphql';
import { useAdminAction } from '../composables/useAdminAction';

/** A campaign's canned responses and the form that adds one. */
export function useCannedAdmin(campaignId: Ref<string>) {
  const query = useQuery(CannedResponsesDocument, () => ({ campaignId: campaignId.value }), { fetchPolicy: 'cache-and-network' });
  const responses = computed(() => query.result.value?.cannedResponses ?? []);
  const shortcut = ref('');
  const body = ref('');
  const language = ref<Language | null>(null);
  const canAdd = computed(() => shortcut.value.trim() !== '' && body.value.trim() !== '');
  const { act, running } = useAdminAction();
  const { mutate } = useMutation(CreateCannedResponseDocument, { throws: 'always' });

  async function add(): Promise<void> {
    if (!canAdd.value) return;
    const input = { campaignId: campaignId.value, shortcut: shortcut.value.trim(), body: body.value.trim(), language: language.value };
    await act(
      'add',
      () => mutate({ input }),
      async () => {
        shortcut.value = '';
        body.value = '';
        await query.refetch();
      },
    );
  }

  return { responses, shortcut, body, language, canAdd, adding: computed(() => running.value !== null), add };
}
