import pLimit from 'p-limit';
import { allExist, type Em, existingIds, isUniqueViolation, one, pgArray, rows } from '../../db/sql.js';
import { badInput, conflict, ErrorCode, forbidden, notFound, ParleyError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { committed, type Committed, directoryChanged, type DomainEvent } from '../domain-events/domain-event.js';
import { DirectoryPart } from '../directory/directory.enums.js';
import { hashPassword } from '../auth/auth.service.js';
import { type Scope } from '../auth/scope.rules.js';
import { personGroupDecision } from '../campaigns/security-group.rules.js';
import { requireGroup } from '../campaigns/security-group.service.js';
import { reachedTeams } from './people.access.js';
import { Role } from './user.enums.js';
import {
  type CheckedPerson,
  checkNewPeople,
  checkNewPerson,
  MAX_CHATS_LIMIT,
  MAX_PEOPLE_AT_ONCE,
  type NewPersonFields,
  normalizeLanguages,
  normalizeSkills,
  roleChangeRefusal,
  type RowProblem,
  validMaxChats,
} from './user.rules.js';
import { transaction } from '../../db/transaction.js';

export interface NewUser extends NewPersonFields {
  role: Role;
  mayMonitorScreen?: boolean | null;
  teamIds?: readonly string[] | null;
  securityGroupId?: string | null;
}

/** A person ready to be stored: checked, its password hashed, in the group its creator's scope gives. */
interface PersonRow extends CheckedPerson {
  id: string;
  passwordHash: string;
  role: Role;
  mayMonitorScreen: boolean;
  securityGroupId: string | null;
  teamIds: string[];
}

/** Creates a user; an agent gets its personal tray in the same transaction. */
export async function createUser(em: Em, input: NewUser, scope: Scope): Promise<Committed<{ id: string }>> {
  const check = checkNewPerson(input);
  if (!check.ok) throw badInput(check.reason, check.field);
  const group = groupOfNewPerson(scope, input.securityGroupId);
  if ('refused' in group) throw forbidden(group.refused);
  if (input.securityGroupId != null) await requireGroup(em, input.securityGroupId, 'securityGroupId');
  const person = personRow(check.person, input, group.groupId, await hashPassword(input.password));
  try {
    await transaction(em, async (tx) => {
      if (!(await allExist(tx, 'teams', person.teamIds))) throw badInput('Unknown team', 'teamIds');
      await insertPeople(tx, [person]);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_unique')) throw conflict('A user with that e-mail already exists');
    throw err;
  }
  return committed({ id: person.id }, peopleCreated([person]));
}

/**
 * Creates people in bulk, all or none: every row is checked before anything is written, and one row
 * at fault refuses the whole list, naming every row at fault (see `rowsRefused`). Each row is created
 * as `createUser` creates one, within the same scope rule. Answers the new ids in the list's order.
 */
export async function createUsers(em: Em, inputs: readonly NewUser[], scope: Scope): Promise<Committed<string[]>> {
  if (inputs.length > MAX_PEOPLE_AT_ONCE) throw badInput(`Create at most ${MAX_PEOPLE_AT_ONCE} people at once`, 'input');
  if (inputs.length === 0) return committed([]);
  const checked = checkNewPeople(inputs);
  if (!checked.ok) throw rowsRefused(ErrorCode.BAD_USER_INPUT, checked.problems);
  const groups = inputs.map((input) => groupOfNewPerson(scope, input.securityGroupId));
  const refused = problemsOf(groups, (group) => ('refused' in group ? ['securityGroupId', group.refused] : null));
  if (refused.length) throw rowsRefused(ErrorCode.FORBIDDEN, refused);
  const groupsFound = await existingIds(
    em,
    'security_groups',
    inputs.flatMap((input) => input.securityGroupId ?? []),
  );
  const teamsReached = await reachedTeams(
    em,
    scope,
    inputs.flatMap((input) => input.teamIds ?? []),
  );
  const unknown = problemsOf(inputs, (input) => {
    if (input.securityGroupId != null && !groupsFound.has(input.securityGroupId)) return ['securityGroupId', 'Unknown security group'];
    return input.teamIds?.some((id) => !teamsReached.has(id)) ? ['teamIds', 'Unknown team'] : null;
  });
  if (unknown.length) throw rowsRefused(ErrorCode.BAD_USER_INPUT, unknown);
  const emails = checked.people.map((p) => p.email);
  const taken = await emailsTaken(em, emails);
  if (taken.length) throw rowsRefused(ErrorCode.CONFLICT, taken);
  const hashes = await hashAll(inputs.map((input) => input.password));
  const groupIds = groups.map((group) => ('groupId' in group ? group.groupId : null));
  const people = inputs.map((input, row) => personRow(checked.people[row]!, input, groupIds[row] ?? null, hashes[row]!));
  try {
    await transaction(em, (tx) => insertPeople(tx, people));
  } catch (err) {
    // Someone took one of the e-mails while the passwords were hashed.
    if (!isUniqueViolation(err, 'users_email_unique')) throw err;
    const takenSince = await emailsTaken(em, emails);
    throw takenSince.length ? rowsRefused(ErrorCode.CONFLICT, takenSince) : conflict('A user with that e-mail already exists');
  }
  return committed(
    people.map((p) => p.id),
    peopleCreated(people),
  );
}

/** The group a new person joins by its creator's scope (see personGroupDecision), or why the creator may not ask for the one asked. */
function groupOfNewPerson(scope: Scope, asked: string | null | undefined): { groupId: string | null } | { refused: string } {
  const group = personGroupDecision(scope, null, asked);
  if (group.kind === 'SET') return { groupId: group.groupId };
  return { refused: group.kind === 'REFUSED' ? group.reason : 'Outside your scope' };
}

function personRow(person: CheckedPerson, input: NewUser, securityGroupId: string | null, passwordHash: string): PersonRow {
  return { ...person, id: newId(), passwordHash, role: input.role, mayMonitorScreen: input.mayMonitorScreen ?? false, securityGroupId, teamIds: [...new Set(input.teamIds ?? [])] };
}

/** The rows at fault, each with its field and why, by a per-row judgement that answers null for a good one. */
function problemsOf<T>(items: readonly T[], judge: (item: T) => readonly [field: string, message: string] | null): RowProblem[] {
  return items.flatMap((item, row) => {
    const fault = judge(item);
    return fault ? [{ row, field: fault[0], message: fault[1] }] : [];
  });
}

/**
 * One refusal for a whole list, naming every row at fault: `extensions.row` and `extensions.field` of
 * the first, `extensions.problems` all of them (row, field, message), rows counted from 0 as in the list.
 */
function rowsRefused(code: ErrorCode, problems: readonly RowProblem[]): ParleyError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new ParleyError(code, `input[${first.row}].${first.field}: ${first.message}${more}`, { row: first.row, field: first.field, problems });
}

/** The rows whose e-mail a person already has (stored lower-case, as `emails` are). */
async function emailsTaken(em: Em, emails: readonly string[]): Promise<RowProblem[]> {
  const taken = new Set((await rows<{ email: string }>(em, 'select email from users where email = any(?::text[])', [pgArray(emails)])).map((u) => u.email));
  return problemsOf(emails, (email) => (taken.has(email) ? ['email', 'A user with that e-mail already exists'] : null));
}

/**
 * Password hashing is slow on purpose (argon2id), and sign-ins share it: one arriving during an import
 * must not wait behind a thousand of its hashes. A list has at most two hashing at a time.
 */
const HASHES_AT_ONCE = 2;

function hashAll(passwords: readonly string[]): Promise<string[]> {
  const limit = pLimit(HASHES_AT_ONCE);
  return Promise.all(passwords.map((password) => limit(() => hashPassword(password))));
}

/** The people `insertPeople` is given, one JSON parameter read as a table. */
const GIVEN = `jsonb_to_recordset(?::jsonb) as p(id uuid, email text, name text, password_hash text, role role, languages text[], skills text[],
                 max_concurrent_chats int, may_monitor_screen boolean, security_group_id uuid, team_ids uuid[])`;

/**
 * Stores people with what each needs from the start: an agent state row (everyone, as routing and the
 * monitor read it), an agent's personal tray, and their teams. Set-based, so a thousand people are
 * four statements rather than thousands.
 */
async function insertPeople(tx: Em, people: readonly PersonRow[]): Promise<void> {
  const json = JSON.stringify(
    people.map((p) => ({
      id: p.id,
      email: p.email,
      name: p.name,
      password_hash: p.passwordHash,
      role: p.role,
      languages: p.languages,
      skills: p.skills,
      max_concurrent_chats: p.maxConcurrentChats,
      may_monitor_screen: p.mayMonitorScreen,
      security_group_id: p.securityGroupId,
      team_ids: p.teamIds,
    })),
  );
  await rows(
    tx,
    `insert into users (id, email, name, password_hash, role, languages, skills, max_concurrent_chats, may_monitor_screen, security_group_id, created_at, password_changed_at)
     select p.id, p.email, p.name, p.password_hash, p.role, p.languages, p.skills, p.max_concurrent_chats, p.may_monitor_screen, p.security_group_id, now(), now() from ${GIVEN}`,
    [json],
  );
  await rows(tx, `insert into agent_status (user_id, state_changed_at) select p.id, now() from ${GIVEN}`, [json]);
  await rows(
    tx,
    `insert into trays (id, name, kind, owner_id, campaign_id, created_at) select gen_random_uuid(), 'Personal: ' || p.name, 'PERSONAL', p.id, null, now() from ${GIVEN} where p.role = 'AGENT'`,
    [json],
  );
  await rows(tx, `insert into user_teams (user_id, team_id) select p.id, t from ${GIVEN} cross join unnest(p.team_ids) t`, [json]);
}

/** What new people change, told once however many they are: an agent's personal tray is among the trays supervisors list. */
function peopleCreated(people: readonly PersonRow[]): DomainEvent[] {
  const events = [directoryChanged(DirectoryPart.USER)];
  if (people.some((p) => p.role === Role.AGENT)) events.push(directoryChanged(DirectoryPart.TRAY));
  if (people.some((p) => p.teamIds.length > 0)) events.push(directoryChanged(DirectoryPart.TEAM));
  return events;
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
  await transaction(em, async (tx) => {
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
