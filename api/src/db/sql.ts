import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { badInput } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';
import { trailWritten, writesTrail } from './trail-commits.js';

export type Em = EntityManager;

/** A row as PostgreSQL answers it; its columns get their types where it is mapped to a view. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mapper reads columns by name, each with its own type
export type Row = Record<string, any>;

/**
 * Runs SQL with `?` placeholders inside whatever transaction `em` is in. A value PostgreSQL cannot
 * read as its column's type (an id that is not a UUID) is the caller's mistake: it answers
 * BAD_USER_INPUT here, once, rather than every lookup guarding its ids or a malformed id surfacing
 * as a server error.
 */
export async function rows<T = Row>(em: Em, sql: string | Prepared, params: unknown[] = []): Promise<T[]> {
  // PostgreSQL text cannot hold the NUL character (the server refuses the whole message): such a
  // parameter can only come from the caller's input, so it is the caller's error.
  if (params.some((p) => typeof p === 'string' && p.includes('\u0000'))) throw badInput('Text may not contain the NUL character (\\u0000)');
  try {
    const result = typeof sql === 'string' ? ((await em.execute(sql, params as Parameters<Em['execute']>[1], 'all')) as T[]) : await runPrepared<T>(em, sql, params);
    if (typeof sql === 'string' ? writesTrail(sql) : sql.writesTrail) trailWritten(em);
    return result;
  } catch (err) {
    if ((err as { code?: string }).code === '22P02') throw badInput('A value is malformed: ids are UUIDs, as the API gives them');
    throw err;
  }
}

/**
 * A statement PostgreSQL parses and plans once per connection and then only runs: for the few that
 * every request runs (who is asking, the interaction it names, a message's append). Planning the
 * interaction's five-table view took about twice as long as running it. Values travel as
 * parameters, so each `?` must have a type PostgreSQL can infer from where it stands.
 */
export interface Prepared {
  readonly name: string;
  readonly text: string;
  /** It adds to the interaction trail (see `trail-commits.ts`). */
  readonly writesTrail: boolean;
}

const preparedNames = new Set<string>();

export function prepared(name: string, sql: string): Prepared {
  if (preparedNames.has(name)) throw new Error(`Two prepared statements are named ${name}`);
  preparedNames.add(name);
  let n = 0;
  return { name: `parley_${name}`, text: sql.replace(/\?/g, () => `$${++n}`), writesTrail: writesTrail(sql) };
}

/** On the connection of `em`'s transaction if it is in one, else on one lent by the pool. */
async function runPrepared<T>(em: Em, statement: Prepared, values: unknown[]): Promise<T[]> {
  const { client } = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
  const connection = await client.acquireConnection();
  try {
    return (await connection.query({ name: statement.name, text: statement.text, values })).rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}

type Referable = 'users' | 'teams' | 'campaigns' | 'security_groups';

/** Whether every id names a row of `table`: one query for a whole list of references. */
export async function allExist(em: Em, table: Referable, ids: readonly string[]): Promise<boolean> {
  const distinct = new Set(ids);
  return (await existingIds(em, table, [...distinct])).size === distinct.size;
}

/**
 * Those of `ids`, as spelt, that name a row of `table` and meet `where` (over the row as `x`): one
 * query for a whole list, so the caller can say which of them are wrong. A malformed id names nothing.
 */
export async function existingIds(em: Em, table: Referable, ids: readonly string[], where: { sql: string; params: unknown[] } = { sql: 'true', params: [] }): Promise<Set<string>> {
  const wellFormed = [...new Set(ids)].filter(isUuid);
  if (wellFormed.length === 0) return new Set();
  const found = await rows<{ id: string }>(em, `select a.id from unnest(?::text[]) a(id) join ${table} x on x.id = a.id::uuid where ${where.sql}`, [pgArray(wellFormed), ...where.params]);
  return new Set(found.map((r) => r.id));
}

export async function one<T = Row>(em: Em, sql: string | Prepared, params: unknown[] = []): Promise<T | null> {
  const result = await rows<T>(em, sql, params);
  return result[0] ?? null;
}

/**
 * A PostgreSQL array literal. Knex would expand a JS array bound to `?` into a list, so arrays
 * travel as one text parameter and are cast in SQL (`?::uuid[]`).
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** True when a PostgreSQL error is a unique violation (optionally of one constraint). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
