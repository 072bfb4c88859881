/**
 * The spec: "Administrators see the campaigns of their security group." Every campaign belongs to one
 * group; an administrator may belong to one. The rule lives here once, and every reader of
 * administrator-facing campaign data (campaigns, members, canned responses, trays, the conversations
 * report, webhooks) asks it through `campaignScopeSql` or `scopeAllows`.
 */

/** The group every campaign starts in, made by the migration; also the column's default. */
export const DEFAULT_SECURITY_GROUP_ID = '00000000-0000-4000-8000-000000000001';

/** Which campaigns someone may see through the administration: all of them, or one group's. */
export type CampaignScope = { kind: 'ALL' } | { kind: 'GROUP'; securityGroupId: string };

export const ALL_CAMPAIGNS: CampaignScope = { kind: 'ALL' };

/** What the rule needs to know about the person asking. */
export interface ScopeSubject {
  /** Null for keys, visitors and the anonymous: they keep their own rules. */
  role: string | null;
  securityGroupId: string | null;
}

/**
 * Only an administrator with a group is narrowed. One without a group is the installation's owner
 * and sees every campaign. Supervisors and agents are not narrowed (the spec speaks only of
 * administrators), and a group set on them has no effect until they become administrators.
 */
export function campaignScope(who: ScopeSubject): CampaignScope {
  if (who.role !== 'ADMIN' || who.securityGroupId === null) return ALL_CAMPAIGNS;
  return { kind: 'GROUP', securityGroupId: who.securityGroupId };
}

/** Whether a campaign of this group is within the scope. */
export function scopeAllows(scope: CampaignScope, campaignGroupId: string): boolean {
  return scope.kind === 'ALL' || scope.securityGroupId === campaignGroupId;
}

/**
 * Whether the scope may manage groups: create and rename them, move campaigns between them, and set
 * people's groups. Only whoever sees everything may, or a grouped administrator could widen itself.
 */
export const mayManageGroups = (scope: CampaignScope): boolean => scope.kind === 'ALL';

/**
 * The group a new campaign goes to: a grouped administrator's own (asking for another is refused);
 * for whoever sees everything, the one asked for, else the default group.
 */
export function groupForNewCampaign(scope: CampaignScope, asked: string | null | undefined): { groupId: string } | { refused: true } {
  if (scope.kind === 'GROUP') return asked && asked !== scope.securityGroupId ? { refused: true } : { groupId: scope.securityGroupId };
  return { groupId: asked ?? DEFAULT_SECURITY_GROUP_ID };
}

/**
 * The SQL condition "the campaign whose group is in `groupColumn` is within the scope", with its
 * parameters. The same rule as `scopeAllows`, for queries that filter many rows.
 */
export function campaignScopeSql(scope: CampaignScope, groupColumn: string): { sql: string; params: unknown[] } {
  return scope.kind === 'ALL' ? { sql: 'true', params: [] } : { sql: `${groupColumn} = ?::uuid`, params: [scope.securityGroupId] };
}

/** A group's name: trimmed, 1 to 80 characters; null when it is none. */
export function normalizeGroupName(raw: string): string | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  return name.length >= 1 && name.length <= 80 ? name : null;
}

/** What happens to a person's security group when someone in a scope creates or changes them. */
export type PersonGroupDecision = { kind: 'KEEP' } | { kind: 'SET'; groupId: string | null } | { kind: 'REFUSED'; reason: string };

/**
 * Whoever sees everything sets any group (null: none). A grouped administrator may not touch an
 * administrator outside its group, nor give any group but its own; whoever it creates or makes an
 * administrator joins its group, so it can never make an administrator who sees more than it does.
 * `current` is null for a new person; `asked` undefined when the request does not mention the group.
 */
export function personGroupDecision(scope: CampaignScope, current: ScopeSubject | null, nextRole: string, asked: string | null | undefined): PersonGroupDecision {
  if (scope.kind === 'ALL') {
    if (asked !== undefined) return { kind: 'SET', groupId: asked };
    return current ? { kind: 'KEEP' } : { kind: 'SET', groupId: null };
  }
  const own = scope.securityGroupId;
  if (current?.role === 'ADMIN' && current.securityGroupId !== own) {
    return { kind: 'REFUSED', reason: 'Only administrators without a security group can change an administrator outside your group' };
  }
  if (asked !== undefined && asked !== own) return { kind: 'REFUSED', reason: 'Only administrators without a security group can set security groups' };
  const becomesAdmin = nextRole === 'ADMIN' && current?.role !== 'ADMIN';
  return !current || becomesAdmin || asked === own ? { kind: 'SET', groupId: own } : { kind: 'KEEP' };
}
