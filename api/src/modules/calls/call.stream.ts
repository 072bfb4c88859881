import type { Context } from '../../shared/context.js';
import { streamChannels } from '../../shared/bus.js';
import { forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import { type CallEventMessage, Topic } from '../../shared/topics.js';
import { type CallListener, isOwnSignal } from './call.rules.js';

/** A call's events for one party: the customer hears its chat's calls, an agent all of its own; nobody hears their own signals. */
export async function* callEvents(ctx: Context, interactionId: string | null): AsyncGenerator<CallEventMessage> {
  const { viewer, deps } = ctx;
  let channel: string;
  let me: CallListener;
  if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (viewer.kind === 'VISITOR') {
    if (interactionId && interactionId !== viewer.interactionId) throw notFound('Interaction');
    channel = deps.topics.channel(Topic.CALL, `interaction:${viewer.interactionId}`);
    me = { kind: 'CUSTOMER' };
  } else if (viewer.kind === 'USER') {
    channel = deps.topics.channel(Topic.CALL, `user:${viewer.userId}`);
    me = { kind: 'USER', userId: viewer.userId };
  } else throw forbidden('Calls are between a customer and an agent');
  const live = await streamChannels<CallEventMessage>(deps.topics.bus, [channel], deps.config.SUBSCRIBER_BUFFER);
  try {
    for await (const event of live) {
      if (typeof event !== 'object' || !('call' in event)) continue;
      if (interactionId && event.call.interactionId !== interactionId) continue;
      if (isOwnSignal(me, event)) continue;
      yield event;
    }
  } finally {
    live.close();
  }
}
