import { useApolloClient, useSubscription } from '@vue/apollo-composable';
import type { Ref } from 'vue';
import { DirectoryChangedDocument, type DirectoryPart } from '../../gql/graphql';
import { useOnReconnect } from '../apollo/reconnect';
import { announceDirectoryChange } from './directoryEvents';
import { EVERY_PART, fieldsFor } from './directoryFields';

/**
 * Keeps every list the screens show (pause reasons, trays and their access, tags, skills, teams,
 * people, campaigns, canned responses) live: when the server says one changed, the queries on screen
 * that read it ask again, and after a reconnect all of them do, since changes may have been missed.
 * The fields are evicted on a throwaway layer only to find the queries that read them: what is on
 * screen stays until the new answer replaces it. Lists not on screen are read again when they next
 * mount (they ask the network then: `cache-and-network`).
 */
export function useLiveDirectories(signedIn: Readonly<Ref<boolean>>): void {
  const { resolveClient } = useApolloClient();

  function readAgain(parts: readonly DirectoryPart[]): void {
    const fields = fieldsFor(parts);
    void resolveClient()
      .refetchQueries({
        optimistic: true,
        updateCache: (cache) => fields.forEach((fieldName) => cache.evict({ id: 'ROOT_QUERY', fieldName })),
      })
      .catch(() => undefined);
  }

  const changes = useSubscription(DirectoryChangedDocument, null, () => ({ enabled: signedIn.value, fetchPolicy: 'no-cache' }));
  changes.onResult(({ data }) => {
    if (!data) return;
    readAgain(data.directoryChanged.parts);
    announceDirectoryChange(data.directoryChanged.parts);
  });
  // Not announced: screens that hold a snapshot read it again on reconnect themselves.
  useOnReconnect(() => {
    if (signedIn.value) readAgain(EVERY_PART);
  });
}
