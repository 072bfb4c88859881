import type { EntityManager } from '@mikro-orm/postgresql';

export type Em = EntityManager;

/** Runs SQL with `?` placeholders inside whatever transaction `em` is in. */
export async function rows<T = Record<string, any>>(em: Em, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await em.execute(sql, params as any[], 'all')) as T[];
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
