import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import { AdminLabelsDocument, CreateSkillDocument, CreateTagDocument, DeleteSkillDocument, DeleteTagDocument, RenameSkillDocument, RenameTagDocument } from '../../../gql/graphql';
import { useAdminAction } from '../composables/useAdminAction';

export const LABEL_KINDS = ['tags', 'skills'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/**
 * Tags and expertise (skills) for administrators: create, rename, delete. A rename reaches every
 * chat and person that has the label; a delete removes it from them (the API does both at once).
 */
export function useLabels() {
  const query = useQuery(AdminLabelsDocument, null, { fetchPolicy: 'cache-and-network' });
  const lists = computed(() => ({ tags: query.result.value?.tagUsage ?? [], skills: query.result.value?.skillUsage ?? [] }));
  const { act, running } = useAdminAction();
  const createTag = useMutation(CreateTagDocument, { throws: 'always' });
  const renameTag = useMutation(RenameTagDocument, { throws: 'always' });
  const deleteTag = useMutation(DeleteTagDocument, { throws: 'always' });
  const createSkill = useMutation(CreateSkillDocument, { throws: 'always' });
  const renameSkill = useMutation(RenameSkillDocument, { throws: 'always' });
  const deleteSkill = useMutation(DeleteSkillDocument, { throws: 'always' });
  const ops: Record<LabelKind, { create(name: string): Promise<unknown>; rename(name: string, newName: string): Promise<unknown>; remove(name: string): Promise<unknown> }> = {
    tags: {
      create: (name) => createTag.mutate({ name }),
      rename: (name, newName) => renameTag.mutate({ name, newName }),
      remove: (name) => deleteTag.mutate({ name }),
    },
    skills: {
      create: (name) => createSkill.mutate({ name }),
      rename: (name, newName) => renameSkill.mutate({ name, newName }),
      remove: (name) => deleteSkill.mutate({ name }),
    },
  };
  const refetch = () => query.refetch();

  const fresh = ref<Record<LabelKind, string>>({ tags: '', skills: '' });
  async function create(kind: LabelKind): Promise<void> {
    const name = fresh.value[kind].trim();
    if (!name) return;
    await act(
      `create-${kind}`,
      () => ops[kind].create(name),
      async () => {
        fresh.value[kind] = '';
        await refetch();
      },
    );
  }

  /** The label being renamed in its row, or null. */
  const renaming = ref<{ kind: LabelKind; name: string } | null>(null);
  const newName = ref('');
  function startRename(kind: LabelKind, name: string): void {
    renaming.value = { kind, name };
    newName.value = name;
  }
  const isRenaming = (kind: LabelKind, name: string) => renaming.value?.kind === kind && renaming.value.name === name;
  async function rename(): Promise<void> {
    const target = renaming.value;
    const to = newName.value.trim();
    if (!target || !to) return;
    await act(
      `rename-${target.kind}-${target.name}`,
      () => ops[target.kind].rename(target.name, to),
      async () => {
        renaming.value = null;
        await refetch();
      },
    );
  }

  async function remove(kind: LabelKind, name: string): Promise<void> {
    await act(`delete-${kind}-${name}`, () => ops[kind].remove(name), refetch);
  }

  return { lists, running, fresh, create, renaming, newName, startRename, isRenaming, rename, remove };
}
