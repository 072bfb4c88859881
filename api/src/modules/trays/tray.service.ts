import { type Em, isUniqueViolation, one, rows } from '../../db/sql.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { Topic } from '../../shared/topics.js';
import type { Deps } from '../../server/deps.js';
import type { Onlooker } from '../interactions/visibility.rules.js';
import { Role } from '../users/user.enums.js';
import { TrayKind } from './tray.enums.js';

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
  if (who.kind === 'KEY') {
    return who.campaignIds.length === 0
      ? rows<TrayRow>(em, `select ${COLUMNS} from trays where kind <> 'PERSONAL' or ? order by name`, [who.supervise])
      : rows<TrayRow>(em, `select ${COLUMNS} from trays where campaign_id = any(?::uuid[]) order by name`, [`{${who.campaignIds.join(',')}}`]);
  }
  if (who.role !== Role.AGENT) return rows<TrayRow>(em, `select ${COLUMNS} from trays order by kind, name`);
  return rows<TrayRow>(
    em,
    `select ${COLUMNS} from trays
      where kind in ('GENERAL', 'CLOSED') or owner_id = ? or id = any(?::uuid[])
      order by kind, name`,
    [who.userId, `{${[...who.customTrayIds].join(',')}}`],
  );
}

export interface NewTray {
  name: string;
  campaignId: string;
  userIds?: string[];
  teamIds?: string[];
}

/** Creates a CUSTOM tray of a campaign with its access list. */
export async function createTray(em: Em, input: NewTray): Promise<TrayRow> {
  const name = input.name.trim();
  if (!name) throw badInput('Enter a name', 'name');
  if (!(await one(em, 'select id from campaigns where id = ?', [input.campaignId]))) throw notFound('Campaign');
  try {
    return await em.transactional(async (tx) => {
      const tray = (await one<TrayRow>(
        tx,
        `insert into trays (id, name, kind, campaign_id, created_at) values (gen_random_uuid(), ?, 'CUSTOM', ?, now()) returning ${COLUMNS}`,
        [name, input.campaignId],
      ))!;
      for (const userId of new Set(input.userIds ?? [])) {
        if (!(await one(tx, 'select id from users where id = ?', [userId]))) throw badInput('Unknown user', 'userIds');
        await rows(tx, 'insert into tray_access (id, tray_id, user_id) values (gen_random_uuid(), ?, ?)', [tray.id, userId]);
      }
      for (const teamId of new Set(input.teamIds ?? [])) {
        if (!(await one(tx, 'select id from teams where id = ?', [teamId]))) throw badInput('Unknown team', 'teamIds');
        await rows(tx, 'insert into tray_access (id, tray_id, team_id) values (gen_random_uuid(), ?, ?)', [tray.id, teamId]);
      }
      return tray;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('The campaign already has a tray with that name');
    throw err;
  }
}

/** The custom trays each of these people may see, directly or through a team. */
export async function customTraysOf(em: Em, userIds: string[]): Promise<Map<string, string[]>> {
  const access = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return access;
  const found = await rows<{ user_id: string; trays: string[] }>(
    em,
    `select u.id as user_id,
            coalesce((select array_agg(distinct ta.tray_id) from tray_access ta
                       where ta.user_id = u.id or ta.team_id in (select team_id from user_teams where user_id = u.id)), '{}') as trays
       from users u where u.id = any(?::uuid[])`,
    [`{${userIds.join(',')}}`],
  );
  for (const r of found) access.set(r.user_id, r.trays);
  return access;
}

/** Replaces who may see a custom tray; connected people's sessions follow at once. */
export async function setTrayAccess(deps: Deps, em: Em, trayId: string, userIds: string[], teamIds: string[]): Promise<TrayRow> {
  const tray = isUuid(trayId) ? await one<TrayRow>(em, `select ${COLUMNS} from trays where id = ?`, [trayId]) : null;
  if (!tray) throw notFound('Tray');
  if (tray.kind !== TrayKind.CUSTOM) throw badInput('Only custom trays have an access list', 'trayId');
  if ([...userIds, ...teamIds].some((id) => !isUuid(id))) throw badInput('Unknown user or team', 'userIds');
  await em.transactional(async (tx) => {
    await rows(tx, 'delete from tray_access where tray_id = ?', [trayId]);
    for (const userId of new Set(userIds)) {
      if (!(await one(tx, 'select id from users where id = ?', [userId]))) throw badInput('Unknown user', 'userIds');
      await rows(tx, 'insert into tray_access (id, tray_id, user_id) values (gen_random_uuid(), ?, ?)', [trayId, userId]);
    }
    for (const teamId of new Set(teamIds)) {
      if (!(await one(tx, 'select id from teams where id = ?', [teamId]))) throw badInput('Unknown team', 'teamIds');
      await rows(tx, 'insert into tray_access (id, tray_id, team_id) values (gen_random_uuid(), ?, ?)', [trayId, teamId]);
    }
  });
  await deps.topics.publish(Topic.CONTROL, undefined, { type: 'ACCESS_CHANGED' });
  return tray;
}
