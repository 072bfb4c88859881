import { one } from '../../db/sql.js';
import { requirePersonToActOn } from './people.access.js';
import type { Context } from '../../shared/context.js';
import { badInput, notFound } from '../../shared/errors.js';
import { type Committed, committed, directoryChanged } from '../domain-events/domain-event.js';
import { DirectoryPart } from '../directory/directory.enums.js';
import { requireUser } from '../auth/guards.js';
import { logOutAgent } from '../interactions/lifecycle.service.js';
import { deactivationRefusal } from './user.rules.js';

/**
 * Deactivates or reactivates a person. The flag is written first: from that moment sign-in, session
 * checks, routing, transfer targets and the monitor all leave the person out. Then the forced logout
 * a supervisor uses ends their sessions and sockets and sends their chats back to their trays, where
 * routing gives them to someone else. Should that fail half-way, deactivating again repeats it.
 * Reactivating only lets them sign in again.
 */
export async function setUserActive(ctx: Context, userId: string, active: boolean): Promise<Committed<void>> {
  // A person, not a key: the forced logout records who did it.
  const viewer = requireUser(ctx.viewer);
  const refusal = deactivationRefusal(viewer.userId, userId, active);
  if (refusal) throw badInput(refusal, 'id');
  // A grouped administrator reaches the people of its group only (the installation's owner least of all).
  await requirePersonToActOn(ctx.em, ctx.viewer, userId);
  const changed = await one(ctx.em, 'update users set active = ? where id = ? returning id', [active, userId]);
  if (!changed) throw notFound('User');
  const loggedOut = active ? [] : (await logOutAgent(ctx, userId)).events;
  return committed(undefined, [...loggedOut, directoryChanged(DirectoryPart.USER)]);
}
