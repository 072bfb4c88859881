import type { Context } from '../../shared/context.js';
import { listenChannels, OVERFLOW, type Overflow } from '../../shared/bus.js';
import { LiveStream } from '../../shared/live-stream.js';
import { unauthenticated } from '../../shared/errors.js';
import { type InteractionChangedEvent, type InteractionStreamEvent, Topic } from '../../shared/topics.js';
import { scopeOf } from '../auth/viewer.js';
import type { Phase } from './interaction.enums.js';
import { loadView } from './interaction.access.js';
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

const told = new WeakMap<InteractionChangedEvent, Map<ChangeKind, InteractionChangeView>>();

/**
 * Subscribers told the same kind of change about one event get the very same object, so the
 * subscription's result is executed once for all of them (see server/shared-subscribe.ts).
 */
function shared(event: InteractionChangedEvent, change: InteractionChangeView): InteractionChangeView {
  let kinds = told.get(event);
  if (!kinds) told.set(event, (kinds = new Map()));
  const known = kinds.get(change.kind);
  if (known) return known;
  kinds.set(change.kind, change);
  return change;
}

const RESYNC: InteractionChangeView = Object.freeze({ kind: ChangeKind.RESYNC, interactionId: null, interaction: null });

/**
 * Changes to the interactions a viewer may see, from the narrowest channels that cover the filter.
 * Each change is decided and emitted in the bus's own dispatch (see shared/live-stream.ts).
 */
export async function interactionChanges(ctx: Context, filter: ChangeFilter): Promise<LiveStream<InteractionChangeView>> {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  const { topics } = ctx.deps;
  const scope = scopeOf(ctx.viewer);
  let channels: string[];
  if (ctx.viewer.kind === 'VISITOR') channels = [topics.channel(Topic.INTERACTION, ctx.viewer.interactionId)];
  else if (filter.trayId) channels = [topics.channel(Topic.TRAY, filter.trayId)];
  else if (filter.campaignId) channels = [topics.channel(Topic.CAMPAIGN, filter.campaignId)];
  // A caller whose scope is a few campaigns hears just their channels (a change of scope closes its
  // socket, see server/ws.ts); anyone else every campaign, those created after this began included.
  else if (scope.kind === 'LIMITED' && scope.campaignIds.size <= 50) channels = [...scope.campaignIds].map((id) => topics.channel(Topic.CAMPAIGN, id));
  else channels = [topics.channel(Topic.CENTER)];
  // canSee holds the scope: every event is checked against it, whichever channel brought it.
  const matches = (who: Onlooker, v: InteractionView) =>
    canSee(who, locationOf(v)) &&
    (!filter.trayId || v.tray?.id === filter.trayId) &&
    (!filter.campaignId || v.campaign.id === filter.campaignId) &&
    (!filter.phases?.length || filter.phases.includes(v.phase));
  const capacity = ctx.deps.config.SUBSCRIBER_BUFFER;
  const out = new LiveStream<InteractionChangeView>(capacity);
  // Changes have no cursor to replay from: a subscriber that fell behind (or events lost in
  // transit) is told to refetch, once it has room again, and hears nothing until then.
  let behind = false;
  const send = (change: InteractionChangeView) => {
    if (out.emit(change) || out.closed) return;
    behind = true;
    void out.ready().then(() => {
      behind = false;
      send(RESYNC);
    });
  };
  const tell = (raw: InteractionStreamEvent | Overflow) => {
    if (behind || out.closed) return;
    if (raw === OVERFLOW) return send(RESYNC);
    if (raw.type !== 'INTERACTION_CHANGED') return;
    const event = raw.change;
    const who = ctx.onlooker();
    const change = changeFor((v) => matches(who, v), event);
    if (change) send(shared(event, change));
  };
  // A customer follows one interaction: it hears how it stands first, read after listening began,
  // so a change made while its screen was reading (an agent quick to take the chat) is never lost.
  let early: (InteractionStreamEvent | Overflow)[] | null = ctx.viewer.kind === 'VISITOR' ? [] : null;
  const stop = await listenChannels<InteractionStreamEvent>(topics.bus, channels, (raw) => {
    if (early === null) tell(raw);
    else if (early.length < capacity) early.push(raw);
    else early = [OVERFLOW];
  });
  out.onClose(stop);
  if (ctx.viewer.kind === 'VISITOR') {
    try {
      const now = await loadView(ctx.deps.orm.em.fork(), ctx.viewer.interactionId);
      if (now && matches(ctx.onlooker(), now)) send({ kind: ChangeKind.UPDATED, interactionId: now.id, interaction: now });
    } catch (err) {
      void out.return();
      throw err;
    }
    const heard = early!;
    early = null;
    heard.forEach(tell);
  }
  return out;
}
