import type { IncomingMessage } from 'node:http';
import { execute, type ExecutionResult, GraphQLError, type GraphQLSchema, parse, specifiedRules, validate, type DocumentNode, getOperationAST, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { resolveViewer, resolveViewersByHash } from '../modules/auth/auth.service.js';
import { Refresh, refreshOf } from '../modules/auth/socket-caller.rules.js';
import { credentialOf, hashToken } from '../modules/auth/tokens.js';
import type { Viewer } from '../modules/auth/viewer.js';
import type { Presence } from '../modules/agents/presence.js';
import { Role } from '../modules/users/user.enums.js';
import { ErrorCode, type FormattedErrorLike, maskError } from '../shared/errors.js';
import { createContext } from '../modules/auth/request-context.js';
import { sharedSubscribe } from './shared-subscribe.js';
import { SocketFrames } from './socket-frames.js';
import type { Deps } from '../shared/deps.js';
import type { Em } from '../db/sql.js';
import { IntrospectionCache } from './introspection-cache.js';
import { documentTooLarge, tooManyOperations, validationRules } from './limits.js';
import { inputRefusal } from './input-text.js';
import { readOnlyRefusal } from './read-only-keys.js';
import type { Metrics } from './metrics.js';

/** Close codes Parley uses beyond graphql-ws's own. */
export enum ParleyCloseCode {
  /** The session was signed out, forced out, or its password changed, its person deactivated, or the API key revoked: sign in again. */
  SessionRevoked = 4401,
  /**
   * What the caller may do or reach changed (its role, its security group or that group's
   * campaigns, a key's creator's group): reconnect, and be resolved afresh. graphql-ws clients retry
   * on it (it is their Forbidden), and the web app signs out on 4401 only.
   */
  AccessChanged = 4403,
  /** The server is shutting down; reconnect to another process. */
  GoingAway = 1001,
}

type SocketExtra = {
  socket: WebSocket;
  request: IncomingMessage;
};

/** A socket's caller as it is now: every operation on the socket reads it when it needs it. */
interface SocketCaller {
  socket: WebSocket;
  /** The hash of the token it connected with, by which it is resolved again; null without a token. */
  tokenHash: string | null;
  viewer: Viewer;
}

/**
 * This process's signed-in and API key sockets, whose callers are resolved again whenever something
 * a caller is made of may have changed, on any process: the viewer cache's `onChange` (a NOTIFY at
 * a commit, the bus's revocations). One statement for them all, never one per socket; one run at a
 * time, and another right after when a change arrived while it ran, since the run may have read
 * before that change's commit.
 */
class OpenSockets {
  private readonly callers = new Set<SocketCaller>();
  private changes = 0;
  private pending = false;
  private running = false;
  private retry: NodeJS.Timeout | null = null;
  private retryMs = 1000;

  constructor(private readonly deps: Deps) {}

  /** Read before resolving a connecting socket's caller, and given to `add`. */
  mark(): number {
    return this.changes;
  }

  /** Follows a socket's caller from now on; returns the way to stop. */
  add(caller: SocketCaller, mark: number): () => void {
    this.callers.add(caller);
    // A change heard while this caller was being read may have committed after the read began.
    if (mark !== this.changes) this.changed();
    return () => this.callers.delete(caller);
  }

  /** Something a caller is made of may have changed. */
  changed(): void {
    this.changes++;
    this.pending = true;
    void this.run();
  }

  close(): void {
    if (this.retry) clearTimeout(this.retry);
    this.callers.clear();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending) {
        this.pending = false;
        await this.refresh();
      }
      // An inbox lists again for a caller that was replaced (its tray access changed).
      this.deps.inbox.recheck();
      this.retryMs = 1000;
    } catch (err) {
      // The database away: what changed is still to be applied. Try again, less often while it
      // stays away (the LISTEN connection's return reports a change too).
      this.deps.log.warn({ err, retryMs: this.retryMs }, 'resolving open sockets again failed');
      this.pending = true;
      this.retry ??= setTimeout(() => {
        this.retry = null;
        void this.run();
      }, this.retryMs).unref();
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    } finally {
      this.running = false;
    }
  }

  private async refresh(): Promise<void> {
    const callers = [...this.callers];
    if (callers.length === 0) return;
    const sessions = new Set<string>();
    const keys = new Set<string>();
    for (const { viewer, tokenHash } of callers) (viewer.kind === 'USER' ? sessions : keys).add(tokenHash!);
    const now = await resolveViewersByHash(this.deps.orm.em.fork(), { sessions: [...sessions], keys: [...keys] });
    for (const caller of callers) {
      if (!this.callers.has(caller)) continue;
      const viewer = now.get(caller.tokenHash!) ?? null;
      switch (refreshOf(caller.viewer, viewer)) {
        case Refresh.REPLACE:
          // Replaced whole: contexts derive their onlooker again when the object changes.
          caller.viewer = viewer!;
          break;
        case Refresh.RECONNECT:
          this.callers.delete(caller);
          caller.socket.close(ParleyCloseCode.AccessChanged, 'Your access changed');
          break;
        case Refresh.REVOKE:
          this.callers.delete(caller);
          caller.socket.close(ParleyCloseCode.SessionRevoked, caller.viewer.kind === 'API_KEY' ? 'API key revoked' : 'Session revoked');
          break;
      }
    }
  }
}

/** A WebSocket close reason holds at most 123 bytes. */
function closeReason(message: string): string {
  const bytes = Buffer.from(message);
  return bytes.length <= 123
    ? message
    : bytes
        .subarray(0, 120)
        .toString()
        .replace(/\uFFFD$/, '') + '...';
}

/**
 * graphql-js's parse and validation errors carry no code; Apollo gives them one over HTTP (the
 * limits' refusals included). Without it here the masking took a misspelt field for a crash and
 * answered "Internal server error".
 */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/**
 * Parsed and validated documents by their text, as Apollo keeps them for HTTP: a client sends the
 * same few documents again and again, and a flood of one document was a flood of validations.
 */
class CheckedDocuments {
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: ValidationRule[],
    private readonly maxTokens: number,
    private readonly size = 500,
  ) {}

  /** The document, or the errors that refuse it. */
  check(query: string): DocumentNode | readonly GraphQLError[] {
    const known = this.documents.get(query);
    if (known) return known;
    let result: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(query, { maxTokens: this.maxTokens });
      const errors = validate(this.schema, document, this.rules);
      result = errors.length ? errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED')) : document;
    } catch (err) {
      result = [withCode(err instanceof GraphQLError ? err : new GraphQLError('Could not parse the document'), 'GRAPHQL_PARSE_FAILED')];
    }
    this.documents.set(query, result);
    if (this.documents.size > this.size) this.documents.delete(this.documents.keys().next().value!);
    return result;
  }
}

/** graphql-ws on the HTTP server's /graphql path, with the same auth, limits and masking as HTTP. */
export async function attachWebSocket(
  wss: WebSocketServer,
  schema: GraphQLSchema,
  deps: Deps,
  metrics: Metrics,
  presence: Presence,
  /** Who is calling, for the rate limit: the same reading as HTTP's (a trusted proxy's forwarded address). */
  clientAddress: (req: IncomingMessage) => string,
) {
  const callers = new WeakMap<WebSocket, SocketCaller>();
  const open = new OpenSockets(deps);
  const stopFollowing = deps.viewers.onChange(() => open.changed());
  const rules = [...specifiedRules, ...validationRules(deps.config)];
  const introspection = new IntrospectionCache();
  const introspectionKeys = new WeakMap<object, string>();
  const documents = new CheckedDocuments(schema, rules, deps.config.MAX_TOKENS);
  const mask = (e: FormattedErrorLike, original: unknown) => maskError(e, original, (err) => deps.log.error({ err }, 'unexpected error in a subscription'));
  const masked = (result: ExecutionResult) => (result.errors?.length ? { ...result, errors: result.errors.map((e) => mask(e.toJSON(), e.originalError ?? e)) } : result);
  // Where each subscription's results are written when its stream pushes them (see shared-subscribe.ts).
  const frames = new WeakMap<object, SocketFrames>();
  // A socket past this many bytes unsent makes its subscriptions wait and catch up afterwards, as
  // graphql-ws's own await on each send did: SUBSCRIBER_BUFFER events of a few kilobytes.
  const maxBuffered = deps.config.SUBSCRIBER_BUFFER * 4096;

  const cleanup = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      subscribe: sharedSubscribe({ targetOf: (args) => frames.get(args), serialize: (result) => JSON.stringify(masked(result)) }),
      execute: (args) => {
        const key = introspectionKeys.get(args);
        if (!key) return execute(args);
        const cached = introspection.get(key);
        if (cached) return cached as ExecutionResult; // data only, never errors
        const result = execute(args);
        if (!(result instanceof Promise)) introspection.set(key, result);
        return result;
      },
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        const mark = open.mark();
        let token: string | null;
        let viewer: Viewer;
        try {
          // The same reading as over HTTP, whatever the case of the parameter's name (GraphiQL sends "Authorization").
          token = credentialOf(ctx.connectionParams ?? {});
          viewer = await resolveViewer(deps.orm.em.fork(), token);
        } catch (err) {
          // A token that ended while the page was reconnecting gets the same 4401 as one ended while
          // connected, so the page signs out; any other failure (the database away) is retried.
          if ((err as GraphQLError).extensions?.code !== ErrorCode.UNAUTHENTICATED) throw err;
          socket.close(ParleyCloseCode.SessionRevoked, closeReason((err as GraphQLError).message));
          return false;
        }
        // Gone while its caller was read: its 'close' has passed, and nothing must be kept for it.
        if (socket.readyState !== socket.OPEN) return false;
        const caller: SocketCaller = { socket, tokenHash: token && hashToken(token), viewer };
        callers.set(socket, caller);
        metrics.sockets.inc();
        if (viewer.kind === 'USER' || viewer.kind === 'API_KEY') socket.once('close', open.add(caller, mark));
        // An agent is present while any of its sockets is open: that is what makes it routable.
        if (viewer.kind === 'USER' && viewer.role === Role.AGENT) {
          const connection = presence.connect(viewer.userId);
          socket.once('close', () => void connection.then((id) => presence.disconnect(id)).catch((err) => deps.log.warn({ err }, 'presence')));
        }
        return true;
      },
      onClose: (ctx) => {
        if (callers.has(ctx.extra.socket)) metrics.sockets.dec();
      },
      onSubscribe: async (ctx, id, payload) => {
        // Before any await: a burst of operations arrives in one go, and each must see the others.
        const crowded = tooManyOperations(Object.keys(ctx.subscriptions).length, deps.config);
        if (crowded) return [crowded];
        const tooLarge = documentTooLarge(payload.query, deps.config);
        if (tooLarge) return [tooLarge];
        const caller = callers.get(ctx.extra.socket);
        const viewer = caller?.viewer ?? { kind: 'ANONYMOUS' as const };
        const address = clientAddress(ctx.extra.request);
        try {
          await deps.limits.spend(viewer, address, { query: payload.query, operationName: payload.operationName });
        } catch (err) {
          return [err as GraphQLError];
        }
        const checked = documents.check(payload.query);
        if (!('kind' in checked)) return checked;
        const document = checked;
        const operation = getOperationAST(document, payload.operationName);
        const refused = inputRefusal(schema, document, operation, payload.variables, deps.config) ?? readOnlyRefusal(viewer, operation);
        if (refused) return [refused];
        metrics.operations.inc({ transport: 'ws', type: operation?.operation ?? 'unknown', outcome: 'accepted' });
        const args = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          // The socket's caller as it is when each resolver asks, not as it was at subscribe time.
          contextValue: createContext(deps, caller ? () => caller.viewer : viewer, deps.orm.em.fork() as Em, address),
        };
        const introspectionKey = IntrospectionCache.keyOf(document, payload.query, payload.operationName, payload.variables);
        if (introspectionKey) introspectionKeys.set(args, introspectionKey);
        if (operation?.operation === 'subscription') frames.set(args, new SocketFrames(ctx.extra.socket, id, maxBuffered));
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length ? (masked(result) as never) : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => mask(e.toJSON(), e.originalError ?? e)) as never,
    },
    wss,
    // Pings keep idle connections open through proxies and reveal dead peers.
    12_000,
  );
  return {
    async dispose(): Promise<void> {
      stopFollowing();
      open.close();
      for (const client of wss.clients) client.close(ParleyCloseCode.GoingAway, 'Server shutting down');
      await cleanup.dispose();
    },
  };
}
