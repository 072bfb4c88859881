import type { Context } from '../../shared/context.js';
import { streamChannels } from '../../shared/bus.js';
import { Topic } from '../../shared/topics.js';
import { canUseCampaign } from '../auth/viewer.js';
import { type TodayFigures, todayByHour } from './monitor-today.rules.js';
import { concerns } from './monitor.stream.js';
import type { MonitorFilter } from './monitor.rules.js';

/**
 * Hourly figures move slowly and cost a pass over the day's chats: a burst of changes within this
 * window makes one new picture, where the dashboard's snapshot waits 250 ms.
 */
const COALESCE_MS = 2_000;

export interface MonitorTodayView extends TodayFigures {
  generatedAt: Date;
}

/** Today's figures of the campaigns the viewer may see, narrowed to the dashboard's campaign filter. */
export async function monitorToday(ctx: Context, campaignIds: readonly string[]): Promise<MonitorTodayView> {
  const data = await ctx.deps.monitor.today();
  const now = new Date();
  const shown = data.campaigns.filter((c) => (!campaignIds.length || campaignIds.includes(c.id)) && canUseCampaign(ctx.viewer, c.id));
  return { generatedAt: now, ...todayByHour(shown, data.chats, now) };
}

const TICK = Symbol('tick');

/**
 * Today's figures now, then again after every burst of chat or campaign changes, and when time
 * alone moves them (a waiting chat passes its level, a campaign's day ends): never polled.
 */
export async function* monitorTodayStream(ctx: Context, campaignIds: readonly string[]): AsyncGenerator<MonitorTodayView> {
  const { topics } = ctx.deps;
  const live = await streamChannels<unknown>(
    topics.bus,
    [Topic.CENTER, Topic.DIRECTORY].map((t) => topics.channel(t)),
    64,
  );
  const filter: MonitorFilter = { campaignIds: [...campaignIds], agentIds: [], teamIds: [], channels: [], contact: null, protocol: null };
  let timer: NodeJS.Timeout | undefined;
  const next = (view: MonitorTodayView) => {
    clearTimeout(timer);
    // Timers past ~24.8 days overflow; a day's end comes well before.
    if (view.nextChange) timer = setTimeout(() => live.push(TICK), Math.min(Math.max(view.nextChange.getTime() - Date.now(), 0), 2 ** 31 - 1));
    return view;
  };
  try {
    yield next(await monitorToday(ctx, campaignIds));
    for await (const event of live) {
      if (event !== TICK && !concerns(filter, event)) continue;
      await new Promise((r) => setTimeout(r, COALESCE_MS));
      live.drain();
      yield next(await monitorToday(ctx, campaignIds));
    }
  } finally {
    clearTimeout(timer);
    live.close();
  }
}
