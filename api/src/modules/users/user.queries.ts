import { type Em, one } from '../../db/sql.js';
import { notFound } from '../../shared/errors.js';
import type { User } from './user.type.js';

export async function loadUser(em: Em, id: string): Promise<User> {
  const row = await one(
    em,
    `select u.id, u.email, u.name, u.role, u.languages, u.skills, u.max_concurrent_chats, u.may_monitor_screen,
            coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
                        from user_teams ut join teams t on t.id = ut.team_id where ut.user_id = u.id), '[]') as teams
       from users u where u.id = ?`,
    [id],
  );
  if (!row) throw notFound('User');
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
  };
}
