import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import { AdminPauseReasonsDocument, CreatePauseReasonDocument, SetPauseReasonActiveDocument, UpdatePauseReasonDocument } from '../../../gql/graphql';
import { pauseIcon, type PauseIcon } from '../../agent-state/stateDisplay';
import { useAdminAction } from '../composables/useAdminAction';

export interface PauseDraft {
  name: string;
  icon: PauseIcon;
}

/**
 * Pause reasons for administrators: create, edit name and icon, retire and restore. Retired ones are
 * listed only when `showRetired` is on; agents already paused with one keep it (the API says so).
 */
export function usePauseReasons() {
  const list = useQuery(AdminPauseReasonsDocument, null, { fetchPolicy: 'cache-and-network' });
  const showRetired = ref(false);
  const reasons = computed(() => (list.result.value?.pauseReasons ?? []).filter((r) => showRetired.value || r.active));
  const { act, running } = useAdminAction();
  const create = useMutation(CreatePauseReasonDocument, { throws: 'always' });
  const update = useMutation(UpdatePauseReasonDocument, { throws: 'always' });
  const setActive = useMutation(SetPauseReasonActiveDocument, { throws: 'always' });
  const refetch = () => list.refetch();

  const fresh = ref<PauseDraft>({ name: '', icon: 'coffee' });
  async function add(): Promise<void> {
    const name = fresh.value.name.trim();
    if (!name) return;
    await act(
      'add',
      () => create.mutate({ name, icon: fresh.value.icon }),
      async () => {
        fresh.value = { name: '', icon: 'coffee' };
        await refetch();
      },
    );
  }

  /** The reason being edited in its row, or null. */
  const editing = ref<string | null>(null);
  const draft = ref<PauseDraft>({ name: '', icon: 'coffee' });
  function edit(id: string): void {
    const r = reasons.value.find((x) => x.id === id);
    if (!r) return;
    draft.value = { name: r.name, icon: pauseIcon(r.icon) };
    editing.value = id;
  }
  async function save(): Promise<void> {
    const id = editing.value;
    const name = draft.value.name.trim();
    if (!id || !name) return;
    await act(
      `edit-${id}`,
      () => update.mutate({ id, input: { name, icon: draft.value.icon } }),
      async () => {
        editing.value = null;
        await refetch();
      },
    );
  }

  async function retire(id: string, active: boolean): Promise<void> {
    await act(`active-${id}`, () => setActive.mutate({ id, active }), refetch);
  }

  return { reasons, showRetired, running, fresh, add, editing, draft, edit, save, retire };
}
