import { allExist, type Em, isUniqueViolation, one, pgArray, rows } from '../../db/sql.js';
import { badInput, conflict } from '../../shared/errors.js';
import type { Team } from './user.type.js';
import { type Committed, committed, directoryChanged } from '../domain-events/domain-event.js';
import { DirectoryPart } from '../directory/directory.enums.js';
import { transaction } from '../../db/transaction.js';

/** Creates a team with its first members. */
export async function createTeam(em: Em, name: string, memberIds: string[] = []): Promise<Committed<Team>> {
  const clean = name.trim();
  if (!clean || clean.length > 100) throw badInput('A team name is 1 to 100 characters', 'name');
  try {
    const team = await transaction(em, async (tx) => {
      const team = (await one<Team>(tx, 'insert into teams (id, name, created_at) values (gen_random_uuid(), ?, now()) returning id, name', [clean]))!;
      if (!(await allExist(tx, 'users', memberIds))) throw badInput('Unknown member', 'memberIds');
      await rows(tx, 'insert into user_teams (user_id, team_id) select u, ? from unnest(?::uuid[]) u', [team.id, pgArray([...new Set(memberIds)])]);
      return team;
    });
    return committed(team, [directoryChanged(DirectoryPart.TEAM)]);
  } catch (err) {
    if (isUniqueViolation(err, 'teams_name_unique')) throw conflict('A team with that name already exists');
    throw err;
  }
}
