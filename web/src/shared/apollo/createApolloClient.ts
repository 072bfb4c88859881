import { ApolloClient, ApolloError, ApolloLink, HttpLink, InMemoryCache, split, type NormalizedCacheObject } from '@apollo/client/core';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { ErrorCode, graphQLErrorsOf, hasErrorCode } from './errors';
import type { OnReconnect, ReconnectListener } from './reconnect';

/** graphql-ws close code for a socket whose token the server rejected. */
const UNAUTHORIZED_CLOSE = 4401;
const PING_EVERY_MS = 10_000;
// Generous: a busy server answers late, and a needless reconnect costs more than a late one.
const PONG_WAIT_MS = 8_000;
const MAX_RETRY_WAIT_MS = 5_000;

export interface ApolloSetup {
  /** The bearer to send, read at every request and every socket connection. */
  getToken: () => string | null;
  /** The server rejected the token this client sent (never called for a failed sign-in); the cached data is forgotten after it. */
  onUnauthenticated: () => void;
}

export interface ApolloHandle {
  client: ApolloClient<NormalizedCacheObject>;
  onReconnect: OnReconnect;
}

/** Same-origin endpoint: the API serves the built app, and Vite proxies it in dev. */
const HTTP_URL = '/graphql';

function socketUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/graphql`;
}

const bearer = (token: string) => `Bearer ${token}`;

function isCloseEvent(event: unknown): event is { code: number } {
  return typeof event === 'object' && event !== null && 'code' in event;
}

/** An Apollo client that speaks HTTP for queries and mutations and graphql-ws for subscriptions. */
export function createApolloClient({ getToken, onUnauthenticated }: ApolloSetup): ApolloHandle {
  const reconnectListeners = new Set<ReconnectListener>();

  // Remember which token each socket authenticated with: a 4401 for a token already replaced
  // (signed out, then in again) must not sign the new session out.
  let socketToken: string | null = null;
  // A socket can die without a close (a laptop's Wi-Fi drops, a proxy forgets it): a ping that
  // gets no pong in time ends it, and the client reconnects and every subscription catches up.
  let socketOpen = false;
  let pongOverdue: number | undefined;
  const socket = createClient({
    url: socketUrl(),
    connectionParams: () => {
      socketToken = getToken();
      return socketToken ? { authorization: bearer(socketToken) } : {};
    },
    // A contact center stays open all day: keep reconnecting through restarts and outages, never
    // waiting long between tries.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => window.setTimeout(resolve, Math.min(1000 * 2 ** retries, MAX_RETRY_WAIT_MS) + Math.random() * 500)),
    keepAlive: PING_EVERY_MS,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        socketOpen = true;
        if (wasRetry) reconnectListeners.forEach((listener) => listener());
      },
      ping: (received) => {
        if (received) return;
        window.clearTimeout(pongOverdue);
        // terminate(), not close(): a close handshake cannot finish over a dead link.
        pongOverdue = window.setTimeout(() => socket.terminate(), PONG_WAIT_MS);
      },
      pong: (received) => {
        if (received) window.clearTimeout(pongOverdue);
      },
      closed: (event) => {
        socketOpen = false;
        window.clearTimeout(pongOverdue);
        if (isCloseEvent(event) && event.code === UNAUTHORIZED_CLOSE && socketToken && socketToken === getToken()) {
          sessionRejected();
        }
      },
    },
  });

  // Back online, reconnect now rather than when the next ping goes unanswered.
  window.addEventListener('online', () => {
    if (socketOpen) socket.terminate();
  });

  const auth = new ApolloLink((operation, forward) => {
    const token = getToken();
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      sentToken: token,
      headers: token ? { ...headers, authorization: bearer(token) } : headers,
    }));
    return forward(operation);
  });

  /**
   * The one answer to a rejected token, whether the socket closed with 4401 or a request was refused:
   * the caller forgets it, then the cached data goes. The cache only, not `clearStore`: that cancels
   * the queries in flight, rejecting promises nobody waits for any more; they were sent with the
   * rejected token, so they come back refused anyway.
   */
  function sessionRejected(): void {
    onUnauthenticated();
    void client.cache.reset();
  }

  // A refetch nobody awaits (`void query.refetch()` when a chat changes) can be in flight when the
  // session ends; its 401 comes back as a rejection of a promise nobody holds. The refusal already
  // had its one answer above, and the query's own `error` shows it, so the stray rejection is not
  // reported again as an unhandled error.
  window.addEventListener('unhandledrejection', (event) => {
    if (event.reason instanceof ApolloError && hasErrorCode(event.reason, ErrorCode.UNAUTHENTICATED)) event.preventDefault();
  });

  const unauthenticated = onError(({ operation, graphQLErrors, networkError }) => {
    const errors = graphQLErrors ?? graphQLErrorsOf(networkError);
    if (!errors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED)) return;
    // A wrong password is UNAUTHENTICATED too; only a rejected token that is still ours ends the session.
    const sent = (operation.getContext() as { sentToken?: string | null }).sentToken;
    if (sent && sent === getToken()) sessionRejected();
  });

  const transport = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(socket),
    new HttpLink({ uri: HTTP_URL }),
  );

  const client = new ApolloClient({
    // `auth` runs for subscriptions too, so the error link knows which token any operation carried.
    link: ApolloLink.from([unauthenticated, auth, transport]),
    cache: new InMemoryCache(),
  });

  return {
    client,
    onReconnect: (listener) => {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}
