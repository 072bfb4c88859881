import { type Em, existingIds, one } from '../../db/sql.js';
import { badInput, forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import { peopleSql, type Scope, teamSql } from '../auth/scope.rules.js';
import { scopeOf, type Viewer } from '../auth/viewer.js';
import type { Role } from './user.enums.js';
import { actOnPersonRefusal } from './user.rules.js';

export interface ReachedPerson {
  id: string;
  role: Role;
  securityGroupId: string | null;
  active: boolean;
}

/**
 * The one scoped lookup of a person someone acts on: outside the caller's scope it is NOT_FOUND, as
 * one that does not exist; within it, the role rule decides (FORBIDDEN). Nothing is changed before.
 */
export async function requirePersonToActOn(em: Em, viewer: Viewer, userId: string): Promise<ReachedPerson> {
  if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (viewer.kind === 'VISITOR') throw forbidden('Only supervisors can do this');
  const inScope = peopleSql(scopeOf(viewer), 'u.id');
  const row = await one(em, `select u.id, u.role, u.security_group_id, u.active from users u where u.id = ? and ${inScope.sql}`, [userId, ...inScope.params]);
  if (!row) throw notFound('User');
  const refusal = actOnPersonRefusal(viewer.kind === 'API_KEY' ? 'KEY' : viewer.role, row.role);
  if (refusal) throw forbidden(refusal);
  return { id: row.id, role: row.role, securityGroupId: row.security_group_id, active: row.active };
}

/** The people and teams a caller may name, by the scope's rule for each. */
const NAMED = {
  person: { table: 'users', inScope: peopleSql },
  team: { table: 'teams', inScope: teamSql },
} as const;

/**
 * Refuses, as unknown, people or teams outside the scope among those a caller names (members,
 * grantees, a person's teams): a grouped administrator cannot hand its campaigns or trays to people it
 * does not reach.
 */
async function requireNamedInScope(em: Em, viewer: Viewer, kind: keyof typeof NAMED, named: readonly string[] | null | undefined, field: string): Promise<void> {
  const scope = scopeOf(viewer);
  if (!named?.length || scope.kind === 'ALL') return;
  const ids = new Set(named);
  if ((await reachedOf(em, scope, kind, [...ids])).size !== ids.size) throw badInput(`Unknown ${kind}`, field);
}

/** Those of `ids`, as spelt, that name a person or team the scope reaches (for a scope of everything: that exist). */
const reachedOf = (em: Em, scope: Scope, kind: keyof typeof NAMED, ids: readonly string[]): Promise<Set<string>> => existingIds(em, NAMED[kind].table, ids, NAMED[kind].inScope(scope, 'x.id'));

export const reachedTeams = (em: Em, scope: Scope, teamIds: readonly string[]): Promise<Set<string>> => reachedOf(em, scope, 'team', teamIds);

export const requirePeopleInScope = (em: Em, viewer: Viewer, userIds: readonly string[] | null | undefined, field: string) => requireNamedInScope(em, viewer, 'person', userIds, field);

export const requireTeamsInScope = (em: Em, viewer: Viewer, teamIds: readonly string[] | null | undefined, field: string) => requireNamedInScope(em, viewer, 'team', teamIds, field);
