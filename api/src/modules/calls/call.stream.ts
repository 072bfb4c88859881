import type { Context } from '../../shared/context.js';
import { type BoundedStream, OVERFLOW, type Overflow, streamChannels } from '../../shared/bus.js';
import { forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import { type CallEventMessage, Topic } from '../../shared/topics.js';
import { enforce } from '../interactions/interaction.access.js';
import { callEventsAfter, latestCursor } from './call.log.js';
import { callPresence } from './call.presence.js';
import { type CallListener, isOwnSignal, listenerKey, parseCursor } from './call.rules.js';

const REPLAY_PAGE = 200;

/** Who follows calls here: the customer hears its chat's calls, a person all of its own. */
function listenerOf(ctx: Context, interactionId: string | null): CallListener {
  const { viewer } = ctx;
  if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (viewer.kind === 'VISITOR') {
    if (interactionId && interactionId !== viewer.interactionId) throw notFound('Interaction');
    return { kind: 'CUSTOMER', interactionId: viewer.interactionId };
  }
  if (viewer.kind === 'USER') return { kind: 'USER', userId: viewer.userId };
  throw forbidden('Calls are between a customer and an agent');
}

/**
 * A call's events for one party, nobody hearing their own signals: those stored after `after` (what
 * a reconnecting party missed), then live ones, with no gap and no duplicate. While the stream is
 * open the party counts as present (call.presence.ts): its calls outlive a drop shorter than the grace.
 */
export async function callEvents(ctx: Context, interactionId: string | null, after: string | null): Promise<AsyncIterableIterator<CallEventMessage>> {
  const me = listenerOf(ctx, interactionId);
  const from = after === null ? null : enforce(parseCursor(after));
  const { deps } = ctx;
  const live = await streamChannels<CallEventMessage>(deps.topics.bus, [deps.topics.channel(Topic.CALL, listenerKey(me))], deps.config.SUBSCRIBER_BUFFER);
  let gone: () => void = () => undefined;
  try {
    gone = await callPresence(deps).listen(listenerKey(me));
  } catch (err) {
    live.close();
    throw err;
  }
  const end = () => {
    live.close();
    gone();
  };
  // Read after listening began: an event stored meanwhile is heard twice at most, and the second is skipped.
  const events = follow(ctx, me, interactionId, live, from ?? (await latestCursor(deps.orm.em.fork())));
  const stream: AsyncIterableIterator<CallEventMessage> = {
    next: () => events.next(),
    // Ends the stream at once, even while it waits for an event: the party is gone from now on.
    return: async () => {
      end();
      await events.return(undefined);
      return { done: true, value: undefined };
    },
    throw: async (error: unknown) => {
      end();
      return events.throw(error);
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}

async function* follow(ctx: Context, me: CallListener, interactionId: string | null, live: BoundedStream<CallEventMessage>, from: string): AsyncGenerator<CallEventMessage> {
  let last = from;
  // Live events already replayed. Events of different calls may commit out of cursor order, so a
  // live event below the last cursor is still new unless a replay gave it.
  const replayed = new Set<string>();
  const heard = (event: CallEventMessage) => (!interactionId || event.call.interactionId === interactionId) && !isOwnSignal(me, event);
  async function* replay(): AsyncGenerator<CallEventMessage> {
    for (;;) {
      const page = await callEventsAfter(ctx.deps.orm.em.fork(), me, last, REPLAY_PAGE);
      for (const event of page) {
        last = event.cursor;
        replayed.add(event.cursor);
        if (heard(event)) yield event;
      }
      if (page.length < REPLAY_PAGE) return;
    }
  }
  yield* replay();
  for await (const event of live as AsyncIterable<CallEventMessage | Overflow>) {
    // Events dropped for a slow subscriber are read again from storage.
    if (event === OVERFLOW) {
      yield* replay();
      continue;
    }
    if (typeof event !== 'object' || !('call' in event)) continue;
    if (replayed.delete(event.cursor)) continue;
    if (heard(event)) yield event;
  }
}
