import { rows } from '../../db/sql.js';
import type { Context } from '../../shared/context.js';

/** Staff notes of an interaction; nobody else may read them, so visitors and keys get none. */
export async function notesOf(ctx: Context, interactionId: string) {
  if (ctx.viewer.kind !== 'USER') return [];
  const [row] = await rows<{ notes: { authorId: string | null; authorName: string | null; body: string; createdAt: string }[] }>(ctx.em, 'select notes from interactions where id = ?', [
    interactionId,
  ]);
  return (row?.notes ?? []).map((n) => ({ ...n, createdAt: new Date(n.createdAt).toISOString() }));
}

/** The event trail, oldest first, for staff. */
export async function trailOf(ctx: Context, interactionId: string) {
  if (ctx.viewer.kind !== 'USER') return [];
  const found = await rows(ctx.em, "select id, type, actor_kind, actor_id, data, created_at from interaction_events where interaction_id = ? and type <> 'MESSAGE_ADDED' order by id", [interactionId]);
  return found.map((e) => ({
    id: String(e.id),
    type: e.type,
    actorKind: e.actor_kind,
    actorId: e.actor_id,
    data: e.data,
    createdAt: new Date(e.created_at).toISOString(),
  }));
}
