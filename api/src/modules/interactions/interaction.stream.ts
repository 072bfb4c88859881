import { rows } from '../../db/sql.js';
import type { Context } from '../../server/context.js';
import { OVERFLOW, streamChannels } from '../../shared/bus.js';
import { unauthenticated } from '../../shared/errors.js';
import { type InteractionChangedEvent, Topic } from '../../shared/topics.js';
import { canUseCampaign } from '../auth/viewer.js';
import type { Phase } from './interaction.enums.js';
import { locationOf } from './interaction.events.js';
import { ChangeKind } from './interaction.type.js';
import type { InteractionView } from './interaction.view.js';
import { canSee, type Onlooker } from './visibility.rules.js';

export interface ChangeFilter {
  campaignId?: string | null;
  trayId?: string | null;
  phases?: Phase[] | null;
}

export interface InteractionChangeView {
  kind: ChangeKind;
  interactionId: string | null;
  interaction: InteractionView | null;
}

/** Decides what one subscriber is told about one change, if anything. */
export function changeFor(visible: (v: InteractionView) => boolean, event: InteractionChangedEvent): InteractionChangeView | null {
  const now = visible(event.interaction);
  const before = event.previous !== null && visible(event.previous);
  if (now) return { kind: before || event.previous ? ChangeKind.UPDATED : ChangeKind.CREATED, interactionId: event.interaction.id, interaction: event.interaction };
  if (before) return { kind: ChangeKind.REMOVED, interactionId: event.interaction.id, interaction: null };
  return null;
}

/** Changes to the interactions a viewer may see, from the narrowest channels that cover the filter. */
export async function* interactionChanges(ctx: Context, filter: ChangeFilter): AsyncGenerator<InteractionChangeView> {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  const { topics } = ctx.deps;
  let channels: string[];
  if (ctx.viewer.kind === 'VISITOR') channels = [topics.channel(Topic.INTERACTION, ctx.viewer.interactionId)];
  else if (filter.trayId) channels = [topics.channel(Topic.TRAY, filter.trayId)];
  else if (filter.campaignId) channels = canUseCampaign(ctx.viewer, filter.campaignId) ? [topics.channel(Topic.CAMPAIGN, filter.campaignId)] : [];
  else {
    const campaigns = await rows<{ id: string }>(ctx.em, 'select id from campaigns');
    channels = campaigns.filter((c) => canUseCampaign(ctx.viewer, c.id)).map((c) => topics.channel(Topic.CAMPAIGN, c.id));
  }
  const matches = (who: Onlooker, v: InteractionView) =>
    canSee(who, locationOf(v)) &&
    (!filter.trayId || v.tray?.id === filter.trayId) &&
    (!filter.campaignId || v.campaign.id === filter.campaignId) &&
    (!filter.phases?.length || filter.phases.includes(v.phase));
  const live = await streamChannels<InteractionChangedEvent | { type: string; change?: InteractionChangedEvent }>(
    topics.bus,
    channels,
    ctx.deps.config.SUBSCRIBER_BUFFER,
  );
  try {
    for await (const raw of live) {
      // Changes have no cursor to replay from, so a subscriber that fell behind is told to refetch.
      if (raw === OVERFLOW) {
        yield { kind: ChangeKind.RESYNC, interactionId: null, interaction: null };
        continue;
      }
      const event = 'type' in raw ? (raw.type === 'INTERACTION_CHANGED' ? raw.change! : null) : (raw as InteractionChangedEvent);
      if (!event) continue;
      const who = ctx.onlooker();
      const change = changeFor((v) => matches(who, v), event);
      if (change) yield change;
    }
  } finally {
    live.close();
  }
}
