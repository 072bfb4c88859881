import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, ErrorCode, ParleyError } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';

export type Em = EntityManager;

/**
 * Runs SQL with `?` placeholders inside whatever transaction `em` is in. A value PostgreSQL cannot
 * read as its column's type (an id that is not a UUID) names nothing: it answers NOT_FOUND here,
 * once, rather than every lookup guarding its ids or a malformed id surfacing as a server error.
 */
export async function rows<T = Record<string, any>>(em: Em, sql: string, params: unknown[] = []): Promise<T[]> {
  // PostgreSQL text cannot hold the NUL character (the server refuses the whole message): such a
  // parameter can only come from the caller's input, so it is the caller's error.
  if (params.some((p) => typeof p === 'string' && p.includes('\u0000'))) throw badInput('Text may not contain the NUL character (\\u0000)');
  try {
    return (await em.execute(sql, params as any[], 'all')) as T[];
  } catch (err) {
    if ((err as { code?: string }).code === '22P02') throw new ParleyError(ErrorCode.NOT_FOUND, 'Not found: a value is malformed');
    throw err;
  }
}

type Referable = 'users' | 'teams' | 'campaigns';

/** Whether every id names a row of `table`: one query for a whole list of references. */
export async function allExist(em: Em, table: Referable, ids: readonly string[]): Promise<boolean> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return true;
  if (!distinct.every(isUuid)) return false;
  const found = await one<{ n: number }>(em, `select count(*)::int as n from ${table} where id = any(?::uuid[])`, [pgArray(distinct)]);
  return found!.n === distinct.length;
}

export async function one<T = Record<string, any>>(em: Em, sql: string, params: unknown[] = []): Promise<T | null> {
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
