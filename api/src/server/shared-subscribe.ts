import { createSourceEventStream, type DocumentNode, execute, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { LiveStream } from '../shared/live-stream.js';

type Result = ExecutionResult | Promise<ExecutionResult>;

/** A socket a subscription writes its results to directly: one `next` frame per result. */
export interface FrameTarget {
  /** Writes a frame whose payload is `json`; false when the socket is backed up, and `drained` is called once it is not. */
  write(json: string, drained: () => void): boolean;
}

/** How the frames of a subscription are found, and how a result becomes a frame's payload (errors masked). */
export interface SharedSubscribeOptions {
  targetOf(args: ExecutionArgs): FrameTarget | undefined;
  serialize(result: ExecutionResult): string;
}

/**
 * graphql-js's `subscribe`, except that one event's result is worked out once for all the sockets
 * of this process that subscribed with the same document and variables, and shared: a change seen
 * by a thousand inboxes is executed once, not a thousand times. Only where that cannot change the
 * answer: the selection below the subscription field reads plain properties (no field resolver
 * that could look at the caller), and the stream hands every such subscriber the same event object
 * (what each subscriber may see is decided in the stream, before this).
 *
 * A stream that can push (a LiveStream) is attached to its socket: each event goes from the bus to
 * every subscriber's socket in one synchronous pass, its result serialised once for all of them,
 * with no iterator chain per socket. graphql-ws still holds the subscription, and learns of its end.
 */
export function sharedSubscribe(options: SharedSubscribeOptions) {
  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = shareKey(args);
    const target = options.targetOf(args);
    if (target && source instanceof LiveStream) return pushed(source, target, (payload) => executeShared(args, payload, key), options.serialize);
    return mapEvents<unknown, ExecutionResult>(source as AsyncIterableIterator<unknown>, (payload) => executeShared(args, payload, key));
  };
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

/** Serialised results, so sockets sharing a result share its text too. */
const texts = new WeakMap<ExecutionResult, string>();

/**
 * The subscription as graphql-ws sees it: an iterator that yields nothing and finishes when the
 * stream does, while the stream writes to the socket. Attached on graphql-ws's first read, once
 * it holds the subscription, so nothing is written for an operation it has not taken.
 */
function pushed(source: LiveStream<unknown>, target: FrameTarget, resultOf: (payload: unknown) => Result, serialize: (result: ExecutionResult) => string): AsyncIterableIterator<ExecutionResult> {
  const resume = () => source.resume();
  const write = (result: ExecutionResult): boolean => {
    let text = texts.get(result);
    if (text === undefined) texts.set(result, (text = serialize(result)));
    return target.write(text, resume);
  };
  // A result that is not ready at once (a resolver that awaits) keeps its place in line behind the others.
  let inLine: Promise<void> | null = null;
  let finished: ((r: IteratorResult<ExecutionResult>) => void) | null = null;
  const done = { value: undefined, done: true } as const;
  return {
    next() {
      if (finished) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        finished = resolve;
        const settle = (error?: { cause: unknown }) => {
          const after = inLine ?? Promise.resolve();
          void after.then(() => (error ? reject(error.cause) : resolve(done)));
        };
        source.attach({
          next(payload) {
            const result = resultOf(payload);
            if (inLine === null && !(result instanceof Promise)) return write(result);
            const link: Promise<void> = (inLine ?? Promise.resolve())
              .then(async () => {
                if (!write(await result)) source.pause();
              })
              .catch((err: unknown) => source.fail(err))
              .then(() => {
                if (inLine === link) inLine = null;
              });
            inLine = link;
            return true;
          },
          end: () => settle(),
          fail: (cause) => settle({ cause }),
        });
      });
    },
    async return() {
      await source.return();
      finished?.(done);
      return done;
    },
    async throw(error: unknown) {
      await source.return();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
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
