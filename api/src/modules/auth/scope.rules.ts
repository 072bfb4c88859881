/**
 * A caller's scope: which campaigns, and so which chats, contacts, trays, hooks and keys, it reaches.
 * It is resolved once with the caller (viewer), from its security group or, for an API key, from the
 * key's campaigns within its creator's reach, and every path asks it here: lookups and streams through
 * `reaches`, lists through `campaignSql` and `peopleSql`. What a caller may *do* there (its role, its
 * key scopes) is decided apart; this only says where.
 */

/** Everything, or a set of campaigns (possibly none). */
export type Scope =
  | { kind: 'ALL' }
  | {
      kind: 'LIMITED';
      campaignIds: ReadonlySet<string>;
      /** The security group of a grouped person, or of a key's grouped creator: people are reached through it. */
      securityGroupId: string | null;
    };

export const ALL: Scope = { kind: 'ALL' };

/** What a caller's scope is made of, as read with the caller. */
export interface ScopeSource {
  /** The person's (or the key's creator's) security group, null when ungrouped. */
  securityGroupId: string | null;
  /** The campaigns of that group; ignored when ungrouped. */
  groupCampaignIds: readonly string[] | null;
  /** A key's own campaigns; empty or absent: no narrowing of its own. */
  keyCampaignIds?: readonly string[] | null;
}

/** A person's scope: its group's campaigns, or everything for whoever has no group. */
export function scopeFrom(source: ScopeSource): Scope {
  let scope: Scope = source.securityGroupId === null ? ALL : limited(source.groupCampaignIds ?? [], source.securityGroupId);
  if (source.keyCampaignIds?.length) scope = intersect(scope, limited(source.keyCampaignIds, null));
  return scope;
}

const limited = (ids: Iterable<string>, securityGroupId: string | null): Scope => ({ kind: 'LIMITED', campaignIds: new Set(ids), securityGroupId });

/**
 * What both scopes reach. A group is kept only by a side that loses none of its campaigns: a key
 * limited to some of its group's campaigns must not reach, nor make, people who reach the rest.
 */
export function intersect(a: Scope, b: Scope): Scope {
  if (a.kind === 'ALL') return b;
  if (b.kind === 'ALL') return a;
  const both = [...a.campaignIds].filter((id) => b.campaignIds.has(id));
  const whole = (side: Scope & { kind: 'LIMITED' }) => side.securityGroupId !== null && side.campaignIds.size === both.length;
  return limited(both, whole(a) ? a.securityGroupId : whole(b) ? b.securityGroupId : null);
}

/** Whether two scopes reach the same campaigns through the same group. */
export const sameScope = (a: Scope, b: Scope): boolean =>
  a.kind === 'ALL'
    ? b.kind === 'ALL'
    : b.kind === 'LIMITED' && a.securityGroupId === b.securityGroupId && a.campaignIds.size === b.campaignIds.size && [...a.campaignIds].every((id) => b.campaignIds.has(id));

/**
 * Whether the scope manages people (makes, changes, deactivates them, puts them in teams): whoever
 * reaches everything, or a whole security group. A key limited to some campaigns reaches people only
 * as those campaigns' members, who may work elsewhere too, so it manages none.
 */
export const mayManagePeople = (scope: Scope): boolean => scope.kind === 'ALL' || scope.securityGroupId !== null;

export function reaches(scope: Scope, campaignId: string): boolean {
  return scope.kind === 'ALL' || scope.campaignIds.has(campaignId);
}

/** Whether every campaign of `ids` is reached; an empty list means "all campaigns", reached by ALL only. */
export function reachesAll(scope: Scope, ids: readonly string[]): boolean {
  return scope.kind === 'ALL' || (ids.length > 0 && ids.every((id) => scope.campaignIds.has(id)));
}

/**
 * Campaign ids for something created in this scope that names campaigns (a key, a hook): the ones
 * asked for, or, when none are named ("every campaign"), the scope's own, written out, so that what
 * is created can never reach further than its creator even after the creator is gone.
 */
export function campaignsWithin(scope: Scope, asked: readonly string[]): { ids: string[] } | { outside: string[] } {
  if (scope.kind === 'ALL') return { ids: [...new Set(asked)] };
  if (asked.length === 0) return { ids: [...scope.campaignIds] };
  const outside = asked.filter((id) => !scope.campaignIds.has(id));
  return outside.length ? { outside } : { ids: [...new Set(asked)] };
}

/** The campaigns a filter asks for, narrowed to the scope; null means "all". */
export function narrowCampaigns(scope: Scope, asked: readonly string[]): readonly string[] | null {
  if (scope.kind === 'ALL') return asked.length ? asked : null;
  return asked.length ? asked.filter((id) => scope.campaignIds.has(id)) : [...scope.campaignIds];
}

export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** "The campaign whose id is in `column` is reached", as SQL; the same rule as `reaches`. */
export function campaignSql(scope: Scope, column: string): SqlPart {
  return scope.kind === 'ALL' ? { sql: 'true', params: [] } : { sql: `${column} = any(?::uuid[])`, params: [pgList(scope.campaignIds)] };
}

/**
 * "The person whose id is in `column` is reached". A grouped caller reaches the people of its group;
 * a key limited to campaigns (no group) reaches the members of those campaigns; ALL everyone.
 */
export function peopleSql(scope: Scope, column: string): SqlPart {
  if (scope.kind === 'ALL') return { sql: 'true', params: [] };
  if (scope.securityGroupId !== null) return { sql: `${column} in (select pu.id from users pu where pu.security_group_id = ?::uuid)`, params: [scope.securityGroupId] };
  return { sql: `${column} in (select pm.user_id from campaign_members pm where pm.campaign_id = any(?::uuid[]))`, params: [pgList(scope.campaignIds)] };
}

/**
 * "The team whose id is in `column` is reached": one with a member the scope reaches, or with none
 * yet. A team of other groups' people only is not there for it (nor a way to hand them chats).
 */
export function teamSql(scope: Scope, column: string): SqlPart {
  if (scope.kind === 'ALL') return { sql: 'true', params: [] };
  const people = peopleSql(scope, 'tm.user_id');
  return {
    sql: `(not exists (select 1 from user_teams tm where tm.team_id = ${column}) or exists (select 1 from user_teams tm where tm.team_id = ${column} and ${people.sql}))`,
    params: people.params,
  };
}

/**
 * "The stored campaign list in `column` (a key's, a hook's; empty: every campaign) lies within the
 * scope": what reaches every campaign is seen only by whoever reaches every campaign.
 */
export function campaignListSql(scope: Scope, column: string): SqlPart {
  if (scope.kind === 'ALL') return { sql: 'true', params: [] };
  return { sql: `(cardinality(${column}) > 0 and ${column} <@ ?::text[])`, params: [pgList(scope.campaignIds)] };
}

/** PostgreSQL's array literal of uuids (they need no quoting). */
const pgList = (ids: Iterable<string>): string => `{${[...ids].join(',')}}`;
