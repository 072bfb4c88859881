import { type Em, existingIds, isUniqueViolation, one, rows } from '../../db/sql.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { campaignSql, peopleSql, reaches, type Scope, type SqlPart } from '../auth/scope.rules.js';
import { mayManageGroups, normalizeGroupName } from './security-group.rules.js';
import type { SecurityGroup } from './security-group.type.js';
import { type Committed, committed, directoryChanged } from '../domain-events/domain-event.js';
import { DirectoryPart } from '../directory/directory.enums.js';

/**
 * Answers NOT_FOUND for a campaign outside the scope, as for one that does not exist: a caller is not
 * told that another group's campaign exists. Whether it exists at all is the caller's own question.
 */
export function requireCampaignInScope(scope: Scope, campaignId: string): void {
  if (!reaches(scope, campaignId)) throw notFound('Campaign');
}

export function requireGroupManager(scope: Scope): void {
  if (!mayManageGroups(scope)) throw forbidden('Only administrators without a security group can do this');
}

/** The groups a scope may see: all of them, or its own. */
export function listSecurityGroups(em: Em, scope: Scope): Promise<SecurityGroup[]> {
  if (scope.kind === 'LIMITED' && scope.securityGroupId === null) return Promise.resolve([]);
  const own = scope.kind === 'ALL' ? { sql: 'true', params: [] } : { sql: 'id = ?::uuid', params: [scope.securityGroupId] };
  return rows<SecurityGroup>(em, `select id, name from security_groups where ${own.sql} order by lower(name), id`, own.params);
}

/** Answers BAD_USER_INPUT naming `field` when the group does not exist. */
export async function requireGroup(em: Em, groupId: string, field: string): Promise<void> {
  if (!(await existingIds(em, 'security_groups', [groupId])).has(groupId)) throw badInput('Unknown security group', field);
}

async function writeGroup(em: Em, sql: string, params: unknown[]): Promise<SecurityGroup | null> {
  try {
    return await one<SecurityGroup>(em, sql, params);
  } catch (err) {
    if (isUniqueViolation(err, 'security_groups_name_unique')) throw conflict('A security group with that name already exists');
    throw err;
  }
}

export async function createSecurityGroup(em: Em, rawName: string): Promise<Committed<SecurityGroup>> {
  const name = normalizeGroupName(rawName);
  if (!name) throw badInput('A name is 1 to 80 characters', 'name');
  const group = (await writeGroup(em, 'insert into security_groups (id, name, created_at) values (gen_random_uuid(), ?, now()) returning id, name', [name]))!;
  return committed(group, [directoryChanged(DirectoryPart.SECURITY_GROUP)]);
}

export async function renameSecurityGroup(em: Em, id: string, rawName: string): Promise<Committed<SecurityGroup>> {
  const name = normalizeGroupName(rawName);
  if (!name) throw badInput('A name is 1 to 80 characters', 'name');
  const renamed = await writeGroup(em, 'update security_groups set name = ? where id = ? returning id, name', [name, id]);
  if (!renamed) throw notFound('Security group');
  return committed(renamed, [directoryChanged(DirectoryPart.SECURITY_GROUP)]);
}

/**
 * As `requireCampaignInScope`, for a tray: one of a campaign outside the scope answers NOT_FOUND, and
 * so does the personal tray of a person outside it.
 */
export async function requireTrayInScope(em: Em, scope: Scope, trayId: string): Promise<void> {
  if (scope.kind === 'ALL') return;
  const inScope = trayScopeSql(scope, 't');
  const found = await one(em, `select 1 from trays t where t.id = ? and ${inScope.sql}`, [trayId, ...inScope.params]);
  if (!found) throw notFound('Tray');
}

/** "Tray `alias` is within the scope": its campaign is reached, or, for a personal tray, its owner. */
export function trayScopeSql(scope: Scope, alias: string): SqlPart {
  const campaign = campaignSql(scope, `${alias}.campaign_id`);
  const owner = peopleSql(scope, `${alias}.owner_id`);
  return { sql: `((${alias}.campaign_id is not null and ${campaign.sql}) or (${alias}.campaign_id is null and ${owner.sql}))`, params: [...campaign.params, ...owner.params] };
}
