import type http from 'node:http';
import { type ApolloServer, type ApolloServerPlugin, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import getRawBody from 'raw-body';
import { GraphQLError } from 'graphql';
import type { GraphqlRequest } from '../modules/limits/rate-limits.js';
import type { Context } from '../shared/context.js';
import { ErrorCode } from '../shared/errors.js';

/** How far past the body limit a refused body is still read to its end (and dropped), so that its sender reads the refusal. */
const DRAIN_FACTOR = 4;

export interface GraphqlOverHttp {
  /** Largest request body parsed, in bytes; a larger one is refused unparsed. */
  maxBodyBytes: number;
  /** The refusal of a document or variables too large to be parsed, if they are. */
  tooLarge(query: unknown, variables: unknown): GraphQLError | null;
  /** The request's context; `request` is its document and operation name as sent, unparsed. */
  context(req: http.IncomingMessage, request: GraphqlRequest): Promise<Context>;
  /** Told of a failure Apollo did not answer itself. */
  failed(err: unknown): void;
}

/**
 * `/graphql` over HTTP, answered from Node's own request event rather than through Express: Express's
 * router, request decoration and body parser cost a message send about a sixth of the API process's
 * time (answering `/graphql` this way took 32 senders from about 1,130 to 1,365 messages a second in
 * paired runs). What Parley adds around Apollo stays as it was: a body over the limit is
 * QUERY_TOO_COMPLEX with 413 before it is parsed, a body that is not JSON is BAD_REQUEST, a document or
 * variables over their limits are QUERY_TOO_COMPLEX before parsing; Apollo's CSRF check, GET
 * and the status codes are Apollo's. Every other path is left to `fallback` (Express).
 */
export function graphqlOverHttp(apollo: ApolloServer<Context>, options: GraphqlOverHttp, fallback: http.RequestListener): http.RequestListener {
  return (req, res) => {
    // Matched as Express matched `app.use('/graphql')`: case-insensitively, with or without a trailing slash.
    const path = (req.url ?? '').split('?', 1)[0]!.toLowerCase();
    if (path !== '/graphql' && path !== '/graphql/') return void fallback(req, res);
    void answer(apollo, options, req, res).catch((err: unknown) => {
      options.failed(err);
      if (!res.headersSent) refuse(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error');
      else res.destroy(err instanceof Error ? err : undefined);
    });
  };
}

async function answer(apollo: ApolloServer<Context>, options: GraphqlOverHttp, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const search = (req.url ?? '').includes('?') ? req.url!.slice(req.url!.indexOf('?')) : '';
  let body: unknown = undefined;
  let query: unknown;
  let variables: unknown;
  let operationName: unknown;
  if (method === 'POST') {
    const [type, ...parameters] = (req.headers['content-type'] ?? '').split(';').map((part) => part.trim().toLowerCase());
    const charset = parameters
      .find((p) => p.startsWith('charset='))
      ?.slice('charset='.length)
      .replace(/"/g, '');
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (type === 'application/json' || type!.endsWith('+json')) {
      // JSON is UTF-8 (RFC 8259), and clients do not compress what they send.
      if (encoding !== 'identity') return refuse(res, 415, 'BAD_REQUEST', `A body with Content-Encoding ${encoding} is not read; send it uncompressed`);
      if (charset && charset !== 'utf-8' && charset !== 'utf8') return refuse(res, 415, 'BAD_REQUEST', `A body in charset ${charset} is not read; send UTF-8`);
      let text: string;
      try {
        text = await getRawBody(req, { limit: options.maxBodyBytes, length: req.headers['content-length'], encoding: 'utf-8' });
      } catch (err) {
        const refused = (err as { type?: string }).type;
        // Past the limit nothing more is parsed (by the Content-Length, or while reading). A client
        // such as fetch writes its whole body before it reads the answer: closing at once would
        // reset it mid-write (EPIPE) and it would never read the 413. So a body of a stated length
        // within DRAIN_FACTOR times the limit is read and dropped, and the connection is kept; a
        // larger or unstated one is cut off.
        if (refused === 'entity.too.large') {
          const stated = Number(req.headers['content-length']);
          const drained = Number.isSafeInteger(stated) && stated <= options.maxBodyBytes * DRAIN_FACTOR;
          if (drained) req.resume();
          return refuse(res, 413, ErrorCode.QUERY_TOO_COMPLEX, 'The request body is over the size limit', !drained, { limit: 'BODY_BYTES' });
        }
        if (refused === 'request.aborted') return; // The client left: nobody to answer.
        throw err;
      }
      try {
        body = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
      } catch {
        return refuse(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      }
      ({ query, variables, operationName } = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown });
    } else {
      // Apollo refuses it by its Content-Type (CSRF prevention); the body is not read.
      req.resume();
    }
  } else if (method === 'GET') {
    const params = new URLSearchParams(search);
    [query, variables, operationName] = [params.get('query') ?? undefined, params.get('variables') ?? undefined, params.get('operationName') ?? undefined];
  }
  const error = options.tooLarge(query, variables);
  if (error) return refuse(res, 413, ErrorCode.QUERY_TOO_COMPLEX, error.message, false, error.extensions);

  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search, body };
  const answered = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(req, { query, operationName }) });
  for (const [name, value] of answered.headers) res.setHeader(name, value);
  res.statusCode = answered.status ?? 200;
  if (answered.body.kind === 'complete') return void res.end(answered.body.string);
  for await (const chunk of answered.body.asyncIterator) res.write(chunk);
  res.end();
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string, close = false, extensions: Record<string, unknown> = {}): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(close ? { connection: 'close' } : {}) });
  res.end(text);
}

/**
 * A subscription sent over HTTP is the caller's mistake, answered as one (BAD_REQUEST, 400) with
 * where subscriptions go, before anything runs: Apollo would otherwise fail it as a server error.
 */
export const subscriptionsOverSocketPlugin = (): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError('Subscriptions run over WebSocket: open ws://<host>/graphql with the graphql-transport-ws protocol (graphql-ws)', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      },
    };
  },
});
