import { createSourceEventStream, type DocumentNode, execute, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * graphql-js's `subscribe`, except that one event's result is worked out once for all the sockets
 * of this process that subscribed with the same document and variables, and shared: a change seen
 * by a thousand inboxes is executed once, not a thousand times. Only where that cannot change the
 * answer: the selection below the subscription field reads plain properties (no field resolver
 * that could look at the caller), and the stream hands every such subscriber the same event object
 * (what each subscriber may see is decided in the stream, before this).
 */
export async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  const key = shareKey(args);
  return mapEvents<unknown, ExecutionResult>(source as AsyncIterableIterator<unknown>, (payload) => executeShared(args, payload, key));
}

const results = new WeakMap<object, Map<string, Result>>();

function executeShared(args: ExecutionArgs, payload: unknown, key: string | null): Result {
  if (key === null || typeof payload !== 'object' || payload === null) return execute({ ...args, rootValue: payload });
  let perEvent = results.get(payload);
  if (!perEvent) results.set(payload, (perEvent = new Map()));
  let result = perEvent.get(key);
  if (!result) perEvent.set(key, (result = execute({ ...args, rootValue: payload })));
  return result;
}

/** The same document text, operation and variables; null when the result may depend on who asks. */
export function shareKey(args: ExecutionArgs, root: 'subscription' | 'query' = 'subscription'): string | null {
  const text = args.document.loc?.source.body;
  if (!text || !readsPlainFieldsOnly(args.schema, args.document, text, root)) return null;
  return `${text}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
}

/** Per document text: every subscriber parses its own document, so the text is what repeats. */
const plain = new Map<string, boolean>();
const PLAIN_KEPT = 1000;

/** Whether nothing below the root fields of `document` has a resolver (one that could look at the caller). */
function readsPlainFieldsOnly(schema: GraphQLSchema, document: DocumentNode, text: string, rootKind: 'subscription' | 'query'): boolean {
  const known = plain.get(text);
  if (known !== undefined) return known;
  const typeInfo = new TypeInfo(schema);
  const root = rootKind === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  let only = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (typeInfo.getParentType() === root || node.name.value.startsWith('__')) return;
        if (typeInfo.getFieldDef()?.resolve) only = false;
      },
    }),
  );
  if (plain.size >= PLAIN_KEPT) plain.clear();
  plain.set(text, only);
  return only;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/** Maps a stream without a generator, so `return()` reaches the source at once even while it waits for an event. */
function mapEvents<T, R>(source: AsyncIterableIterator<T>, map: (value: T) => R | Promise<R>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    async next() {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      if (iterator.throw) await iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
