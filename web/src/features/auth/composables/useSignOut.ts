import { useApolloClient, useMutation } from '@vue/apollo-composable';
import { SignOutDocument } from '../../../gql/graphql';
import { setSessionToken } from '../../../shared/session/token';

/** Ends the session on the server, then forgets it here whatever the server said. */
export function useSignOut() {
  const { resolveClient } = useApolloClient();
  const { mutate, loading } = useMutation(SignOutDocument, { throws: 'never' });

  async function signOut(): Promise<void> {
    // With throws: 'never' a failure resolves: an unreachable server must not keep anyone
    // signed in on this machine.
    await mutate();
    setSessionToken(null);
    await resolveClient().clearStore();
  }

  return { signOut, loading };
}
