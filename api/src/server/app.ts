import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import proxyaddr from 'proxy-addr';
import { GraphQLError } from 'graphql';
import { WebSocketServer } from 'ws';
import { type Em, one } from '../db/sql.js';
import { resolveViewer } from '../modules/auth/auth.service.js';
import { credentialOf } from '../modules/auth/tokens.js';
import { Presence } from '../modules/agents/presence.js';
import { maskError } from '../shared/errors.js';
import type { Context } from '../shared/context.js';
import { createContext } from '../modules/auth/request-context.js';
import type { Deps } from '../shared/deps.js';
import { explorerRouter } from './explorer.js';
import { IntrospectionCache } from './introspection-cache.js';
import { textInputPlugin } from './input-text.js';
import { readOnlyKeysPlugin } from './read-only-keys.js';
import { documentTooLarge, validationRules, variablesTooLarge } from './limits.js';
import { graphqlOverHttp, subscriptionsOverSocketPlugin } from './graphql-http.js';
import { createMetrics } from './metrics.js';
import { listenForMetrics, metricsAccess, metricsRoute } from './metrics-endpoint.js';
import { buildParleySchema } from './schema.js';
import { refuseForeignFrames, webRouter } from './web.js';
import { filesRouter } from '../modules/files/file.http.js';
import { reportsRouter } from '../modules/reports/report.http.js';
import { sharedQueriesPlugin } from './shared-queries.js';
import { monitorSnapshotFor } from '../modules/monitor/monitor.resolver.js';
import type { MonitorFilterInput } from '../modules/monitor/monitor.type.js';
import { attachWebSocket } from './ws.js';

export interface RunningApp {
  httpServer: http.Server;
  port: number;
  stop(): Promise<void>;
}

/** Builds the HTTP + WebSocket server on one port and starts listening. */
export async function startApp(deps: Deps): Promise<RunningApp> {
  const { config, log } = deps;
  const schema = await buildParleySchema();
  const metrics = createMetrics();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy(config.TRUST_PROXY));
  // The caller's address as Express reads `req.ip`, for the rate limit's subject on every path: behind
  // a trusted proxy, the address it forwards, over HTTP and WebSocket alike.
  const trusted = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
  const clientAddress = (req: http.IncomingMessage): string => proxyaddr(req, trusted) ?? 'unknown';
  // `/graphql` is answered without Express once Apollo has started (graphql-http.ts); Express has the rest.
  let handle: http.RequestListener = app;
  const httpServer = http.createServer((req, res) => handle(req, res));
  // A subscribe message carries the document (JSON escaping may double it) and the variables: room
  // for both at their limits, so going over one is answered with that limit's error. A frame larger
  // still is cut off by ws itself (close code 1009).
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 2 * config.MAX_DOCUMENT_BYTES + config.MAX_VARIABLES_BYTES + 65_536 });
  const presence = new Presence(deps, (userId) => void deps.dispatcher.dispatch(deps, [{ kind: 'AGENT_CAPACITY', agentId: userId }]).catch(() => undefined)); // logged by the dispatcher
  presence.start();
  const ws = await attachWebSocket(wss, schema, deps, metrics, presence, clientAddress);

  const countOperations: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, errors }) {
          metrics.operations.inc({ transport: 'http', type: operation?.operation ?? 'unknown', outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: validationRules(config),
    parseOptions: { maxTokens: config.MAX_TOKENS },
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, original) => maskError(formatted, original, (err) => log.error({ err }, 'unexpected error')) as never,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      // Parley sets no cache hints, and the default plugin wraps every field of every response:
      // a dashboard snapshot of ten thousand chats paid for it on each of its fields.
      ApolloServerPluginCacheControlDisabled(),
      countOperations,
      new IntrospectionCache().plugin(),
      textInputPlugin(),
      readOnlyKeysPlugin(),
      subscriptionsOverSocketPlugin(),
      sharedQueriesPlugin(schema, { monitor: (ctx, args) => monitorSnapshotFor(ctx, args.filter as MonitorFilterInput | undefined) }),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const [database, bus] = await Promise.all([
      one(deps.orm.em.fork(), 'select 1 as ok').then(
        () => true,
        () => false,
      ),
      deps.topics.bus.ping(),
    ]);
    res.status(database && bus ? 200 : 503).json({ database, pubsub: bus, distributed: deps.topics.bus.distributed });
  });
  const access = metricsAccess(config);
  app.get('/metrics', metricsRoute(metrics, access));
  const metricsServer = config.METRICS_LISTEN ? await listenForMetrics(metrics, access, config.METRICS_LISTEN) : null;
  app.use('/explorer', refuseForeignFrames, explorerRouter());
  app.use(filesRouter(deps));
  app.use(reportsRouter(deps));
  handle = graphqlOverHttp(
    apollo,
    {
      maxBodyBytes: 2 * 1024 * 1024,
      failed: (err) => log.error({ err }, 'graphql over http'),
      tooLarge: (query, variables) => documentTooLarge(query, config) ?? variablesTooLarge(variables, config),
      context: async (req, request) => {
        const em = deps.orm.em.fork() as Em;
        let viewer;
        try {
          viewer = await resolveViewer(em, credentialOf(req.headers), deps.viewers);
        } catch (err) {
          if (err instanceof GraphQLError) {
            throw new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status: 401 } } });
          }
          throw err;
        }
        const address = clientAddress(req);
        await deps.limits.spend(viewer, address, request);
        return createContext(deps, viewer, em, address);
      },
    },
    app,
  );
  app.use(webRouter(deps));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    httpServer,
    port,
    // Sockets first: the HTTP drain counts upgraded connections as busy and would wait out its grace period.
    async stop() {
      const t0 = Date.now();
      await ws.dispose();
      log.debug({ ms: Date.now() - t0 }, 'websockets closed');
      await apollo.stop();
      log.debug({ ms: Date.now() - t0 }, 'http drained');
      await presence.stop();
      if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
    },
  };
}

/** Express's "trust proxy" from the environment: true / false, a hop count, or addresses. */
function trustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
