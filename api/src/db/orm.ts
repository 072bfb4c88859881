import path from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { entities } from './entities.js';

export type Orm = MikroORM;

export function ormOptions(clientUrl: string, poolMax = 10): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    extensions: [Migrator],
    // Test runners load TypeScript; migrations must still come from the compiled output.
    preferTs: false,
    // Decorators carry explicit types, so no TypeScript reflection is needed at run time.
    discovery: { warnWhenNoEntities: true },
    pool: { min: 1, max: poolMax },
    allowGlobalContext: false,
    debug: false,
    migrations: {
      path: path.join(__dirname, '..', 'migrations'),
      pathTs: path.join(__dirname, '..', '..', 'src', 'migrations'),
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
  };
}

/** Connects and brings the schema up to date with the committed migrations. */
export async function openDatabase(clientUrl: string, poolMax?: number): Promise<Orm> {
  const orm = await MikroORM.init(ormOptions(clientUrl, poolMax));
  await orm.getMigrator().up();
  return orm;
}
