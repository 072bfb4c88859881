import { useQuery } from '@vue/apollo-composable';
import { computed, watch } from 'vue';
import { MeDocument } from '../../../gql/graphql';
import { sessionToken } from '../../../shared/session/token';

/** The signed-in person (null while loading or for a token that is not a person's); read again when the session changes. */
export function useCurrentUser() {
  const { result, refetch } = useQuery(MeDocument);
  // A component mounted before sign-in (the header) would otherwise keep the answer it got then.
  watch(sessionToken, (token) => {
    if (token) void refetch();
  });
  return { user: computed(() => (sessionToken.value ? (result.value?.me ?? null) : null)) };
}
