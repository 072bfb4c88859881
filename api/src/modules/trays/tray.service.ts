import { type Em, isUniqueViolation, one, rows } from '../../db/sql.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
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
