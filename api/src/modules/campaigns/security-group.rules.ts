/**
 * Security groups: every campaign belongs to one; a person may belong to one and then reaches only its
 * campaigns (see auth/scope.rules.ts, where every path asks). Here: what a scope may do to groups,
 * campaigns and people when it administers them.
 */
import { mayManagePeople, type Scope } from '../auth/scope.rules.js';

/** The group every campaign starts in, made by the migration; also the column's default. */
export const DEFAULT_SECURITY_GROUP_ID = '00000000-0000-4000-8000-000000000001';

/** What the rules need to know about a person being created or changed. */
export interface ScopeSubject {
  role: string | null;
  securityGroupId: string | null;
}

/**
 * Whether the scope may manage groups: create and rename them, move campaigns between them, and set
 * people's groups. Only whoever sees everything may, or a grouped administrator could widen itself.
 */
export const mayManageGroups = (scope: Scope): boolean => scope.kind === 'ALL';

/**
 * The group a new campaign goes to: a grouped administrator's own (asking for another is refused);
 * for whoever sees everything, the one asked for, else the default group. A key limited to campaigns
 * has no group to put one in.
 */
export function groupForNewCampaign(scope: Scope, asked: string | null | undefined): { groupId: string } | { refused: true } {
  if (scope.kind === 'LIMITED') {
    if (scope.securityGroupId === null) return { refused: true };
    return asked && asked !== scope.securityGroupId ? { refused: true } : { groupId: scope.securityGroupId };
  }
  return { groupId: asked ?? DEFAULT_SECURITY_GROUP_ID };
}

/** A group's name: trimmed, 1 to 80 characters; null when it is none. */
export function normalizeGroupName(raw: string): string | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  return name.length >= 1 && name.length <= 80 ? name : null;
}

/** What happens to a person's security group when someone in a scope creates or changes them. */
export type PersonGroupDecision = { kind: 'KEEP' } | { kind: 'SET'; groupId: string | null } | { kind: 'REFUSED'; reason: string } | { kind: 'NOT_FOUND' };

/**
 * Whoever sees everything sets any group (null: none). A grouped administrator reaches only the people
 * of its group (anyone else is not found), gives no group but its own, and whoever it creates joins
 * its group, so it can never make a person who reaches more than it does. A key limited to campaigns
 * has no group and manages no people. `current` is null for a new person; `asked` undefined when the
 * request does not mention the group.
 */
export function personGroupDecision(scope: Scope, current: ScopeSubject | null, asked: string | null | undefined): PersonGroupDecision {
  if (scope.kind === 'ALL') {
    if (asked !== undefined) return { kind: 'SET', groupId: asked };
    return current ? { kind: 'KEEP' } : { kind: 'SET', groupId: null };
  }
  if (!mayManagePeople(scope)) return { kind: 'REFUSED', reason: 'A key limited to some campaigns cannot manage people' };
  const own = scope.securityGroupId;
  if (current && current.securityGroupId !== own) return { kind: 'NOT_FOUND' };
  if (asked !== undefined && asked !== own) return { kind: 'REFUSED', reason: 'Only administrators without a security group can set security groups' };
  return current ? { kind: 'KEEP' } : { kind: 'SET', groupId: own };
}
