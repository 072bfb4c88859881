import type { Context } from '../../shared/context.js';
import { streamChannels } from '../../shared/bus.js';
import { type InteractionChangedMessage, Topic } from '../../shared/topics.js';
import type { MonitorFilter } from './monitor.rules.js';
import { type MonitorPicture, monitorPicture, monitorUpdate, type MonitorUpdateView } from './monitor.delta.js';
import type { MonitorSnapshot } from './monitor.snapshot.js';

/** Changes arriving within this window make one new snapshot: a busy center is redrawn, not flooded. */
const COALESCE_MS = 250;

/** Whether an event can change what this filter shows: chats of other campaigns cannot; agents and the directory may. */
export function concerns(filter: MonitorFilter, event: unknown): boolean {
  const change = (event as Partial<InteractionChangedMessage>).change;
  if (!filter.campaignIds.length || !change) return true;
  return [change.interaction, change.previous].some((v) => v && filter.campaignIds.includes(v.campaign.id));
}

/**
 * The dashboard's live feed: a snapshot now, then a fresh one after every burst of changes to
 * interactions (of any campaign, those created later included), agents or the directory. The
 * dashboard never polls, and all subscribers of a process share one load per burst.
 */
export async function* monitorStream(ctx: Context, filter: MonitorFilter): AsyncGenerator<MonitorSnapshot> {
  const { topics, monitor } = ctx.deps;
  const channels = [Topic.CENTER, Topic.AGENTS, Topic.DIRECTORY, Topic.CALLS].map((t) => topics.channel(t));
  const live = await streamChannels<unknown>(topics.bus, channels, 64);
  try {
    yield await monitor.snapshot(filter);
    for await (const event of live) {
      if (!concerns(filter, event)) continue;
      await new Promise((r) => setTimeout(r, COALESCE_MS));
      live.drain();
      yield await monitor.snapshot(filter);
    }
  } finally {
    live.close();
  }
}

/**
 * The dashboard's feed in changes: everything once (`full`), then after every burst only the agents
 * and chats that changed or left, with the small parts (totals, service levels, teams) whole. Built
 * on the same shared snapshots as `monitorStream`; each subscriber keeps only its last picture.
 */
export async function* monitorUpdateStream(ctx: Context, filter: MonitorFilter): AsyncGenerator<MonitorUpdateView> {
  let previous: MonitorPicture | null = null;
  for await (const snapshot of monitorStream(ctx, filter)) {
    yield monitorUpdate(previous, snapshot);
    previous = monitorPicture(snapshot);
  }
}
