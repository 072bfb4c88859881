import { allExist, type Em, isUniqueViolation, one, pgArray, rows } from '../../db/sql.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { type Committed, committed, directoryChanged } from '../domain-events/domain-event.js';
import { DirectoryPart } from '../directory/directory.enums.js';
import type { Onlooker } from '../interactions/visibility.rules.js';
import { Role } from '../users/user.enums.js';
import { trayScopeSql } from '../campaigns/security-group.service.js';
import { peopleSql, type Scope, teamSql } from '../auth/scope.rules.js';
import { TrayKind } from './tray.enums.js';
import { transaction } from '../../db/transaction.js';

export interface TrayRow {
  id: string;
  name: string;
  kind: TrayKind;
  campaignId: string | null;
  ownerId: string | null;
}

const COLUMNS = 'id, name, kind, campaign_id as "campaignId", owner_id as "ownerId"';

/** The trays a viewer may open: every tray for supervisors; for agents, shared trays, its own and granted ones. */
export async function visibleTrays(em: Em, who: Onlooker): Promise<TrayRow[]> {
  if (who.kind === 'NOBODY' || who.kind === 'VISITOR') return [];
  const inScope = trayScopeSql(who.scope, 'trays');
  if (who.kind === 'KEY') {
    return rows<TrayRow>(em, `select ${COLUMNS} from trays where (kind <> 'PERSONAL' or ?) and ${inScope.sql} order by name`, [who.supervise, ...inScope.params]);
  }
  if (who.role !== Role.AGENT) return rows<TrayRow>(em, `select ${COLUMNS} from trays where ${inScope.sql} order by kind, name`, inScope.params);
  return rows<TrayRow>(
    em,
    `select ${COLUMNS} from trays
      where (kind in ('GENERAL', 'CLOSED') or owner_id = ? or id = any(?::uuid[])) and ${inScope.sql}
      order by kind, name`,
    [who.userId, pgArray([...who.customTrayIds]), ...inScope.params],
  );
}

export interface NewTray {
  name: string;
  campaignId: string;
  userIds?: string[];
  teamIds?: string[];
}

/** Grants a tray to people and teams, in the caller's transaction; unknown ids change nothing. */
async function writeTrayAccess(tx: Em, trayId: string, userIds: string[], teamIds: string[]): Promise<void> {
  if (!(await allExist(tx, 'users', userIds))) throw badInput('Unknown user', 'userIds');
  if (!(await allExist(tx, 'teams', teamIds))) throw badInput('Unknown team', 'teamIds');
  await rows(tx, 'insert into tray_access (id, tray_id, user_id) select gen_random_uuid(), ?, u from unnest(?::uuid[]) u', [trayId, pgArray([...new Set(userIds)])]);
  await rows(tx, 'insert into tray_access (id, tray_id, team_id) select gen_random_uuid(), ?, t from unnest(?::uuid[]) t', [trayId, pgArray([...new Set(teamIds)])]);
}

/** Creates a CUSTOM tray of a campaign with its access list. */
export async function createTray(em: Em, input: NewTray): Promise<Committed<TrayRow>> {
  const name = input.name.trim();
  if (!name) throw badInput('Enter a name', 'name');
  if (!(await one(em, 'select id from campaigns where id = ?', [input.campaignId]))) throw notFound('Campaign');
  try {
    const created = await transaction(em, async (tx) => {
      const tray = (await one<TrayRow>(tx, `insert into trays (id, name, kind, campaign_id, created_at) values (gen_random_uuid(), ?, 'CUSTOM', ?, now()) returning ${COLUMNS}`, [
        name,
        input.campaignId,
      ]))!;
      await writeTrayAccess(tx, tray.id, input.userIds ?? [], input.teamIds ?? []);
      return tray;
    });
    const granted = (input.userIds?.length ?? 0) + (input.teamIds?.length ?? 0) > 0;
    return committed(created, [...(granted ? [{ kind: 'TRAY_ACCESS_CHANGED' } as const] : []), directoryChanged(DirectoryPart.TRAY, created.campaignId)]);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('The campaign already has a tray with that name');
    throw err;
  }
}

/** Replaces who, within the scope, may see a custom tray; connected people's sessions follow at once. */
export async function setTrayAccess(em: Em, scope: Scope, trayId: string, userIds: string[], teamIds: string[]): Promise<Committed<TrayRow>> {
  const tray = await one<TrayRow>(em, `select ${COLUMNS} from trays where id = ?`, [trayId]);
  if (!tray) throw notFound('Tray');
  if (tray.kind !== TrayKind.CUSTOM) throw badInput('Only custom trays have an access list', 'trayId');
  await transaction(em, async (tx) => {
    // Grants to people and teams beyond the scope are not shown to it, so they are not its to remove.
    const people = peopleSql(scope, 'user_id');
    const teams = teamSql(scope, 'team_id');
    await rows(tx, `delete from tray_access where tray_id = ? and ((user_id is not null and ${people.sql}) or (team_id is not null and ${teams.sql}))`, [trayId, ...people.params, ...teams.params]);
    await writeTrayAccess(tx, trayId, userIds, teamIds);
  });
  return committed(tray, [{ kind: 'TRAY_ACCESS_CHANGED' }, directoryChanged(DirectoryPart.TRAY_ACCESS, tray.campaignId)]);
}

/** The people and teams granted a tray, by name. */
export async function trayAccess(em: Em, scope: Scope, trayId: string): Promise<{ users: { id: string; name: string }[]; teams: { id: string; name: string }[] }> {
  if (!(await one(em, 'select 1 from trays where id = ?', [trayId]))) throw notFound('Tray');
  const people = peopleSql(scope, 'u.id');
  const inTeams = teamSql(scope, 't.id');
  const users = await rows<{ id: string; name: string }>(em, `select u.id, u.name from tray_access a join users u on u.id = a.user_id where a.tray_id = ? and ${people.sql} order by lower(u.name)`, [
    trayId,
    ...people.params,
  ]);
  const teams = await rows<{ id: string; name: string }>(em, `select t.id, t.name from tray_access a join teams t on t.id = a.team_id where a.tray_id = ? and ${inTeams.sql} order by lower(t.name)`, [
    trayId,
    ...inTeams.params,
  ]);
  return { users, teams };
}
