import path from 'node:path';
import pg from 'pg';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { entities } from './entities.js';

export type Orm = MikroORM;

/**
 * Where to connect, as `pg` itself reads the URL (the job queue and the startup lock connect with
 * `pg`): MikroORM reads only the URL's name, port and path, so a Unix socket named as libpq names it
 * (`?host=/var/run/postgresql`), `?port=`/`?user=`, or a user left to PGUSER would reach another server.
 */
export function connectionOf(clientUrl: string): Pick<Options, 'host' | 'port' | 'user' | 'password' | 'dbName' | 'schema'> {
  const client = new pg.Client({ connectionString: clientUrl });
  const schema = new URL(clientUrl).searchParams.get('schema');
  return {
    host: client.host,
    port: client.port,
    user: client.user,
    password: typeof client.password === 'string' && client.password ? client.password : undefined,
    dbName: client.database,
    ...(schema ? { schema } : {}),
  };
}

export function ormOptions(clientUrl: string, poolMax = 10): Options {
  return {
    driver: PostgreSqlDriver,
    ...connectionOf(clientUrl),
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

/** Any number that no other application on the database uses as an advisory lock key. */
const STARTUP_LOCK = 0x7061726c; // "parl"

/**
 * Connects, then migrates and runs `prepare` (seeding) while holding an advisory lock, so
 * replicas starting together do not race each other through the same migration or seed.
 */
export async function openDatabase(clientUrl: string, poolMax?: number, prepare?: (orm: Orm) => Promise<void>): Promise<Orm> {
  const orm = await MikroORM.init(ormOptions(clientUrl, poolMax));
  const lock = new pg.Client({ connectionString: clientUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    await orm.getMigrator().up();
    await prepare?.(orm);
  } catch (err) {
    await orm.close();
    throw err;
  } finally {
    await lock.end();
  }
  return orm;
}
