import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { AdminCampaignMembersDocument, AdminCampaignsDocument, AdminUsersDocument, CreateCampaignDocument, UpdateCampaignDocument } from '../../../gql/graphql';
import { campaignInput, campaignProblem, draftOf, emptyCampaign, type CampaignDraft } from '../campaignForm';
import { useAdminAction } from '../composables/useAdminAction';

/** Every IANA zone the browser knows, for the time-zone select. */
const ZONES = Intl.supportedValuesOf('timeZone');

/**
 * The campaigns list and the editor: `editing` is null (the list), 'new', or a campaign's id. The
 * draft is checked by the pure rules first; the server's refusal is shown as it words it.
 */
export function useCampaigns() {
  const { t } = useI18n();
  const { client } = useApolloClient();
  const list = useQuery(AdminCampaignsDocument, null, { fetchPolicy: 'cache-and-network' });
  const users = useQuery(AdminUsersDocument, null, { fetchPolicy: 'cache-and-network' });
  const campaigns = computed(() => list.result.value?.campaigns ?? []);
  const people = computed(() => (users.result.value?.users ?? []).filter((u) => u.active).map((u) => ({ label: u.name, value: u.id })));
  const zones = computed(() => (ZONES.includes('UTC') ? ZONES : ['UTC', ...ZONES]).map((z) => ({ label: z, value: z })));

  const editing = ref<string | null>(null);
  const draft = ref<CampaignDraft>(emptyCampaign());
  const tried = ref(false);
  const problem = computed(() => campaignProblem(draft.value));
  const shownProblem = computed(() => (tried.value && problem.value ? t(`admin.errors.${problem.value}`) : null));

  function open(id: string | 'new'): void {
    const saved = campaigns.value.find((c) => c.id === id);
    draft.value = saved ? draftOf(saved) : emptyCampaign();
    tried.value = false;
    editing.value = id;
    if (saved) void loadMembers(saved.id);
  }

  /** The members as they are, so the picker shows them and a save keeps them unless changed. */
  async function loadMembers(id: string): Promise<void> {
    const { data } = await client.query({ query: AdminCampaignMembersDocument, variables: { campaignId: id }, fetchPolicy: 'no-cache' });
    if (editing.value === id) draft.value = { ...draft.value, memberIds: data.campaignMembers.map((m) => m.id) };
  }

  function close(): void {
    editing.value = null;
  }

  // A campaign deleted or hidden elsewhere while open leaves the editor rather than a blank form.
  watch(campaigns, (now) => {
    if (editing.value && editing.value !== 'new' && !now.some((c) => c.id === editing.value)) editing.value = null;
  });

  const { act, running } = useAdminAction();
  const create = useMutation(CreateCampaignDocument, { throws: 'always' });
  const update = useMutation(UpdateCampaignDocument, { throws: 'always' });

  async function save(): Promise<void> {
    tried.value = true;
    if (problem.value) return;
    const input = campaignInput(draft.value);
    const id = editing.value;
    await act(
      'save',
      async () => {
        if (id && id !== 'new') return (await update.mutate({ id, input }))?.data?.updateCampaign;
        return (await create.mutate({ input }))?.data?.createCampaign;
      },
      async (saved) => {
        await list.refetch();
        // Closed (or moved to another campaign) while the save was on its way: the answer must not
        // open the editor again behind the person's back.
        if (saved && editing.value === id) {
          editing.value = saved.id;
          draft.value = { ...draftOf(saved), memberIds: draft.value.memberIds };
        }
      },
      t('admin.campaigns.saved'),
    );
  }

  return { campaigns, loading: list.loading, error: list.error, people, zones, editing, draft, shownProblem, saving: computed(() => running.value === 'save'), open, close, save };
}
