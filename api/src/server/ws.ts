import type { IncomingMessage } from 'node:http';
import { execute, type ExecutionResult, GraphQLError, type GraphQLSchema, parse, specifiedRules, validate, type DocumentNode, getOperationAST, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { resolveViewer } from '../modules/auth/auth.service.js';
import { bearer } from '../modules/auth/tokens.js';
import type { Viewer } from '../modules/auth/viewer.js';
import type { Presence } from '../modules/agents/presence.js';
import { customTraysOf } from '../modules/trays/tray.service.js';
import { Role } from '../modules/users/user.enums.js';
import { ErrorCode, type FormattedErrorLike, maskError } from '../shared/errors.js';
import { Topic } from '../shared/topics.js';
import { createContext } from './context.js';
import { rateSubject } from '../modules/limits/rate-limits.js';
import { sharedSubscribe } from './shared-subscribe.js';
import type { Deps } from './deps.js';
import { IntrospectionCache } from './introspection-cache.js';
import { documentTooLarge, tooManyOperations, validationRules } from './limits.js';
import { inputRefusal } from './input-text.js';
import { readOnlyRefusal } from './read-only-keys.js';
import type { Metrics } from './metrics.js';

/** Close codes Parley uses beyond graphql-ws's own. */
export enum ParleyCloseCode {
  /** The session was signed out, forced out, or its password changed, or the API key revoked: sign in again. */
  SessionRevoked = 4401,
  /** The server is shutting down; reconnect to another process. */
  GoingAway = 1001,
}

type SocketExtra = {
  socket: WebSocket;
  request: IncomingMessage;
};

/** Open sockets by user and by API key, so a revocation published by any process closes them here. */
class SocketRegistry {
  private readonly byUser = new Map<string, Set<{ socket: WebSocket; sessionId: string; viewer: Extract<Viewer, { kind: 'USER' }> }>>();

  add(viewer: Extract<Viewer, { kind: 'USER' }>, socket: WebSocket): () => void {
    const { userId, sessionId } = viewer;
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    const entry = { socket, sessionId, viewer };
    set.add(entry);
    return () => {
      set!.delete(entry);
      if (set!.size === 0) this.byUser.delete(userId);
    };
  }

  users(): string[] {
    return [...this.byUser.keys()];
  }

  /** Replaces the custom trays of a person's live viewers; their subscriptions see it at the next event. */
  updateAccess(userId: string, customTrayIds: string[]): void {
    for (const entry of this.byUser.get(userId) ?? []) entry.viewer.customTrayIds = customTrayIds;
  }

  private readonly byKey = new Map<string, Set<WebSocket>>();

  addKey(keyId: string, socket: WebSocket): () => void {
    let set = this.byKey.get(keyId);
    if (!set) this.byKey.set(keyId, (set = new Set()));
    set.add(socket);
    return () => {
      set!.delete(socket);
      if (set!.size === 0) this.byKey.delete(keyId);
    };
  }

  revokeKey(keyId: string): void {
    for (const socket of this.byKey.get(keyId) ?? []) socket.close(ParleyCloseCode.SessionRevoked, 'API key revoked');
  }

  revoke(userId: string, sessionId: string | null): void {
    for (const entry of this.byUser.get(userId) ?? []) {
      if (sessionId === null || entry.sessionId === sessionId) entry.socket.close(ParleyCloseCode.SessionRevoked, 'Session revoked');
    }
  }
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
export async function attachWebSocket(wss: WebSocketServer, schema: GraphQLSchema, deps: Deps, metrics: Metrics, presence: Presence) {
  const viewers = new WeakMap<WebSocket, Viewer>();
  const registry = new SocketRegistry();
  const rules = [...specifiedRules, ...validationRules(deps.config)];
  const unsubscribeControl = await deps.topics.subscribe(Topic.CONTROL, undefined, (event) => {
    if (event.type === 'SESSIONS_REVOKED') registry.revoke(event.userId, event.sessionId);
    if (event.type === 'KEY_REVOKED') registry.revokeKey(event.keyId);
    if (event.type === 'ACCESS_CHANGED') {
      void customTraysOf(deps.orm.em.fork(), registry.users())
        .then((access) => access.forEach((trays, userId) => registry.updateAccess(userId, trays)))
        .catch((err) => deps.log.error({ err }, 'reloading tray access'));
    }
  });
  const introspection = new IntrospectionCache();
  const introspectionKeys = new WeakMap<object, string>();
  const documents = new CheckedDocuments(schema, rules, deps.config.MAX_TOKENS);
  const mask = (e: FormattedErrorLike, original: unknown) => maskError(e, original, (err) => deps.log.error({ err }, 'unexpected error in a subscription'));

  const cleanup = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      subscribe: sharedSubscribe,
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
        const header = ctx.connectionParams?.authorization;
        let viewer: Viewer;
        try {
          viewer = await resolveViewer(deps.orm.em.fork(), bearer(typeof header === 'string' ? header : null));
        } catch (err) {
          // A token that ended while the page was reconnecting gets the same 4401 as one ended while
          // connected, so the page signs out; any other failure (the database away) is retried.
          if ((err as GraphQLError).extensions?.code !== ErrorCode.UNAUTHENTICATED) throw err;
          ctx.extra.socket.close(ParleyCloseCode.SessionRevoked, 'Unauthorized');
          return false;
        }
        viewers.set(ctx.extra.socket, viewer);
        metrics.sockets.inc();
        if (viewer.kind === 'API_KEY') ctx.extra.socket.once('close', registry.addKey(viewer.keyId, ctx.extra.socket));
        if (viewer.kind === 'USER') {
          const remove = registry.add(viewer, ctx.extra.socket);
          ctx.extra.socket.once('close', remove);
          // An agent is present while any of its sockets is open: that is what makes it routable.
          if (viewer.role === Role.AGENT) {
            const connection = presence.connect(viewer.userId);
            ctx.extra.socket.once('close', () => void connection.then((id) => presence.disconnect(id)).catch((err) => deps.log.warn({ err }, 'presence')));
          }
        }
        return true;
      },
      onClose: (ctx) => {
        if (viewers.has(ctx.extra.socket)) metrics.sockets.dec();
      },
      onSubscribe: async (ctx, _id, payload) => {
        // Before any await: a burst of operations arrives in one go, and each must see the others.
        const crowded = tooManyOperations(Object.keys(ctx.subscriptions).length, deps.config);
        if (crowded) return [crowded];
        const tooLarge = documentTooLarge(payload.query, deps.config);
        if (tooLarge) return [tooLarge];
        const viewer = viewers.get(ctx.extra.socket) ?? { kind: 'ANONYMOUS' as const };
        try {
          await deps.limits.spend(rateSubject(viewer, ctx.extra.request.socket.remoteAddress ?? 'unknown'));
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
          contextValue: createContext(deps, viewer),
        };
        const introspectionKey = IntrospectionCache.keyOf(document, payload.query, payload.operationName, payload.variables);
        if (introspectionKey) introspectionKeys.set(args, introspectionKey);
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((e) => mask(e.toJSON(), e.originalError ?? e)) } as never;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => mask(e.toJSON(), e.originalError ?? e)) as never,
    },
    wss,
    // Pings keep idle connections open through proxies and reveal dead peers.
    12_000,
  );
  return {
    async dispose(): Promise<void> {
      unsubscribeControl();
      for (const client of wss.clients) client.close(ParleyCloseCode.GoingAway, 'Server shutting down');
      await cleanup.dispose();
    },
  };
}

