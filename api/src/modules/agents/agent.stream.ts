import type { Context } from '../../shared/context.js';
import { OVERFLOW, streamChannels } from '../../shared/bus.js';
import { Topic } from '../../shared/topics.js';
import { requireUser } from '../auth/guards.js';
import { type AgentStatusView, loadStatus } from './agent.queries.js';

/**
 * The signed-in person's own state: as it is now, then after every change, whoever made it (the
 * agent, a supervisor's pause, a chat routed in). Listening starts before the first read, so a
 * change in between is not missed.
 */
export async function* myStatusStream(ctx: Context): AsyncGenerator<AgentStatusView> {
  const me = requireUser(ctx.viewer);
  const { deps } = ctx;
  const live = await streamChannels<AgentStatusView>(deps.topics.bus, [deps.topics.channel(Topic.AGENT, me.userId)], deps.config.SUBSCRIBER_BUFFER);
  const current = () => loadStatus(deps.orm.em.fork(), me.userId, deps.config.PRESENCE_GRACE_MS);
  try {
    const now = await current();
    if (now) yield now;
    for await (const event of live) {
      const status = event === OVERFLOW ? await current() : event;
      if (status) yield status;
    }
  } finally {
    live.close();
  }
}
