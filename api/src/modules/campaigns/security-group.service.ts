import { type Em, isUniqueViolation, one, rows } from '../../db/sql.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { Viewer } from '../auth/viewer.js';
import { ALL_CAMPAIGNS, type CampaignScope, campaignScope, campaignScopeSql, mayManageGroups, normalizeGroupName } from './security-group.rules.js';
import type { SecurityGroup } from './security-group.type.js';

/**
 * The viewer's campaign scope. The group is read from the database on each request rather than
 * carried on the session, so moving an administrator to another group takes effect at once.
 */
export async function scopeOf(em: Em, viewer: Viewer): Promise<CampaignScope> {
  if (viewer.kind !== 'USER' || viewer.role !== 'ADMIN') return ALL_CAMPAIGNS;
  const row = await one<{ security_group_id: string | null }>(em, 'select security_group_id from users where id = ?', [viewer.userId]);
  return campaignScope({ role: viewer.role, securityGroupId: row?.security_group_id ?? null });
}

/**
 * Answers NOT_FOUND for a campaign outside a grouped administrator's scope, as for one that does not
 * exist: it is not told that another group's campaign exists. The scope ALL checks nothing, so the
 * callers' own answers for unknown campaigns stay as they were.
 */
export async function requireCampaignInScope(em: Em, scope: CampaignScope, campaignId: string): Promise<void> {
  if (scope.kind === 'ALL') return;
  const inScope = campaignScopeSql(scope, 'security_group_id');
  if (!(await one(em, `select 1 from campaigns where id = ? and ${inScope.sql}`, [campaignId, ...inScope.params]))) throw notFound('Campaign');
}

export function requireGroupManager(scope: CampaignScope): void {
  if (!mayManageGroups(scope)) throw forbidden('Only administrators without a security group can do this');
}

/** The groups a scope may see: all of them, or its own. */
export function listSecurityGroups(em: Em, scope: CampaignScope): Promise<SecurityGroup[]> {
  const inScope = campaignScopeSql(scope, 'id');
  return rows<SecurityGroup>(em, `select id, name from security_groups where ${inScope.sql} order by lower(name), id`, inScope.params);
}

/** Answers BAD_USER_INPUT naming `field` when the group does not exist. */
export async function requireGroup(em: Em, groupId: string, field: string): Promise<void> {
  if (!isUuid(groupId) || !(await one(em, 'select 1 from security_groups where id = ?', [groupId]))) throw badInput('Unknown security group', field);
}

async function writeGroup(em: Em, sql: string, params: unknown[]): Promise<SecurityGroup | null> {
  try {
    return await one<SecurityGroup>(em, sql, params);
  } catch (err) {
    if (isUniqueViolation(err, 'security_groups_name_unique')) throw conflict('A security group with that name already exists');
    throw err;
  }
}

export async function createSecurityGroup(em: Em, rawName: string): Promise<SecurityGroup> {
  const name = normalizeGroupName(rawName);
  if (!name) throw badInput('A name is 1 to 80 characters', 'name');
  return (await writeGroup(em, 'insert into security_groups (id, name, created_at) values (gen_random_uuid(), ?, now()) returning id, name', [name]))!;
}

export async function renameSecurityGroup(em: Em, id: string, rawName: string): Promise<SecurityGroup> {
  const name = normalizeGroupName(rawName);
  if (!name) throw badInput('A name is 1 to 80 characters', 'name');
  const renamed = await writeGroup(em, 'update security_groups set name = ? where id = ? returning id, name', [name, id]);
  if (!renamed) throw notFound('Security group');
  return renamed;
}

/** As `requireCampaignInScope`, for a tray: one of another group's campaign answers NOT_FOUND; personal trays belong to no campaign. */
export async function requireTrayInScope(em: Em, scope: CampaignScope, trayId: string): Promise<void> {
  if (scope.kind === 'ALL') return;
  const inScope = campaignScopeSql(scope, 'c.security_group_id');
  const found = await one(em, `select 1 from trays t left join campaigns c on c.id = t.campaign_id where t.id = ? and (t.campaign_id is null or ${inScope.sql})`, [trayId, ...inScope.params]);
  if (!found) throw notFound('Tray');
}
