import { one } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { OVERFLOW, streamChannels } from '../../shared/bus.js';
import { Topic, type InteractionStreamEvent } from '../../shared/topics.js';
import { locationOf } from '../interactions/interaction.events.js';
import { loadView, requireVisible } from '../interactions/interaction.access.js';
import { canSee } from '../interactions/visibility.rules.js';
import { canReadInternal, listMessages } from './message.service.js';
import type { MessageView } from './message.view.js';

const REPLAY_PAGE = 200;

/**
 * Stored messages after `afterSequence`, then live ones, with no gap and no duplicate. The live
 * channel is subscribed before storage is read, and anything that arrives out of order (a
 * publish lost while Redis restarted, events dropped for a slow client) is filled from storage.
 * The stream ends when the interaction leaves the subscriber's sight.
 */
export async function* messageStream(ctx: Context, interactionId: string, afterSequence: number | null): AsyncGenerator<MessageView> {
  const view = await requireVisible(ctx, interactionId);
  const internal = canReadInternal(ctx.viewer.kind);
  let location = locationOf(view);
  const live = await streamChannels<InteractionStreamEvent>(ctx.deps.topics.bus, [ctx.deps.topics.channel(Topic.INTERACTION, interactionId)], ctx.deps.config.SUBSCRIBER_BUFFER);
  // Without a cursor the client wants what comes next; the stored view may be older than the subscription.
  let last = afterSequence ?? (await one<{ last_sequence: number }>(ctx.deps.orm.em.fork(), 'select last_sequence from interactions where id = ?', [interactionId]))!.last_sequence;
  async function* replay(): AsyncGenerator<MessageView> {
    for (;;) {
      const em = ctx.deps.orm.em.fork();
      const page = await listMessages(em, interactionId, last, REPLAY_PAGE, true);
      for (const m of page) {
        last = m.sequence;
        if (internal || m.visibility === 'PUBLIC') yield m;
      }
      if (page.length < REPLAY_PAGE) return;
    }
  }
  // Where events were lost, a move out of sight may have been among them: look again before replaying.
  async function stillInSight(): Promise<boolean> {
    const fresh = await loadView(ctx.deps.orm.em.fork(), interactionId);
    if (fresh) location = locationOf(fresh);
    return fresh !== null && canSee(ctx.onlooker(), location);
  }
  try {
    yield* replay();
    for await (const event of live) {
      if (event === OVERFLOW) {
        if (!(await stillInSight())) return;
        yield* replay();
        continue;
      }
      if (event.type === 'INTERACTION_CHANGED') location = locationOf(event.change.interaction);
      // Access can be taken away while the stream is open (the chat moved, tray access changed).
      if (!canSee(ctx.onlooker(), location)) return;
      if (event.type === 'INTERACTION_CHANGED') continue;
      const m = event.message;
      if (m.sequence <= last) continue;
      if (m.sequence > last + 1) {
        if (!(await stillInSight())) return;
        yield* replay();
        continue;
      }
      last = m.sequence;
      if (internal || m.visibility === 'PUBLIC') yield m;
    }
  } finally {
    live.close();
  }
}
