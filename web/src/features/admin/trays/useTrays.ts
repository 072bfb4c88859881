import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable';
import { useMessage } from 'naive-ui';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { AdminTrayAccessDocument, AdminTraysDocument, CreateTrayDocument, SetTrayAccessDocument } from '../../../gql/graphql';
import { errorText } from '../../../shared/apollo/errors';
import { useAdminAction } from '../composables/useAdminAction';
import { useDirectory } from '../composables/useDirectory';

/** Trays, a new custom tray, and who may see one. */
export function useTrays() {
  const { t } = useI18n();
  const { client } = useApolloClient();
  const notice = useMessage();
  const list = useQuery(AdminTraysDocument, null, { fetchPolicy: 'cache-and-network' });
  // Personal trays are one per agent: listing them would bury the ones an administrator manages.
  const trays = computed(() => (list.result.value?.trays ?? []).filter((tray) => tray.kind !== 'PERSONAL'));
  const directory = useDirectory();

  const draft = ref({ name: '', campaignId: null as string | null, userIds: [] as string[], teamIds: [] as string[] });
  const tried = ref(false);
  const problem = computed(() => (tried.value && (!draft.value.name.trim() || !draft.value.campaignId) ? t('admin.errors.required') : null));

  /** The custom tray whose access is being replaced, with the people and teams picked. */
  const access = ref<{ trayId: string; userIds: string[]; teamIds: string[] } | null>(null);

  const { act, running } = useAdminAction();
  const create = useMutation(CreateTrayDocument, { throws: 'always' });
  const setAccess = useMutation(SetTrayAccessDocument, { throws: 'always' });

  async function submit(): Promise<void> {
    tried.value = true;
    if (problem.value) return;
    const input = { ...draft.value, name: draft.value.name.trim(), campaignId: draft.value.campaignId! };
    await act(
      'create',
      () => create.mutate({ input }),
      async () => {
        draft.value = { name: '', campaignId: null, userIds: [], teamIds: [] };
        tried.value = false;
        await list.refetch();
      },
    );
  }

  /** Opens a custom tray's access as it is now: saving replaces it, so it must start from the truth. */
  async function editAccess(trayId: string): Promise<void> {
    try {
      const { data } = await client.query({ query: AdminTrayAccessDocument, variables: { trayId }, fetchPolicy: 'no-cache' });
      access.value = { trayId, userIds: data.trayAccess.users.map((u) => u.id), teamIds: data.trayAccess.teams.map((g) => g.id) };
    } catch (e) {
      notice.error(errorText(e, t));
    }
  }

  async function saveAccess(): Promise<void> {
    const target = access.value;
    if (!target) return;
    await act(
      'access',
      () => setAccess.mutate(target),
      () => (access.value = null),
      t('admin.trays.accessSaved'),
    );
  }

  return { trays, ...directory, draft, problem, access, running, submit, editAccess, saveAccess };
}
