import type { TrailActor } from './interaction.events.js';
import { type Em, one, pgArray, prepared, rows } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';
import { ErrorCode, notFound, ParleyError, unauthenticated } from '../../shared/errors.js';
import { type Viewer } from '../auth/viewer.js';
import { AuthorKind } from '../messages/message.enums.js';
import { type Author } from '../messages/message.service.js';
import { locationOf } from './interaction.events.js';
import { type Actor, type Decision, type InteractionState } from './interaction.rules.js';
import { ActorKind, type InteractionStatus } from './interaction.enums.js';
import { INTERACTION_VIEW_SQL, type InteractionView, toInteractionView } from './interaction.view.js';
import { canSee } from './visibility.rules.js';

export function enforce<T>(decision: Decision<T>): T {
  if (decision.ok) return decision.value;
  throw new ParleyError(ErrorCode[decision.code], decision.reason);
}

/** By the number an agent reads out; case and surrounding spaces do not matter. */
export async function findByProtocol(ctx: Context, protocol: string): Promise<InteractionView> {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  const row = await one(ctx.em, `${INTERACTION_VIEW_SQL} where i.protocol = ?`, [protocol.trim().toUpperCase()]);
  const view = row && toInteractionView(row);
  if (!view || !canSee(ctx.onlooker(), locationOf(view))) throw notFound('Interaction');
  return view;
}

const VIEW_BY_ID = prepared('interaction_view', `${INTERACTION_VIEW_SQL} where i.id = ?`);

export async function loadView(em: Em, id: string): Promise<InteractionView | null> {
  const row = await one(em, VIEW_BY_ID, [id]);
  return row ? toInteractionView(row) : null;
}

/** Several views in one query, in the order of `ids`. */
export async function loadViews(em: Em, ids: readonly string[]): Promise<InteractionView[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await rows(em, `${INTERACTION_VIEW_SQL} where i.id = any(?::uuid[])`, [pgArray([...ids])])).map((r) => [r.id as string, toInteractionView(r)]));
  return ids.map((id) => byId.get(id)!);
}

/** Loads an interaction the viewer may see; anything else is NOT_FOUND, so foreign ids reveal nothing. */
export async function requireVisible(ctx: Context, id: string): Promise<InteractionView> {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  return visibleOrNotFound(ctx, await loadView(ctx.em, id));
}

/** The rule of `requireVisible` for a view read some other way. */
export function visibleOrNotFound(ctx: Context, view: InteractionView | null): InteractionView {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (!view || !mayView(ctx, view)) throw notFound('Interaction');
  return view;
}

/** The rule `requireVisible` applies, for a view already at hand. */
export function mayView(ctx: Context, view: InteractionView): boolean {
  return ctx.viewer.kind !== 'ANONYMOUS' && canSee(ctx.onlooker(), locationOf(view));
}

/** The chat as the rules see it. */
export function stateOf(v: InteractionView): InteractionState & { status: InteractionStatus } {
  // A view published before the column existed has none.
  return {
    id: v.id,
    phase: v.phase,
    agentId: v.agent?.id ?? null,
    participantIds: v.participants?.map((p) => p.id) ?? [],
    status: v.status,
    channel: v.channel,
    startedByKeyId: v.startedByKeyId ?? null,
  };
}

export function actorOf(viewer: Viewer): Actor {
  switch (viewer.kind) {
    case 'USER':
      return { kind: 'USER', userId: viewer.userId, role: viewer.role };
    case 'VISITOR':
      return { kind: 'VISITOR', interactionId: viewer.interactionId };
    case 'API_KEY':
      return { kind: 'KEY', keyId: viewer.keyId, scopes: viewer.scopes };
    case 'ANONYMOUS':
      throw unauthenticated();
  }
}

export function authorOf(viewer: Viewer, kind: AuthorKind): Author {
  switch (viewer.kind) {
    case 'USER':
      return { kind, id: viewer.userId, name: viewer.name, key: `user:${viewer.userId}` };
    case 'VISITOR':
      return { kind, id: viewer.contactId, name: null, key: `contact:${viewer.contactId}` };
    case 'API_KEY':
      return { kind, id: viewer.keyId, name: viewer.name, avatarUrl: viewer.avatarUrl, key: `key:${viewer.keyId}` };
    case 'ANONYMOUS':
      throw unauthenticated();
  }
}

export const trailActor = (viewer: Viewer): TrailActor => {
  switch (viewer.kind) {
    case 'USER':
      return { kind: ActorKind.USER, id: viewer.userId };
    case 'API_KEY':
      return { kind: ActorKind.API_KEY, id: viewer.keyId };
    case 'VISITOR':
      return { kind: ActorKind.CONTACT, id: viewer.contactId };
    default:
      return { kind: ActorKind.SYSTEM, id: null };
  }
};
