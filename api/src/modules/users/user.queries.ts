import { type Em, one, pgArray, rows, type Row } from '../../db/sql.js';
import { notFound } from '../../shared/errors.js';
import { peopleSql, type Scope, teamSql } from '../auth/scope.rules.js';
import type { Role } from './user.enums.js';
import type { TeamMember, TeamWithMembers, User } from './user.type.js';

const USER_SQL = `select u.id, u.email, u.name, u.role, u.languages, u.skills, u.max_concurrent_chats, u.may_monitor_screen, u.active,
                         coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
                                     from user_teams ut join teams t on t.id = ut.team_id where ut.user_id = u.id), '[]') as teams,
                         (select json_build_object('id', g.id, 'name', g.name) from security_groups g where g.id = u.security_group_id) as security_group
                    from users u`;

function toUser(row: Row): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    languages: row.languages,
    skills: row.skills,
    maxConcurrentChats: row.max_concurrent_chats,
    mayMonitorScreen: row.may_monitor_screen,
    teams: row.teams,
    active: row.active,
    securityGroup: row.security_group,
  };
}

export async function loadUser(em: Em, id: string): Promise<User> {
  const [user] = await loadUsers(em, [id]);
  if (!user) throw notFound('User');
  return user;
}

/** People by id, in the order given; an id of nobody is left out. */
export async function loadUsers(em: Em, ids: readonly string[]): Promise<User[]> {
  const found = await rows(em, `${USER_SQL} join unnest(?::uuid[]) with ordinality as given(id, n) on given.id = u.id order by given.n`, [pgArray(ids)]);
  return found.map(toUser);
}

/** People within the scope by name, of one role or all; the deactivated only when asked for. */
export async function listUsers(em: Em, scope: Scope, role: Role | null, includeInactive: boolean): Promise<User[]> {
  const inScope = peopleSql(scope, 'u.id');
  const found = await rows(em, `${USER_SQL} where (?::role is null or u.role = ?::role) and (? or u.active) and ${inScope.sql} order by lower(u.name), u.id`, [
    role,
    role,
    includeInactive,
    ...inScope.params,
  ]);
  return found.map(toUser);
}

/** The teams within the scope by name, with their active members within it. */
export function listTeams(em: Em, scope: Scope): Promise<TeamWithMembers[]> {
  const inScope = peopleSql(scope, 'u.id');
  const teamInScope = teamSql(scope, 't.id');
  return rows<TeamWithMembers>(
    em,
    `select t.id, t.name,
            coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by lower(u.name))
                        from user_teams ut join users u on u.id = ut.user_id where ut.team_id = t.id and u.active and ${inScope.sql}), '[]') as members
       from teams t where ${teamInScope.sql} order by lower(t.name)`,
    [...inScope.params, ...teamInScope.params],
  );
}

/** Active supervisors and administrators within the scope by name: whom an agent may ask for help. */
export function listSupervisors(em: Em, scope: Scope): Promise<TeamMember[]> {
  const inScope = peopleSql(scope, 'u.id');
  return rows<TeamMember>(em, `select u.id, u.name from users u where u.active and u.role in ('SUPERVISOR', 'ADMIN') and ${inScope.sql} order by lower(u.name), u.id`, inScope.params);
}

/** A campaign's members by name; an unknown campaign answers NOT_FOUND rather than an empty list. */
export async function listCampaignMembers(em: Em, scope: Scope, campaignId: string): Promise<TeamMember[]> {
  if (!(await one(em, 'select 1 from campaigns where id = ?', [campaignId]))) throw notFound('Campaign');
  const inScope = peopleSql(scope, 'u.id');
  return rows<TeamMember>(em, `select u.id, u.name from campaign_members m join users u on u.id = m.user_id where m.campaign_id = ? and ${inScope.sql} order by lower(u.name), u.id`, [
    campaignId,
    ...inScope.params,
  ]);
}
