import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ClientClosedError, isTransient } from './errors.js';
import {
  CloseInteractionDocument,
  type FeedEventFieldsFragment,
  HandOffDocument,
  type HandOffInput,
  InteractionChangedDocument,
  type InteractionChangedFilter,
  type InteractionChangedSubscription,
  InteractionDocument,
  InteractionEventsDocument,
  type InteractionEventsSubscriptionVariables,
  type InteractionFeedFilter,
  type InteractionFieldsFragment,
  type InteractionFilterInput,
  type InteractionOrder,
  type InteractionResult,
  InteractionsDocument,
  MessageAddedDocument,
  type MessageAddedSubscriptionVariables,
  type MessageFieldsFragment,
  MessageHistoryDocument,
  PostMessageDocument,
  type PostMessageInput,
  StartInteractionDocument,
  type StartInteractionInput,
  type StartInteractionMutation,
  TraysDocument,
  type TraysQuery,
} from './gql/graphql.js';
import { type HttpTransport, post } from './http.js';
import { CursorPosition, SequencePosition } from './resume.js';
import { DEFAULT_RECONNECT, DEFAULT_SEND_RETRY, type RetryPolicy, withRetries } from './retry.js';
import { type Follower, Socket } from './socket.js';
import { Outlet, type Stream, type StreamOptions } from './stream.js';

export type Message = MessageFieldsFragment;
export type Interaction = InteractionFieldsFragment;
export type FeedEvent = FeedEventFieldsFragment;
export type InteractionChange = InteractionChangedSubscription['interactionChanged'];
export type StartedInteraction = StartInteractionMutation['startInteraction'];
export type Tray = TraysQuery['trays'][number];

/** A token, or a function giving the current one (read before every request and every connection). */
export type TokenSource = string | null | (() => string | null | undefined | Promise<string | null | undefined>);

export interface ParleyClientOptions {
  /** Parley's address, e.g. `https://parley.example.com`; HTTP and the WebSocket both use its `/graphql`. */
  url: string;
  /** An API key, a person's session token or a customer's visitor token, sent as `Bearer`; none: anonymous (the widget's start). */
  token?: TokenSource;
  /** Each HTTP attempt's time limit; past it the answer counts as lost. Default 30 s. */
  timeoutMs?: number;
  /** How `postMessage` retries a send whose answer was lost. */
  retry?: Partial<RetryPolicy>;
  /** How the socket comes back after a drop (attempts default to unlimited). */
  reconnect?: Partial<RetryPolicy>;
  /** Pings on the socket this often to find a dead connection; 0 sends none. Default 15 s. */
  keepAliveMs?: number;
  /** A ping unanswered this long closes the connection and reconnects. Default 5 s. */
  pongTimeoutMs?: number;
  /** Another fetch (a proxy's, a test's). Default: the global one. */
  fetch?: typeof fetch;
  /** Another WebSocket class. Default: the `ws` package's. */
  webSocketImpl?: unknown;
  /** The socket's life, for logs and for what has no cursor to resume from (`interactionChanges`). */
  on?: {
    connected?: (info: { reconnected: boolean }) => void;
    closed?: (info: { code: number; reason: string }) => void;
  };
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Try again after a transient failure: only for what is safe to repeat (a query, an idempotent mutation). */
  retry?: boolean | Partial<RetryPolicy>;
}

/** Variables are optional only for operations whose variables all are. */
type VariablesArgs<V> = Record<string, never> extends V ? [variables?: V, options?: RequestOptions] : [variables: V, options?: RequestOptions];

export type PostMessageOptions = Omit<RequestOptions, 'retry'> & {
  /** Retries after a lost answer; false sends once. */
  retry?: false | Partial<RetryPolicy>;
};

export interface MessagesOptions extends StreamOptions<Message> {
  /** Deliver the messages after this sequence (0: all of them). Absent: from now. */
  afterSequence?: number;
}

export interface EventsOptions extends StreamOptions<FeedEvent> {
  /** Resume after this cursor (an event's `cursor`). */
  after?: string;
  /** Start at this moment (within the server's retention). Neither: from now. */
  since?: string | Date;
  filter?: InteractionFeedFilter;
}

/**
 * Parley over GraphQL: any operation over HTTP, typed helpers for what integrators do, and
 * subscriptions over one WebSocket that resume where they left off after a drop.
 */
export class ParleyClient {
  private readonly http: HttpTransport;
  private readonly socket: Socket;
  private readonly sendRetry: RetryPolicy;
  private readonly streams = new Set<Outlet<unknown>>();
  private readonly closing = new AbortController();

  constructor(options: ParleyClientOptions) {
    const { http, ws } = endpoints(options.url);
    const token = tokenReader(options.token);
    this.http = { endpoint: http, token, fetch: options.fetch ?? globalThis.fetch, timeoutMs: options.timeoutMs ?? 30_000 };
    this.sendRetry = { ...DEFAULT_SEND_RETRY, ...options.retry };
    this.socket = new Socket({
      url: ws,
      token,
      webSocketImpl: options.webSocketImpl,
      reconnect: { ...DEFAULT_RECONNECT, ...options.reconnect },
      keepAliveMs: options.keepAliveMs ?? 15_000,
      pongTimeoutMs: options.pongTimeoutMs ?? 5_000,
      onConnected: (reconnected) => options.on?.connected?.({ reconnected }),
      onClosed: (code, reason) => options.on?.closed?.({ code, reason }),
    });
  }

  /** Any query or mutation over HTTP; a `ParleyError` when Parley answers with errors. */
  async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...[variables, options = {}]: VariablesArgs<TVariables>): Promise<TResult> {
    const signal = this.signalWith(options.signal);
    const once = () => post(this.http, document, variables, signal);
    if (!options.retry) return once();
    const policy = options.retry === true ? this.sendRetry : { ...this.sendRetry, ...options.retry };
    return withRetries(once, policy, isTransient, signal);
  }

  /** Starts a conversation: the widget (anonymous), a bot or a channel bridge. */
  async startInteraction(input: StartInteractionInput, options?: RequestOptions): Promise<StartedInteraction> {
    return (await this.request(StartInteractionDocument, { input }, options)).startInteraction;
  }

  /**
   * Posts a message, at most once however often it is sent: it carries a `clientMessageId` (a new
   * UUID unless given), and a send that got no answer (cut, time limit, a 5xx without a GraphQL
   * body) is sent again with the same one, with a growing wait. Parley keeps one message per author
   * and clientMessageId and answers a repeat with the stored message. An answer with errors is
   * thrown at once; give your own clientMessageId to send it again later as the same message.
   */
  async postMessage(input: Omit<PostMessageInput, 'clientMessageId'> & { clientMessageId?: string }, options: PostMessageOptions = {}): Promise<Message> {
    const variables = { input: { ...input, clientMessageId: input.clientMessageId ?? randomUUID() } };
    const retry = options.retry === false ? { attempts: 1 } : (options.retry ?? true);
    return (await this.request(PostMessageDocument, variables, { signal: options.signal, retry })).postMessage;
  }

  /** A bot hands the chat to a tray (or to skills) with the answers it collected. */
  async handOff(input: HandOffInput, options?: RequestOptions): Promise<Interaction> {
    return (await this.request(HandOffDocument, { input }, options)).handOff;
  }

  /** Closes a chat with its result (SUCCESS unless told otherwise). */
  async closeInteraction(id: string, result: InteractionResult = 'SUCCESS', options?: RequestOptions): Promise<Interaction> {
    return (await this.request(CloseInteractionDocument, { id, result }, options)).closeInteraction;
  }

  /** One interaction as it stands; NOT_FOUND when it is not the caller's to see. */
  async interaction(id: string, options?: RequestOptions): Promise<Interaction> {
    return (await this.request(InteractionDocument, { id }, options)).interaction;
  }

  /** One page of the interactions the caller may see, newest first unless told otherwise. */
  async interactions(
    query: { filter?: InteractionFilterInput; first?: number; after?: string; order?: InteractionOrder } = {},
    options?: RequestOptions,
  ): Promise<{ nodes: Interaction[]; endCursor: string | null; hasNextPage: boolean; totalCount: number }> {
    const { filter, first = 50, after, order = 'NEWEST_FIRST' } = query;
    const { interactions } = await this.request(InteractionsDocument, { filter, first, after, order }, options);
    return { nodes: interactions.edges.map((e) => e.node), ...interactions.pageInfo, totalCount: interactions.totalCount };
  }

  /** Stored messages after a sequence, in order: a page of what `messages` would replay. */
  async messageHistory(interactionId: string, query: { afterSequence?: number; first?: number } = {}, options?: RequestOptions): Promise<Message[]> {
    const { afterSequence = 0, first = 100 } = query;
    return (await this.request(MessageHistoryDocument, { interactionId, afterSequence, first }, options)).messages;
  }

  /** The trays the caller may open (a campaign's General tray among them). */
  async trays(options?: RequestOptions): Promise<Tray[]> {
    return (await this.request(TraysDocument, undefined, options)).trays;
  }

  /**
   * An interaction's messages, in sequence order, each once, across drops of the socket: after
   * `afterSequence`, or from now (the interaction's last sequence is read first, over HTTP, and the
   * stream starts after it: a drop before the first message then loses nothing either). A customer
   * or a key never sees internal notes, so sequences may skip. It ends when the interaction leaves
   * the caller's sight.
   */
  messages(interactionId: string, options: MessagesOptions = {}): Stream<Message> {
    return this.follow(options, async () => {
      const start = options.afterSequence ?? (await this.interaction(interactionId)).lastSequence;
      const variables: MessageAddedSubscriptionVariables = { interactionId, afterSequence: start };
      const position = new SequencePosition(start);
      return {
        document: MessageAddedDocument,
        variables,
        deliver: ({ messageAdded: message }, push) => {
          if (!position.accept(message.sequence)) return;
          variables.afterSequence = message.sequence;
          push(message);
        },
      };
    });
  }

  /**
   * The event feed (supervisors, SUPERVISE and ADMIN keys), in feed order, each event once, across
   * drops: after a cursor, from a moment, or from now. A drop before the first event resumes from
   * the moment the stream was asked for, by this machine's clock.
   */
  events(options: EventsOptions = {}): Stream<FeedEvent> {
    const askedAt = new Date().toISOString();
    return this.follow(options, async () => {
      const since = options.since instanceof Date ? options.since.toISOString() : options.since;
      const variables: InteractionEventsSubscriptionVariables = { filter: options.filter, after: options.after, since };
      const position = new CursorPosition(options.after ?? null);
      return {
        document: InteractionEventsDocument,
        variables,
        deliver: ({ interactionEvents: event }, push) => {
          if (!position.accept(event.cursor)) return;
          // Parley takes a cursor or a moment, never both.
          variables.after = event.cursor;
          variables.since = undefined;
          push(event);
        },
        resubscribing: () => {
          if (variables.after == null && variables.since == null) variables.since = askedAt;
        },
      };
    });
  }

  /**
   * Interactions the caller may see as they change. Live only: there is no cursor to resume from,
   * so after a drop (see `on.connected`) or a RESYNC change, read again what you hold.
   */
  interactionChanges(filter?: InteractionChangedFilter, options: StreamOptions<InteractionChange> = {}): Stream<InteractionChange> {
    return this.follow(options, async () => ({
      document: InteractionChangedDocument,
      variables: { filter },
      deliver: ({ interactionChanged }, push) => push(interactionChanged),
    }));
  }

  /** Any subscription, live, re-sent as it was after a drop: nothing is resumed or deduplicated. */
  subscribe<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, options: StreamOptions<TResult> = {}): Stream<TResult> {
    return this.follow(options, async () => ({ document, variables, deliver: (data, push) => push(data) }));
  }

  /** Stops every stream, closes the socket and ends requests under way. */
  async close(): Promise<void> {
    this.closing.abort(new ClientClosedError());
    for (const stream of [...this.streams]) stream.stop();
    await this.socket.close();
  }

  /**
   * A stream over a subscription that `plan` prepares (it may read over HTTP first): `deliver`
   * decides what reaches the consumer and keeps `variables` saying where to resume.
   */
  private follow<TItem, TResult, TVariables>(options: StreamOptions<TItem>, plan: () => Promise<Plan<TItem, TResult, TVariables>>): Stream<TItem> {
    let unsubscribe = () => {};
    const outlet: Outlet<TItem> = new Outlet(options, () => {
      this.streams.delete(outlet as Outlet<unknown>);
      unsubscribe();
    });
    if (this.closing.signal.aborted) {
      outlet.fail(new ClientClosedError());
      return outlet;
    }
    this.streams.add(outlet as Outlet<unknown>);
    plan().then(
      ({ document, variables, deliver, resubscribing }) => {
        if (!outlet.open) return;
        const push = (item: TItem) => outlet.push(item);
        const follower: Follower<TResult> = {
          next: (data) => deliver(data, push),
          fail: (err) => outlet.fail(err),
          end: () => outlet.end(),
          resubscribing,
        };
        unsubscribe = this.socket.subscribe(document, variables, follower);
      },
      (err: unknown) => outlet.fail(err instanceof Error ? err : new Error(String(err))),
    );
    return outlet;
  }

  private signalWith(signal: AbortSignal | undefined): AbortSignal {
    return signal ? AbortSignal.any([signal, this.closing.signal]) : this.closing.signal;
  }
}

interface Plan<TItem, TResult, TVariables> {
  document: TypedDocumentNode<TResult, TVariables>;
  /** Held by reference and re-sent on every reconnection (see Socket.subscribe). */
  variables: TVariables;
  deliver: (data: TResult, push: (item: TItem) => void) => void;
  resubscribing?: () => void;
}

/** The HTTP and WebSocket addresses of Parley's /graphql, from its base address (or from either of them). */
export function endpoints(url: string): { http: string; ws: string } {
  const u = new URL(url);
  if (!/\/graphql\/?$/.test(u.pathname)) u.pathname = `${u.pathname.replace(/\/$/, '')}/graphql`;
  const secure = u.protocol === 'https:' || u.protocol === 'wss:';
  u.protocol = secure ? 'https:' : 'http:';
  const http = u.toString();
  u.protocol = secure ? 'wss:' : 'ws:';
  return { http, ws: u.toString() };
}

function tokenReader(source: TokenSource | undefined): () => Promise<string | null> {
  if (typeof source === 'function') return async () => (await source()) ?? null;
  const fixed = source ?? null;
  return async () => fixed;
}
