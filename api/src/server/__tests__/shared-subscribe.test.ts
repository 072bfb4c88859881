import { type ExecutionArgs, type ExecutionResult, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LiveStream } from '../../shared/live-stream.js';
import { type FrameTarget, sharedSubscribe } from '../shared-subscribe.js';

/** A schema whose one subscription hands each subscriber the stream the test gives it. */
function world() {
  const streams: LiveStream<{ body: string }>[] = [];
  const Said = new GraphQLObjectType({ name: 'Said', fields: { body: { type: GraphQLString } } });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        said: {
          type: Said,
          resolve: (event: unknown) => event,
          subscribe: () => {
            const stream = new LiveStream<{ body: string }>(10);
            streams.push(stream);
            return stream;
          },
        },
      },
    }),
  });
  return { schema, streams };
}

class Socket implements FrameTarget {
  frames: string[] = [];
  constructor(private room = Infinity) {}
  drained: (() => void) | null = null;
  write(json: string, drained: () => void): boolean {
    this.frames.push(json);
    if (this.frames.length < this.room) return true;
    this.drained = drained;
    return false;
  }
}

const SAID = 'subscription { said { body } }';

async function subscribeAll(count: number, rooms: number[] = []) {
  const { schema, streams } = world();
  const targets = new Map<ExecutionArgs, Socket>();
  const serialized: ExecutionResult[] = [];
  const subscribe = sharedSubscribe({
    targetOf: (args) => targets.get(args),
    serialize: (result) => {
      serialized.push(result);
      return JSON.stringify(result);
    },
  });
  const sockets: Socket[] = [];
  const iterators: AsyncIterableIterator<ExecutionResult>[] = [];
  for (let i = 0; i < count; i++) {
    const args: ExecutionArgs = { schema, document: parse(SAID) };
    const socket = new Socket(rooms[i]);
    targets.set(args, socket);
    sockets.push(socket);
    iterators.push((await subscribe(args)) as AsyncIterableIterator<ExecutionResult>);
  }
  // graphql-ws's first read attaches each stream to its socket.
  const ends = iterators.map((it) => it.next());
  return { streams, sockets, serialized, ends, iterators };
}

describe('sharedSubscribe with streams that push', () => {
  it('writes one event to every socket in the call that emits it, serialised once for all', async () => {
    const { streams, sockets, serialized } = await subscribeAll(3);
    const event = { body: 'hello' };
    for (const stream of streams) stream.emit(event);
    expect(sockets.map((s) => s.frames)).toEqual([['{"data":{"said":{"body":"hello"}}}'], ['{"data":{"said":{"body":"hello"}}}'], ['{"data":{"said":{"body":"hello"}}}']]);
    expect(serialized).toHaveLength(1);
  });

  it('tells a stream whose socket is backed up to wait, and wakes it when the socket drains', async () => {
    const { streams, sockets } = await subscribeAll(1, [1]);
    expect(streams[0]!.emit({ body: 'one' })).toBe(false);
    let woken = false;
    const ready = streams[0]!.ready().then(() => (woken = true));
    await Promise.resolve();
    expect(woken).toBe(false);
    sockets[0]!.drained!();
    await ready;
    expect(woken).toBe(true);
  });

  it('finishes the subscription graphql-ws holds when the stream ends, and releases the stream when graphql-ws leaves', async () => {
    const { streams, ends, iterators } = await subscribeAll(2);
    streams[0]!.end();
    expect(await ends[0]).toEqual({ value: undefined, done: true });
    let released = false;
    streams[1]!.onClose(() => (released = true));
    await iterators[1]!.return!();
    expect(released).toBe(true);
    expect(await ends[1]).toEqual({ value: undefined, done: true });
  });

  it('hands a stream’s failure to graphql-ws, after what it wrote', async () => {
    const { streams, sockets, ends } = await subscribeAll(1);
    streams[0]!.emit({ body: 'before' });
    streams[0]!.fail(new Error('storage away'));
    await expect(ends[0]).rejects.toThrow('storage away');
    expect(sockets[0]!.frames).toEqual(['{"data":{"said":{"body":"before"}}}']);
  });
});
