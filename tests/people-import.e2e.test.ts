/**
 * Administrators create people in bulk (issue 18): `createUsers` makes a whole list or nobody. Every
 * row is checked before anything is written; a row at fault, an e-mail twice in the list or one a
 * person already has refuses the list, naming the rows (`extensions.row`, `field`, `problems`), and
 * the directory is read back to show nobody was made. Each row is made as `createUser` makes one
 * (an agent can sign in and has its personal tray and its state), within the same scope rule: a
 * grouped administrator makes people of its own group only, and callers who do not manage people are
 * refused.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectCode, type GqlResult, gql, ok } from './support/graphql.js';
import { apiWithAdmin } from './support/suite.js';
import { createApiKey, createCampaign, createPerson, PASSWORD, signIn } from './support/world.js';

const api = apiWithAdmin();

/** The most rows one call takes, as docs/integrators.md states it. */
const CAP = 1000;
const CREATE_USERS = 'mutation($input: [CreateUserInput!]!) { createUsers(input: $input) { id email role securityGroup { id } } }';

const unique = () => randomBytes(4).toString('hex');
const row = (extra: Record<string, unknown> = {}) => ({ email: `imported-${unique()}@tests.parley.dev`, name: `Imported ${unique()}`, password: PASSWORD, role: 'AGENT', ...extra });
const createUsers = (rows: readonly object[], token: string | null = api.admin) => gql(api.url, CREATE_USERS, { input: rows }, token);

/** Those of the e-mails that a person has, as the installation's administrator reads the directory. */
async function madeOf(emails: readonly string[]): Promise<string[]> {
  const everyone = (await ok(api.url, '{ users(includeInactive: true) { email } }', {}, api.admin)).users.map((u: { email: string }) => u.email);
  return emails.filter((email) => everyone.includes(email.toLowerCase()));
}

const emailsOf = (rows: readonly { email: string }[]) => rows.map((r) => r.email);

/** The rows and fields a refusal names, in order. */
function rowsNamed(result: GqlResult, code: string): { row: number; field: string }[] {
  expectCode(result, code);
  const extensions = result.errors![0]!.extensions as { row: number; field: string; problems: { row: number; field: string; message: string }[] };
  expect({ row: extensions.row, field: extensions.field }).toEqual({ row: extensions.problems[0]!.row, field: extensions.problems[0]!.field });
  return extensions.problems.map(({ row, field }) => ({ row, field }));
}

describe('creating people in bulk', () => {
  it('makes every person of the list, in its order; each signs in, and the agent has its personal tray and its state', async () => {
    const rows = [row({ role: 'SUPERVISOR' }), row({ role: 'AGENT', email: `Imported-Agent-${unique()}@Tests.Parley.dev`, languages: ['es', 'en'] }), row({ role: 'ADMIN' })];
    const made = (await ok(api.url, CREATE_USERS, { input: rows }, api.admin)).createUsers;
    expect(made.map((u: { email: string; role: string }) => [u.email, u.role])).toEqual(rows.map((r) => [r.email.toLowerCase(), r.role]));
    const tokens = await Promise.all(rows.map((r) => signIn(api.url, r.email)));
    const agent = made[1];
    const trays = (await ok(api.url, '{ trays { kind ownerId } }', {}, tokens[1])).trays;
    expect(trays).toContainEqual({ kind: 'PERSONAL', ownerId: agent.id });
    expect((await ok(api.url, '{ myStatus { userId state } }', {}, tokens[1])).myStatus).toMatchObject({ userId: agent.id });
  });

  it('refuses the whole list for a row at fault in the middle, naming each row at fault, and makes nobody', async () => {
    const rows = [row(), row({ email: 'not-an-email' }), row(), row({ password: 'short' }), row()];
    expect(rowsNamed(await createUsers(rows), 'BAD_USER_INPUT')).toEqual([
      { row: 1, field: 'email' },
      { row: 3, field: 'password' },
    ]);
    expect(await madeOf(emailsOf(rows))).toEqual([]);
  });

  it('refuses an e-mail that is twice in the list, whatever its case, and makes nobody', async () => {
    const twice = row();
    const rows = [twice, row(), { ...row(), email: twice.email.toUpperCase() }];
    expect(rowsNamed(await createUsers(rows), 'BAD_USER_INPUT')).toEqual([{ row: 2, field: 'email' }]);
    expect(await madeOf(emailsOf(rows))).toEqual([]);
  });

  it('refuses an e-mail a person already has as a conflict, naming its row, and makes nobody', async () => {
    const someone = await createPerson(api.url, api.admin, 'AGENT');
    const rows = [row(), row({ email: someone.email }), row()];
    expect(rowsNamed(await createUsers(rows), 'CONFLICT')).toEqual([{ row: 1, field: 'email' }]);
    expect(await madeOf(emailsOf([rows[0]!, rows[2]!]))).toEqual([]);
  });

  it('refuses a list longer than the limit before looking at any row', async () => {
    const tag = unique();
    const rows = Array.from({ length: CAP + 1 }, (_, i) => ({ email: `c${i}-${tag}@t.dev`, name: 'N', password: PASSWORD, role: 'AGENT' }));
    const refused = await createUsers(rows);
    expectCode(refused, 'BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions).toMatchObject({ field: 'input' });
    expect(await madeOf([rows[0]!.email, rows[CAP]!.email])).toEqual([]);
  });
});

describe('who may create people in bulk', () => {
  it('a grouped administrator makes people of its own group only, and names no team beyond it', async () => {
    const group = async (name: string) => (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `${name} ${unique()}` }, api.admin)).createSecurityGroup.id;
    const [north, south] = [await group('North'), await group('South')];
    const grouped = await createPerson(api.url, api.admin, 'ADMIN', { securityGroupId: north });
    const outsider = await createPerson(api.url, api.admin, 'AGENT');
    const theirTeam = (await ok(api.url, 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { name: `Theirs ${unique()}`, memberIds: [outsider.id] } }, api.admin)).createTeam.id;

    const escaping = [row(), row({ securityGroupId: south })];
    expect(rowsNamed(await createUsers(escaping, grouped.token), 'FORBIDDEN')).toEqual([{ row: 1, field: 'securityGroupId' }]);
    const intoTheirTeam = [row(), row({ teamIds: [theirTeam] })];
    expect(rowsNamed(await createUsers(intoTheirTeam, grouped.token), 'BAD_USER_INPUT')).toEqual([{ row: 1, field: 'teamIds' }]);
    expect(await madeOf(emailsOf([...escaping, ...intoTheirTeam]))).toEqual([]);

    const made = (await ok(api.url, CREATE_USERS, { input: [row(), row({ role: 'ADMIN' })] }, grouped.token)).createUsers;
    expect(made.map((u: { securityGroup: unknown }) => u.securityGroup)).toEqual([{ id: north }, { id: north }]);
  });

  it('an agent, a supervisor, a SUPERVISE key, a campaign-limited ADMIN key and nobody at all are refused, and nobody is made', async () => {
    const campaign = await createCampaign(api.url, api.admin);
    const callers = {
      FORBIDDEN: [
        (await createPerson(api.url, api.admin, 'AGENT')).token,
        (await createPerson(api.url, api.admin, 'SUPERVISOR')).token,
        await createApiKey(api.url, api.admin, ['SUPERVISE']),
        await createApiKey(api.url, api.admin, ['ADMIN'], [campaign.id]),
      ],
      UNAUTHENTICATED: [null],
    };
    const rows = [row(), row()];
    for (const [code, tokens] of Object.entries(callers)) {
      for (const token of tokens) expectCode(await createUsers(rows, token), code);
    }
    expect(await madeOf(emailsOf(rows))).toEqual([]);
  });
});
