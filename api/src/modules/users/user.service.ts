import type { Em } from '../../db/sql.js';
import { isUniqueViolation } from '../../db/sql.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { hashPassword } from '../auth/auth.service.js';
import { normalizeLanguage } from '../campaigns/campaign.rules.js';
import { TrayEntity } from '../trays/tray.entity.js';
import { TrayKind } from '../trays/tray.enums.js';
import { TeamEntity } from './team.entity.js';
import { UserEntity } from './user.entity.js';
import { Role } from './user.enums.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  languages?: string[];
  skills?: string[];
  maxConcurrentChats?: number;
  mayMonitorScreen?: boolean;
  teamIds?: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a user; an agent gets its personal tray in the same transaction. */
export async function createUser(em: Em, input: NewUser): Promise<UserEntity> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw badInput('Enter a valid e-mail address', 'email');
  if (!input.name.trim()) throw badInput('Enter a name', 'name');
  if (input.password.length < 10) throw badInput('The password needs at least 10 characters', 'password');
  const max = input.maxConcurrentChats ?? 3;
  if (!Number.isInteger(max) || max < 1 || max > 50) throw badInput('Maximum concurrent chats must be between 1 and 50', 'maxConcurrentChats');
  const languages = (input.languages ?? []).map((l) => normalizeLanguage(l));
  if (languages.some((l) => l === null)) throw badInput('Languages are es, en or pt', 'languages');
  const passwordHash = await hashPassword(input.password);
  try {
    return await em.transactional(async (tx) => {
      const user = tx.create(UserEntity, {
        email,
        name: input.name.trim(),
        passwordHash,
        role: input.role,
        languages: languages as string[],
        skills: [...new Set((input.skills ?? []).map((s) => s.trim().toLowerCase()).filter(Boolean))],
        maxConcurrentChats: max,
        mayMonitorScreen: input.mayMonitorScreen ?? false,
      });
      for (const teamId of input.teamIds ?? []) {
        const team = await tx.findOne(TeamEntity, { id: teamId });
        if (!team) throw badInput('Unknown team', 'teamIds');
        user.teams.add(team);
      }
      if (input.role === Role.AGENT) {
        tx.create(TrayEntity, { name: `Personal: ${user.name}`, kind: TrayKind.PERSONAL, ownerId: user.id, campaignId: null });
      }
      await tx.flush();
      await tx.execute('insert into agent_status (user_id, state_changed_at) values (?, now())', [user.id]);
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_unique')) throw conflict('A user with that e-mail already exists');
    throw err;
  }
}

export interface UserChanges {
  name?: string | null;
  role?: Role | null;
  languages?: string[] | null;
  skills?: string[] | null;
  maxConcurrentChats?: number | null;
  mayMonitorScreen?: boolean | null;
  teamIds?: string[] | null;
}

/** Changes a person's profile; only the fields given change. */
export async function updateUser(em: Em, userId: string, changes: UserChanges): Promise<void> {
  if (!isUuid(userId)) throw notFound('User');
  const sets: string[] = [];
  const params: unknown[] = [];
  const set = (column: string, value: unknown, cast = '') => (sets.push(`${column} = ?${cast}`), params.push(value));
  if (changes.name != null) {
    if (!changes.name.trim()) throw badInput('Enter a name', 'name');
    set('name', changes.name.trim());
  }
  if (changes.role != null) set('role', changes.role, '::role');
  if (changes.languages != null) {
    const languages = changes.languages.map((l) => normalizeLanguage(l));
    if (languages.some((l) => l === null)) throw badInput('Languages are es, en or pt', 'languages');
    set('languages', `{${[...new Set(languages)].join(',')}}`, '::text[]');
  }
  if (changes.skills != null) set('skills', `{${[...new Set(changes.skills.map((s) => s.trim().toLowerCase()).filter(Boolean))].map((s) => JSON.stringify(s)).join(',')}}`, '::text[]');
  if (changes.maxConcurrentChats != null) {
    const max = changes.maxConcurrentChats;
    if (!Number.isInteger(max) || max < 1 || max > 50) throw badInput('Maximum concurrent chats must be between 1 and 50', 'maxConcurrentChats');
    set('max_concurrent_chats', max);
  }
  if (changes.mayMonitorScreen != null) set('may_monitor_screen', changes.mayMonitorScreen);
  await em.transactional(async (tx) => {
    if (!(await tx.execute('select id from users where id = ?', [userId])).length) throw notFound('User');
    if (sets.length) await tx.execute(`update users set ${sets.join(', ')} where id = ?`, [...params, userId]);
    if (changes.teamIds != null) {
      await tx.execute('delete from user_teams where user_id = ?', [userId]);
      for (const teamId of new Set(changes.teamIds)) {
        if (!isUuid(teamId) || !(await tx.execute('select id from teams where id = ?', [teamId])).length) throw badInput('Unknown team', 'teamIds');
        await tx.execute('insert into user_teams (user_id, team_id) values (?, ?)', [userId, teamId]);
      }
    }
  });
}
