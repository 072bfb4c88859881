import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { MeDocument } from '../../../gql/graphql';

/** The signed-in person (null while loading or for a token that is not a person's). */
export function useCurrentUser() {
  const { result } = useQuery(MeDocument);
  return { user: computed(() => result.value?.me ?? null) };
}
