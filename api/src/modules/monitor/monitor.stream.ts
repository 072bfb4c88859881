import { rows } from '../../db/sql.js';
import type { Context } from '../../server/context.js';
import { streamChannels } from '../../shared/bus.js';
import { Topic } from '../../shared/topics.js';
import type { MonitorFilter } from './monitor.rules.js';
import { type MonitorSnapshot, monitorSnapshot } from './monitor.service.js';

/** Changes arriving within this window make one new snapshot: a busy center is redrawn, not flooded. */
const COALESCE_MS = 250;

/**
 * The dashboard's live feed: a snapshot now, then a fresh one after every burst of changes to
 * interactions or agents. The dashboard never polls.
 */
export async function* monitorStream(ctx: Context, filter: MonitorFilter): AsyncGenerator<MonitorSnapshot> {
  const { topics, config } = ctx.deps;
  const campaigns = await rows<{ id: string }>(ctx.em, 'select id from campaigns');
  const channels = [
    topics.channel(Topic.AGENTS),
    ...campaigns.filter((c) => !filter.campaignIds.length || filter.campaignIds.includes(c.id)).map((c) => topics.channel(Topic.CAMPAIGN, c.id)),
  ];
  const live = await streamChannels<unknown>(topics.bus, channels, 64);
  try {
    yield await monitorSnapshot(ctx.deps.orm.em.fork(), filter, config.PRESENCE_GRACE_MS);
    for await (const _ of live) {
      await new Promise((r) => setTimeout(r, COALESCE_MS));
      live.drain();
      yield await monitorSnapshot(ctx.deps.orm.em.fork(), filter, config.PRESENCE_GRACE_MS);
    }
  } finally {
    live.close();
  }
}
