import type { Context } from '../../shared/context.js';
import { streamChannels } from '../../shared/bus.js';
import { Topic } from '../../shared/topics.js';
import { distinct, type Listener } from '../domain-events/dispatcher.js';
import { countUnhandled, requireOfflineReader } from './offline-message.service.js';

/** Tells every process that offline messages of these campaigns were left or handled. */
export const offlineMessagesListener: Listener = async (deps, events) => {
  await Promise.all(distinct(events, 'OFFLINE_MESSAGES', (e) => e.campaignId).map((campaignId) => deps.topics.publish(Topic.OFFLINE, undefined, { campaignId })));
};

/**
 * How many offline messages the caller reaches still wait: now, then whenever it changes. Every
 * event is counted again with the socket's viewer as it stands then (its scope may have moved), and
 * only a different count is sent, so a change in a campaign the caller does not reach tells it
 * nothing. Listening starts before the first count, so a change in between is not missed.
 */
export async function* unhandledCountStream(ctx: Context): AsyncGenerator<number> {
  requireOfflineReader(ctx.viewer);
  const { deps } = ctx;
  const live = await streamChannels<{ campaignId: string }>(deps.topics.bus, [deps.topics.channel(Topic.OFFLINE)], deps.config.SUBSCRIBER_BUFFER);
  const count = () => countUnhandled(deps.orm.em.fork(), ctx.viewer);
  try {
    let last = await count();
    yield last;
    for await (const _ of live) {
      const now = await count();
      if (now !== last) yield (last = now);
    }
  } finally {
    live.close();
  }
}
