import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print } from 'graphql';
import { type Client, createClient, type SubscribePayload } from 'graphql-ws';
import WebSocket from 'ws';
import { fromSocketError, ParleyError } from './errors.js';
import { backoffDelay, type RetryPolicy, sleep } from './retry.js';

export interface SocketSettings {
  url: string;
  token: () => Promise<string | null>;
  webSocketImpl?: unknown;
  reconnect: RetryPolicy;
  /** Between pings; 0 sends none. */
  keepAliveMs: number;
  /** A ping unanswered this long means the connection is dead, though no close came. */
  pongTimeoutMs: number;
  onConnected?: (reconnected: boolean) => void;
  onClosed?: (code: number, reason: string) => void;
}

/** What a subscription does with what the socket brings. */
export interface Follower<TResult> {
  next(data: TResult): void;
  fail(err: Error): void;
  end(): void;
  /**
   * Called just before the subscription is sent again on a new connection, to rewrite its
   * variables (see `Socket.subscribe`).
   */
  resubscribing?(): void;
}

interface Live {
  /** Whether a connection has already carried this subscription: the next one re-sends it. */
  sent: boolean;
  resubscribing?: () => void;
}

/**
 * graphql-ws with Parley's conventions: the token in `connectionParams`, a reconnection after every
 * drop for as long as the client is open (fatal closes such as 4401, a revoked key or session, stay
 * fatal), and pings that tell a dead connection from a quiet one.
 */
export class Socket {
  private readonly client: Client;
  private readonly live = new Set<Live>();
  private connected = false;
  private connections = 0;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(settings: SocketSettings) {
    this.client = createClient({
      url: settings.url,
      webSocketImpl: settings.webSocketImpl ?? WebSocket,
      lazy: true,
      // A stream stopped and another started right after share one connection.
      lazyCloseTimeout: 1_000,
      connectionParams: async () => {
        const token = await settings.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: settings.reconnect.attempts,
      // graphql-ws retries only close events by default; a refused connection (the server
      // restarting) arrives as an error event and deserves the same patience. Close codes that
      // graphql-ws holds fatal are thrown before this is asked.
      shouldRetry: () => true,
      retryWait: (retries) => sleep(backoffDelay(settings.reconnect, retries + 1)),
      keepAlive: settings.keepAliveMs,
      on: {
        connected: () => {
          this.connected = true;
          this.connections++;
          this.beforeSubscribing();
          settings.onConnected?.(this.connections > 1);
        },
        closed: (event) => {
          this.connected = false;
          clearTimeout(this.pongTimer);
          const { code, reason } = (event ?? {}) as { code?: number; reason?: string };
          settings.onClosed?.(code ?? 0, reason ?? '');
        },
        ping: (received) => {
          if (received) return;
          clearTimeout(this.pongTimer);
          // terminate() reports a close at once and reconnects; closing a dead socket politely
          // would wait for a handshake that never comes.
          this.pongTimer = setTimeout(() => this.client.terminate(), settings.pongTimeoutMs);
        },
        pong: (received) => {
          if (received) clearTimeout(this.pongTimer);
        },
      },
    });
  }

  /**
   * Subscribes `document` with `variables`, and re-sends it after every drop until stopped.
   *
   * How a resumed subscription asks for what it has not got: graphql-ws (6.4.2, `subscribe` in
   * dist/client.js) keeps the payload object it was given and serialises it again each time it
   * re-sends the subscription on a new connection. So `variables` is held here by reference and
   * the caller keeps it saying where to resume (the last sequence or cursor delivered) as items
   * arrive: every re-subscription asks for what follows the last delivered item, never for what
   * the first subscription asked. Rejected: re-subscribing ourselves on `connected` (a second
   * subscribe loop racing graphql-ws's own, and an id to juggle), and `retryAttempts: 0` with our own
   * reconnection (it would rebuild what graphql-ws already does well: backoff, lazy close, locks).
   *
   * `follower.resubscribing` runs in graphql-ws's `connected` event, which is emitted before the
   * waiting subscriptions are sent on the new connection: the last moment to rewrite variables that
   * no delivery has set (a feed asked to start "now" that has delivered nothing yet).
   */
  subscribe<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, follower: Follower<TResult>): () => void {
    const payload: SubscribePayload = {
      query: print(document),
      operationName: getOperationAST(document)?.name?.value ?? null,
      variables: variables as Record<string, unknown>,
    };
    // A subscription made while a connection is up goes out on it: the next connection re-sends it.
    const live: Live = { sent: this.connected, resubscribing: follower.resubscribing?.bind(follower) };
    this.live.add(live);
    const dispose = this.client.subscribe<TResult>(payload, {
      next: (result) => {
        if (result.errors?.length) follower.fail(new ParleyError(result.errors));
        else if (result.data) follower.next(result.data as TResult);
      },
      error: (err) => {
        this.live.delete(live);
        follower.fail(fromSocketError(err));
      },
      complete: () => {
        this.live.delete(live);
        follower.end();
      },
    });
    return () => {
      this.live.delete(live);
      dispose();
    };
  }

  private beforeSubscribing(): void {
    for (const live of this.live) {
      if (live.sent) live.resubscribing?.();
      live.sent = true;
    }
  }

  /** Closes the socket; subscriptions complete and no reconnection follows. */
  async close(): Promise<void> {
    clearTimeout(this.pongTimer);
    // dispose() awaits the connection under way, which graphql-ws rejects ("All Subscriptions
    // Gone", or the refusal of a server that is down) once nothing waits for it: closed all the same.
    await Promise.resolve(this.client.dispose()).catch(() => undefined);
  }
}
