/**
 * Writes a migration for the difference between the entities and a scratch database that has
 * every committed migration applied. Usage: DATABASE_URL=... node api/dist/scripts/create-migration.js
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../db/orm.js';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a scratch database');
  const orm = await MikroORM.init(ormOptions(url));
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(undefined, false, (await migrator.getExecutedMigrations()).length === 0);
  console.log(result.fileName ? `written ${result.fileName}` : 'no changes');
  await orm.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
