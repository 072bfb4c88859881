import { sameScope } from './scope.rules.js';
import type { Viewer } from './viewer.js';

/** What becomes of an open socket when its caller is resolved again. */
export enum Refresh {
  KEEP = 'KEEP',
  /** Its trays, teams or name changed: the socket goes on with the new caller. */
  REPLACE = 'REPLACE',
  /** What it may do or reach changed: it is closed with 4403 and reconnects. */
  RECONNECT = 'RECONNECT',
  /** Its session ended, its person was deactivated or its key revoked: closed with 4401. */
  REVOKE = 'REVOKE',
}

/**
 * Only what operations read afresh may change under an open socket: the trays, which streams ask
 * through `ctx.onlooker()` at every event. A role or a scope is read once when an operation starts
 * (the guards it passed, the channels a stream listens to), so a change there ends the socket rather
 * than leave its subscriptions running on what the caller was.
 */
export function refreshOf(held: Viewer, now: Viewer | null): Refresh {
  if (held.kind !== 'USER' && held.kind !== 'API_KEY') return Refresh.KEEP;
  if (now === null) return Refresh.REVOKE;
  if (now.kind !== held.kind || !sameScope(held.scope, now.scope)) return Refresh.RECONNECT;
  if (held.kind === 'USER' && now.kind === 'USER') {
    if (held.role !== now.role) return Refresh.RECONNECT;
    return held.name === now.name && sameIds(held.customTrayIds, now.customTrayIds) ? Refresh.KEEP : Refresh.REPLACE;
  }
  if (held.kind === 'API_KEY' && now.kind === 'API_KEY' && !sameIds(held.scopes, now.scopes)) return Refresh.RECONNECT;
  // What the caller's messages carry (a key's name and avatar) is replaced in place.
  return held.name === now.name && avatarOf(held) === avatarOf(now) ? Refresh.KEEP : Refresh.REPLACE;
}

const avatarOf = (viewer: Viewer): string | null => (viewer.kind === 'API_KEY' ? viewer.avatarUrl : null);

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id) => b.includes(id));
