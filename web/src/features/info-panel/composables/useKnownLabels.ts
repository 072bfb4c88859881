import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { KnownLabelsDocument } from '../../../gql/graphql';

/** Every tag and skill in use, offered before the agent creates a new one. */
export function useKnownLabels() {
  const { result } = useQuery(KnownLabelsDocument, null, { fetchPolicy: 'cache-and-network' });
  return {
    tags: computed(() => result.value?.tags ?? []),
    skills: computed(() => result.value?.skills ?? []),
  };
}
