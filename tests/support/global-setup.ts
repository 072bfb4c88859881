import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, dropTestDatabase } from './database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    pubsubPrefix: string;
  }
}

/**
 * One database per test run, migrated by the first API process a test starts. Every test makes
 * its own campaigns and users, so files can share the database without seeing each other's data.
 */
export default async function setup(project: TestProject) {
  const db = await createTestDatabase();
  project.provide('databaseUrl', db.url);
  project.provide('pubsubPrefix', `test_${randomBytes(4).toString('hex')}`);
  // api/dist is built by `npm test` just before; read at run time, it is not a compile-time dependency.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { openDatabase } = require('../../api/dist/db/orm.js');
  const orm = await openDatabase(db.url, 2);
  await orm.close();
  return async () => {
    if (!process.env.KEEP_TEST_DATABASE) await dropTestDatabase(db.name);
  };
}
