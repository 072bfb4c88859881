import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { AdminCampaignsDocument, AdminTeamsDocument, AdminUsersDocument } from '../../../gql/graphql';

/** Campaigns, people and teams as select options, shared by the sections that pick them. */
export function useDirectory() {
  const campaignList = useQuery(AdminCampaignsDocument, null, { fetchPolicy: 'cache-and-network' });
  const userList = useQuery(AdminUsersDocument, null, { fetchPolicy: 'cache-and-network' });
  const teamList = useQuery(AdminTeamsDocument, null, { fetchPolicy: 'cache-and-network' });
  const campaigns = computed(() => (campaignList.result.value?.campaigns ?? []).map((c) => ({ label: c.name, value: c.id })));
  const agents = computed(() => (userList.result.value?.users ?? []).filter((u) => u.active && u.role !== 'ADMIN').map((u) => ({ label: u.name, value: u.id })));
  const teams = computed(() => (teamList.result.value?.teams ?? []).map((t) => ({ label: t.name, value: t.id })));
  const campaignName = (id: string | null | undefined) => (id ? (campaigns.value.find((c) => c.value === id)?.label ?? id) : '—');
  return { campaigns, agents, teams, campaignName, refetchPeople: () => Promise.all([userList.refetch(), teamList.refetch()]) };
}
