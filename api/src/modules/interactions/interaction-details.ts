import { pgArray, rows } from '../../db/sql.js';
import { isUuid } from '../../shared/ids.js';
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

/** Ids an event names in its details: who took it, where it went. */
const NAMED_KEYS = ['agentId', 'teamId', 'trayId'] as const;

/**
 * The people, teams and trays a trail mentions, by id: the trail stores ids, and an agent may not
 * list people or teams, so the names come with the trail they may already read.
 */
export async function trailNamesOf(ctx: Context, interactionId: string) {
  const trail = await trailOf(ctx, interactionId);
  const ids = new Set<string>();
  for (const event of trail) {
    if (event.actorId) ids.add(event.actorId);
    for (const key of NAMED_KEYS) if (typeof event.data[key] === 'string') ids.add(event.data[key]);
  }
  const list = pgArray([...ids].filter(isUuid));
  if (ids.size === 0) return [];
  return rows<{ id: string; name: string }>(
    ctx.em,
    'select id, name from users where id = any(?::uuid[]) union all select id, name from teams where id = any(?::uuid[]) union all select id, name from trays where id = any(?::uuid[])',
    [list, list, list],
  );
}
