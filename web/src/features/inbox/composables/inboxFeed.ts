import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { useApolloClient } from '@vue/apollo-composable';
import { onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { InboxUpdatesDocument } from '../../../gql/graphql';
import { applyFrame, EMPTY_FEED, type FeedPicture, type InboxFrame } from '../inboxRules';

export interface InboxFeed {
  /** The chats listed and the waiting counts per tray, as of the last frame. */
  picture: ShallowRef<FeedPicture>;
  /** True once the first frame (everything the inbox holds) has arrived. */
  ready: Ref<boolean>;
  error: Ref<unknown>;
  /** Runs `listener` with every frame as it arrives, after the picture took it; returns its removal. */
  onFrame(listener: (frame: InboxFrame, before: FeedPicture) => void): () => void;
  /** Subscribes again after the feed failed: the server starts with everything again. */
  retry(): void;
}

interface Shared {
  feed: InboxFeed;
  users: number;
  stop(): void;
}

let shared: Shared | null = null;

/**
 * The person's inbox feed, one subscription for the whole app: the inbox lists it and the chat
 * notices ring from it, whichever screen is open. The server sends everything first and again
 * whenever it lost track (the socket came back, the person's access changed), so nothing here
 * refetches by hand.
 */
export function useInboxFeed(): InboxFeed {
  const { resolveClient } = useApolloClient();
  const mine = (shared ??= follow(resolveClient()));
  mine.users++;
  onScopeDispose(() => {
    if (--mine.users > 0) return;
    mine.stop();
    if (shared === mine) shared = null;
  });
  return mine.feed;
}

function follow(client: ApolloClient<NormalizedCacheObject>): Shared {
  const picture = shallowRef<FeedPicture>(EMPTY_FEED);
  const ready = ref(false);
  const error = ref<unknown>(null);
  const listeners = new Set<(frame: InboxFrame, before: FeedPicture) => void>();
  const subscribe = () =>
    client.subscribe({ query: InboxUpdatesDocument, fetchPolicy: 'no-cache' }).subscribe({
      next: ({ data, errors }) => {
        if (errors?.length) error.value = errors[0];
        if (!data) return;
        const before = picture.value;
        picture.value = applyFrame(before, data.inboxUpdates);
        ready.value = true;
        error.value = null;
        for (const listener of listeners) listener(data.inboxUpdates, before);
      },
      error: (e: unknown) => {
        error.value = e;
        ready.value = true;
      },
    });
  let subscription = subscribe();
  return {
    feed: {
      picture,
      ready,
      error,
      onFrame(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      retry() {
        subscription.unsubscribe();
        subscription = subscribe();
      },
    },
    users: 0,
    stop: () => subscription.unsubscribe(),
  };
}
