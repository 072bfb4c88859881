/**
 * Every root field of the schema (queries, mutations, subscriptions) is governed by one named rule of
 * scope (api/src/modules/auth/field-rules.ts), so a new path cannot land without saying where its
 * scope is decided; and the table names no field the schema no longer has.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const require = createRequire(import.meta.url);
const { FIELD_RULES, FieldRule } = require(path.join(root, 'api/dist/modules/auth/field-rules.js'));

const schema = buildSchema(fs.readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8'));
const rootFields = ['Query', 'Mutation', 'Subscription'].flatMap((type) => Object.keys(schema.getType(type) && (schema.getType(type) as any).getFields()).map((f) => `${type}.${f}`));

describe('the scope of every path', () => {
  it('is decided by a named rule for every query, mutation and subscription of the schema', () => {
    const missing = rootFields.filter((f) => !(f in FIELD_RULES));
    expect(missing, `give these fields a rule in api/src/modules/auth/field-rules.ts`).toEqual([]);
  });

  it('names only fields the schema has, each with a known rule', () => {
    expect(Object.keys(FIELD_RULES).filter((f) => !rootFields.includes(f))).toEqual([]);
    const known = new Set(Object.values(FieldRule));
    expect(Object.entries(FIELD_RULES).filter(([, rule]) => !known.has(rule))).toEqual([]);
  });
});
