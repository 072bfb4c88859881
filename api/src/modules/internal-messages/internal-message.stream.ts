import type { Context } from '../../shared/context.js';
import { OVERFLOW, streamChannels } from '../../shared/bus.js';
import { Topic } from '../../shared/topics.js';
import { requireUser } from '../auth/guards.js';
import { internalMessagesSince, type InternalMessageView } from './internal-message.service.js';

/**
 * Messages to or from the signed-in person: those after `after` first (a screen that reconnects
 * catches up), then live ones, none twice. Listening starts before the stored ones are read, so a
 * message sent in between is not lost; a subscriber too slow for its buffer reads the rest from
 * the table.
 */
export async function* internalMessageStream(ctx: Context, after: Date | null): AsyncGenerator<InternalMessageView> {
  const me = requireUser(ctx.viewer);
  const { deps } = ctx;
  const live = await streamChannels<InternalMessageView>(deps.topics.bus, [deps.topics.channel(Topic.PERSON, me.userId)], deps.config.SUBSCRIBER_BUFFER);
  const seen = new Set<string>();
  let last = after ?? new Date();
  async function* stored(): AsyncGenerator<InternalMessageView> {
    for (const message of await internalMessagesSince(deps.orm.em.fork(), me.userId, last)) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      last = new Date(message.createdAt);
      yield message;
    }
  }
  try {
    if (after) yield* stored();
    for await (const event of live) {
      if (event === OVERFLOW) {
        yield* stored();
        continue;
      }
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      yield event;
    }
  } finally {
    live.close();
  }
}
