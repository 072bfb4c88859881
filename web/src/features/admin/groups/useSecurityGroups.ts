import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { AdminSecurityGroupsDocument, CreateSecurityGroupDocument, RenameSecurityGroupDocument } from '../../../gql/graphql';
import { useAdminAction } from '../composables/useAdminAction';
import { groupName, groupOptions, managesGroups } from './securityGroups';

/**
 * The security groups the administrator may see (all of them, or its own), whether it may manage
 * them, and creating and renaming them. Every caller shares one cached query, so a group made here
 * shows at once in the campaign editor and the people editor.
 */
export function useSecurityGroups() {
  const query = useQuery(AdminSecurityGroupsDocument, null, { fetchPolicy: 'cache-and-network' });
  const groups = computed(() => query.result.value?.securityGroups ?? []);
  const options = computed(() => groupOptions(groups.value));
  const mine = computed(() => query.result.value?.me?.securityGroup ?? null);
  const manages = computed(() => managesGroups(query.result.value?.me));

  const { act, running } = useAdminAction();
  const createGroup = useMutation(CreateSecurityGroupDocument, { throws: 'always' });
  const renameGroup = useMutation(RenameSecurityGroupDocument, { throws: 'always' });

  /** Resolves true once saved; a refused or unusable name leaves everything as it was. */
  async function create(raw: string): Promise<boolean> {
    const name = groupName(raw);
    if (!name) return false;
    return (
      (await act(
        'group-create',
        () => createGroup.mutate({ name }),
        () => query.refetch(),
      )) !== null
    );
  }

  async function rename(id: string, raw: string): Promise<boolean> {
    const name = groupName(raw);
    if (!name) return false;
    return (
      (await act(
        `group-rename-${id}`,
        () => renameGroup.mutate({ id, name }),
        () => query.refetch(),
      )) !== null
    );
  }

  return { groups, options, mine, manages, running, create, rename, loading: query.loading, error: query.error };
}
