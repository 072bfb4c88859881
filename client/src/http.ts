import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type GraphQLFormattedError, getOperationAST, print } from 'graphql';
import { ParleyError, TransportError, TransportFailure } from './errors.js';

/** Where and how HTTP requests go. */
export interface HttpTransport {
  endpoint: string;
  /** The bearer token to send now, if any. */
  token: () => Promise<string | null>;
  fetch: typeof fetch;
  timeoutMs: number;
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLFormattedError[];
}

const printed = new WeakMap<DocumentNode, { query: string; operationName: string | undefined }>();

/** A document's text and operation name, printed once. */
function source(document: DocumentNode): { query: string; operationName: string | undefined } {
  let known = printed.get(document);
  if (!known) printed.set(document, (known = { query: print(document), operationName: getOperationAST(document)?.name?.value }));
  return known;
}

/**
 * One POST to /graphql: its data, a ParleyError when the answer carries errors, a TransportError
 * when no GraphQL answer came back (cut, time limit, a status without a GraphQL body). `signal`
 * aborts it with the signal's reason.
 */
export async function post<TResult, TVariables>(transport: HttpTransport, document: TypedDocumentNode<TResult, TVariables>, variables: TVariables | undefined, signal?: AbortSignal): Promise<TResult> {
  const token = await transport.token();
  const timeout = AbortSignal.timeout(transport.timeoutMs);
  const signals = signal ? [signal, timeout] : [timeout];
  let status: number;
  let text: string;
  try {
    const res = await transport.fetch(transport.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ ...source(document), variables: variables ?? {} }),
      signal: AbortSignal.any(signals),
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    // The caller's abort is the caller's: passed on as it is, never taken for a lost answer.
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw new TransportError(TransportFailure.TIMEOUT, `No answer within ${transport.timeoutMs} ms`, null, { cause: err });
    throw new TransportError(TransportFailure.NETWORK, `The request failed: ${describe(err)}`, null, { cause: err });
  }
  const body = parse(text);
  if (body?.errors?.length) throw new ParleyError(body.errors, status);
  if (!body || status >= 300 || body.data === undefined || body.data === null) {
    throw new TransportError(TransportFailure.HTTP_STATUS, `HTTP ${status} without a GraphQL answer`, status);
  }
  return body.data as TResult;
}

function parse(text: string): GraphQLBody | null {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null ? (body as GraphQLBody) : null;
  } catch {
    return null;
  }
}

/** fetch says "fetch failed" and keeps the reason in `cause`. */
const describe = (err: unknown): string => {
  const cause = (err as { cause?: unknown })?.cause;
  const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
  return cause ? `${message(err)} (${message(cause)})` : message(err);
};
