import type { Em } from '../../db/sql.js';
import { rows } from '../../db/sql.js';
import type { Deps } from '../../shared/deps.js';
import { Topic } from '../../shared/topics.js';
import { type Listener } from '../domain-events/dispatcher.js';
import { ActorKind, type InteractionEventType } from './interaction.enums.js';
import type { InteractionView } from './interaction.view.js';
import type { ChatLocation } from './visibility.rules.js';

export function locationOf(v: InteractionView): ChatLocation {
  return {
    interactionId: v.id,
    campaignId: v.campaign.id,
    phase: v.phase,
    trayId: v.tray?.id ?? null,
    trayKind: v.tray?.kind ?? null,
    trayOwnerId: v.tray?.ownerId ?? null,
    agentId: v.agent?.id ?? null,
    // A view published before participants existed has none.
    participantIds: v.participants?.map((p) => p.id) ?? [],
    contactState: v.contact.state,
    status: v.status,
    // A view published before the column existed has none.
    startedByKeyId: v.startedByKeyId ?? null,
  };
}

/** Who caused an event of the trail. */
export interface TrailActor {
  kind: ActorKind;
  id: string | null;
}

/** Parley itself: a timed rule, admission. */
export const SYSTEM_ACTOR: TrailActor = { kind: ActorKind.SYSTEM, id: null };

/** Appends to the interaction's event trail, inside the caller's transaction. */
export async function recordEvent(em: Em, interactionId: string, type: InteractionEventType, actor: TrailActor, data: Record<string, unknown> = {}): Promise<void> {
  await rows(em, 'insert into interaction_events (interaction_id, type, actor_kind, actor_id, data, created_at) values (?, ?, ?, ?, ?::jsonb, now())', [
    interactionId,
    type,
    actor.kind,
    actor.id,
    JSON.stringify(data),
  ]);
}

/**
 * Subscribers hear a commit's changes after its messages (`messages/message.publish.ts` runs first),
 * so whoever loses sight of a chat with the change has heard what was said up to it.
 */
export const publishChangesListener: Listener = async (deps, events) => {
  await Promise.all(events.map((e) => (e.kind === 'INTERACTION_CHANGED' ? publishChange(deps, e.interaction, e.previous) : null)));
};

/** A change goes on the interaction's own channel, its campaign's, the whole center's, and the trays it left and entered. */
async function publishChange(deps: Deps, interaction: InteractionView, previous: InteractionView | null): Promise<void> {
  const message = { type: 'INTERACTION_CHANGED' as const, change: { interaction, previous } };
  const trays = new Set([previous?.tray?.id, interaction.tray?.id].filter((t): t is string => !!t));
  await deps.topics.publishAll<Topic.INTERACTION | Topic.CAMPAIGN | Topic.CENTER | Topic.TRAY>(
    [[Topic.INTERACTION, interaction.id], [Topic.CAMPAIGN, interaction.campaign.id], [Topic.CENTER, undefined], ...[...trays].map((t) => [Topic.TRAY, t] as const)],
    message,
  );
}
