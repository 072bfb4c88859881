import { allExist, type Em, isUniqueViolation, one, pgArray, rows } from '../../db/sql.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { committed, type Committed, directoryChanged, type DomainEvent } from '../domain-events/domain-event.js';
import { DirectoryPart } from '../directory/directory.enums.js';
import { hashPassword } from '../auth/auth.service.js';
import { type Scope } from '../auth/scope.rules.js';
import { personGroupDecision } from '../campaigns/security-group.rules.js';
import { requireGroup } from '../campaigns/security-group.service.js';
import { TrayEntity } from '../trays/tray.entity.js';
import { TrayKind } from '../trays/tray.enums.js';
import { UserEntity } from './user.entity.js';
import { Role } from './user.enums.js';
import { isEmail, MAX_CHATS_LIMIT, MIN_PASSWORD_LENGTH, normalizeEmail, normalizeLanguages, normalizeSkills, roleChangeRefusal, validMaxChats, validPassword } from './user.rules.js';

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
  securityGroupId?: string | null;
}

/** Creates a user; an agent gets its personal tray in the same transaction. */
export async function createUser(em: Em, input: NewUser, scope: Scope): Promise<Committed<UserEntity>> {
  const email = normalizeEmail(input.email);
  if (!isEmail(email)) throw badInput('Enter a valid e-mail address', 'email');
  if (!input.name.trim()) throw badInput('Enter a name', 'name');
  if (!validPassword(input.password)) throw badInput(`The password needs at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  const max = input.maxConcurrentChats ?? 3;
  if (!validMaxChats(max)) throw badInput(`Maximum concurrent chats must be between 1 and ${MAX_CHATS_LIMIT}`, 'maxConcurrentChats');
  const languages = normalizeLanguages(input.languages ?? []);
  if (!languages) throw badInput('Languages are es, en or pt', 'languages');
  const group = personGroupDecision(scope, null, input.securityGroupId);
  if (group.kind === 'REFUSED' || group.kind === 'NOT_FOUND') throw forbidden(group.kind === 'REFUSED' ? group.reason : 'Outside your scope');
  if (input.securityGroupId) await requireGroup(em, input.securityGroupId, 'securityGroupId');
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await em.transactional(async (tx) => {
      if (!(await allExist(tx, 'teams', input.teamIds ?? []))) throw badInput('Unknown team', 'teamIds');
      const user = tx.create(UserEntity, {
        email,
        name: input.name.trim(),
        passwordHash,
        role: input.role,
        languages,
        skills: normalizeSkills(input.skills ?? []),
        maxConcurrentChats: max,
        mayMonitorScreen: input.mayMonitorScreen ?? false,
        securityGroupId: group.kind === 'SET' ? group.groupId : null,
      });
      if (input.role === Role.AGENT) {
        tx.create(TrayEntity, { name: `Personal: ${user.name}`, kind: TrayKind.PERSONAL, ownerId: user.id, campaignId: null });
      }
      await tx.flush();
      await rows(tx, 'insert into agent_status (user_id, state_changed_at) values (?, now())', [user.id]);
      await rows(tx, 'insert into user_teams (user_id, team_id) select ?, t from unnest(?::uuid[]) t', [user.id, pgArray([...new Set(input.teamIds ?? [])])]);
      return user;
    });
    // An agent's personal tray is among the trays supervisors list.
    return committed(user, [directoryChanged(DirectoryPart.USER), ...(input.role === Role.AGENT ? [directoryChanged(DirectoryPart.TRAY)] : [])]);
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
  /** Undefined leaves it; null removes it. */
  securityGroupId?: string | null;
}

/**
 * Changes a person's profile; only the fields given change. What routing reads (maximum, languages,
 * skills) takes effect at once: a raised maximum gives the agent waiting chats by that event.
 */
export async function updateUser(em: Em, userId: string, changes: UserChanges, scope: Scope): Promise<Committed<void>> {
  const sets: string[] = [];
  const params: unknown[] = [];
  const set = (column: string, value: unknown, cast = '') => (sets.push(`${column} = ?${cast}`), params.push(value));
  if (changes.name != null) {
    if (!changes.name.trim()) throw badInput('Enter a name', 'name');
    set('name', changes.name.trim());
  }
  if (changes.role != null) set('role', changes.role, '::role');
  if (changes.languages != null) {
    const languages = normalizeLanguages(changes.languages);
    if (!languages) throw badInput('Languages are es, en or pt', 'languages');
    set('languages', pgArray(languages), '::text[]');
  }
  if (changes.skills != null) set('skills', pgArray(normalizeSkills(changes.skills)), '::text[]');
  if (changes.maxConcurrentChats != null) {
    if (!validMaxChats(changes.maxConcurrentChats)) throw badInput(`Maximum concurrent chats must be between 1 and ${MAX_CHATS_LIMIT}`, 'maxConcurrentChats');
    set('max_concurrent_chats', changes.maxConcurrentChats);
  }
  if (changes.mayMonitorScreen != null) set('may_monitor_screen', changes.mayMonitorScreen);
  await em.transactional(async (tx) => {
    const current = await one<{ role: Role; name: string; held: number; security_group_id: string | null }>(
      tx,
      `select role, name, security_group_id, (select count(*)::int from interactions i where i.agent_id = u.id and i.phase = 'IN_SERVICE') as held
         from users u where id = ? for update`,
      [userId],
    );
    if (!current) throw notFound('User');
    if (changes.role != null) {
      const refusal = roleChangeRefusal(current.role, changes.role, current.held);
      if (refusal) throw conflict(refusal);
    }
    const group = personGroupDecision(scope, { role: current.role, securityGroupId: current.security_group_id }, changes.securityGroupId);
    if (group.kind === 'NOT_FOUND') throw notFound('User');
    if (group.kind === 'REFUSED') throw forbidden(group.reason);
    if (changes.securityGroupId) await requireGroup(tx, changes.securityGroupId, 'securityGroupId');
    if (group.kind === 'SET') set('security_group_id', group.groupId, '::uuid');
    if (sets.length) await rows(tx, `update users set ${sets.join(', ')} where id = ?`, [...params, userId]);
    // A new agent gets its personal tray; one who stops being an agent keeps it, so chats stay where they were.
    if (changes.role === Role.AGENT) {
      await rows(
        tx,
        `insert into trays (id, name, kind, owner_id, campaign_id, created_at)
         select gen_random_uuid(), ?, 'PERSONAL', ?, null, now() where not exists (select 1 from trays where kind = 'PERSONAL' and owner_id = ?)`,
        [`Personal: ${changes.name?.trim() || current.name}`, userId, userId],
      );
    }
    if (changes.teamIds != null) {
      if (!(await allExist(tx, 'teams', changes.teamIds))) throw badInput('Unknown team', 'teamIds');
      await rows(tx, 'delete from user_teams where user_id = ?', [userId]);
      await rows(tx, 'insert into user_teams (user_id, team_id) select ?, t from unnest(?::uuid[]) t', [userId, pgArray([...new Set(changes.teamIds)])]);
    }
  });
  const routable = changes.maxConcurrentChats != null || changes.languages != null || changes.skills != null || changes.role != null;
  const events: DomainEvent[] = [directoryChanged(DirectoryPart.USER)];
  // Trays are granted to teams too: a person's teams decide which trays they reach.
  if (changes.teamIds != null) events.push(directoryChanged(DirectoryPart.TEAM), { kind: 'TRAY_ACCESS_CHANGED' }, directoryChanged(DirectoryPart.TRAY_ACCESS));
  if (changes.role === Role.AGENT) events.push(directoryChanged(DirectoryPart.TRAY));
  if (routable) events.push({ kind: 'AGENT_CAPACITY', agentId: userId });
  return committed(undefined, events);
}
