import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { AdminTeamsDocument, AdminUsersDocument, CreateTeamDocument, CreateUserDocument, SetUserActiveDocument, UpdateUserDocument, type Role } from '../../../gql/graphql';
import { useCurrentUser } from '../../auth/composables/useCurrentUser';
import { useAdminAction } from '../composables/useAdminAction';
import { useSecurityGroups } from '../groups/useSecurityGroups';

export { ROLES } from './peopleRules';

export interface UserDraft {
  name: string;
  email: string;
  password: string;
  role: Role;
  languages: string[];
  skills: string[];
  maxConcurrentChats: number | null;
  mayMonitorScreen: boolean;
  teamIds: string[];
  /** Sent only when an administrator without a group edits it: undefined leaves it, null removes it. */
  securityGroupId?: string | null;
}

const blank = (): UserDraft => ({ name: '', email: '', password: '', role: 'AGENT', languages: [], skills: [], maxConcurrentChats: 3, mayMonitorScreen: false, teamIds: [] });

/**
 * Users (create, edit, deactivate, reactivate) and teams (create). `editing` is null, 'new' or a
 * user's id. Deactivated people are listed only when `showInactive` is on.
 */
export function usePeople() {
  const { t } = useI18n();
  const users = useQuery(AdminUsersDocument, null, { fetchPolicy: 'cache-and-network' });
  const teamList = useQuery(AdminTeamsDocument, null, { fetchPolicy: 'cache-and-network' });
  const everyone = computed(() => users.result.value?.users ?? []);
  const showInactive = ref(false);
  const people = computed(() => (showInactive.value ? everyone.value : everyone.value.filter((p) => p.active)));
  const { user: me } = useCurrentUser();
  /** An administrator cannot deactivate themself (the API refuses it too), so the button is not offered. */
  const mayDeactivate = (id: string) => me.value?.id !== id;
  const teams = computed(() => teamList.result.value?.teams ?? []);
  const { manages: managesGroups } = useSecurityGroups();

  const editing = ref<string | null>(null);
  const draft = ref<UserDraft>(blank());
  const tried = ref(false);
  const problem = computed(() => {
    if (!tried.value) return null;
    const d = draft.value;
    if (!d.name.trim() || (editing.value === 'new' && (!d.email.trim() || !d.password))) return t('admin.errors.required');
    return d.maxConcurrentChats !== null && d.maxConcurrentChats < 0 ? t('admin.errors.positive') : null;
  });

  function open(id: string | 'new'): void {
    const u = everyone.value.find((p) => p.id === id);
    draft.value = u
      ? {
          ...blank(),
          name: u.name,
          email: u.email,
          role: u.role,
          languages: [...u.languages],
          skills: [...u.skills],
          maxConcurrentChats: u.maxConcurrentChats,
          mayMonitorScreen: u.mayMonitorScreen,
          teamIds: u.teams.map((x) => x.id),
        }
      : blank();
    if (u && managesGroups.value) draft.value.securityGroupId = u.securityGroup?.id ?? null;
    tried.value = false;
    editing.value = id;
  }

  const { act, running } = useAdminAction();
  const createUser = useMutation(CreateUserDocument, { throws: 'always' });
  const updateUser = useMutation(UpdateUserDocument, { throws: 'always' });
  const createTeam = useMutation(CreateTeamDocument, { throws: 'always' });
  const setUserActive = useMutation(SetUserActiveDocument, { throws: 'always' });

  async function save(): Promise<void> {
    tried.value = true;
    if (problem.value) return;
    const { email, password, maxConcurrentChats, ...rest } = draft.value;
    const common = { ...rest, name: rest.name.trim(), ...(maxConcurrentChats === null ? {} : { maxConcurrentChats }) };
    const id = editing.value;
    await act(
      'user',
      async () => {
        if (id && id !== 'new') await updateUser.mutate({ id, input: common });
        else await createUser.mutate({ input: { ...common, email: email.trim(), password } });
      },
      async () => {
        editing.value = null;
        await Promise.all([users.refetch(), teamList.refetch()]);
      },
    );
  }

  const team = ref({ name: '', memberIds: [] as string[] });
  async function addTeam(): Promise<void> {
    if (!team.value.name.trim()) return;
    await act(
      'team',
      () => createTeam.mutate({ input: { name: team.value.name.trim(), memberIds: team.value.memberIds } }),
      async () => {
        team.value = { name: '', memberIds: [] };
        await Promise.all([users.refetch(), teamList.refetch()]);
      },
    );
  }

  /** Deactivating signs the person out at once and sends their chats back to their trays (the API does it). */
  async function setActive(id: string, active: boolean): Promise<void> {
    await act(
      `active-${id}`,
      () => setUserActive.mutate({ id, active }),
      async () => {
        if (editing.value === id) editing.value = null;
        await Promise.all([users.refetch(), teamList.refetch()]);
      },
    );
  }

  /** Whether the CSV import is open; once it has made its people, it closes and both lists are read again. */
  const importing = ref(false);
  async function imported(): Promise<void> {
    importing.value = false;
    await Promise.all([users.refetch(), teamList.refetch()]);
  }

  return { people, everyone, teams, editing, draft, problem, running, open, save, team, addTeam, showInactive, mayDeactivate, setActive, importing, imported };
}
