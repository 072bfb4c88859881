import 'reflect-metadata';
import Redis from 'ioredis';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { openDatabase } from './db/orm.js';
import type { Em } from './db/sql.js';
import { DEMO_PASSWORD, DEMO_USERS, ensureAdmin, seedDemo } from './modules/demo/seed.js';
import { startApp } from './server/app.js';
import { ConfigError, loadConfig } from './server/config.js';
import { type Bus, MemoryBus, RedisBus } from './shared/bus.js';
import { Jobs } from './shared/jobs.js';
import { createLogger } from './shared/logger.js';
import { registerContactExpiry } from './modules/contacts/contact-expiry.job.js';
import { registerNoAnswer } from './modules/interactions/no-answer.job.js';
import { Topics } from './shared/topics.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  const stopAll = async () => {
    for (const { name, stop } of stops.reverse()) {
      await stop().catch((err) => log.error({ err }, `while stopping ${name}`));
      log.debug(`${name} stopped`);
    }
  };

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT, log);
    stops.push({ name: 'embedded database', stop: () => embedded!.stop() });
    databaseUrl = embedded.url;
  }
  let jobs: Jobs | null = null;
  const orm = await openDatabase(databaseUrl, undefined, async (orm) => {
    // pg-boss creates its schema and queues here too: replicas starting together would deadlock on them.
    jobs = await Jobs.start(databaseUrl!, log, config.JOB_POLL_SECONDS);
    const em = orm.em.fork() as Em;
    if (config.demo && (await seedDemo(em))) log.info('demo data seeded');
    if (config.PARLEY_ADMIN_EMAIL && config.PARLEY_ADMIN_PASSWORD && (await ensureAdmin(em, config.PARLEY_ADMIN_EMAIL, config.PARLEY_ADMIN_PASSWORD))) {
      log.info({ email: config.PARLEY_ADMIN_EMAIL }, 'first administrator created');
    }
  });
  stops.push({ name: 'database pool', stop: () => orm.close() });

  let bus: Bus;
  if (config.REDIS_URL) {
    const options = { maxRetriesPerRequest: null, enableAutoPipelining: true, lazyConnect: false };
    // The subscriber skips the INFO ready check, which Redis refuses on a connection in subscriber mode after a reconnect.
    bus = new RedisBus(new Redis(config.REDIS_URL, options), new Redis(config.REDIS_URL, { ...options, enableReadyCheck: false }));
  } else {
    bus = new MemoryBus();
    log.warn('REDIS_URL is not set: using in-process pub/sub, so only ONE API process can run. Set REDIS_URL to run several.');
  }
  stops.push({ name: 'pub/sub', stop: () => bus.close() });
  stops.push({ name: 'job queue', stop: () => jobs!.stop() });
  const deps = { orm, topics: new Topics(bus, config.PUBSUB_PREFIX), config, log, jobs: jobs! };
  await registerContactExpiry(deps);
  await registerNoAnswer(deps);

  const app = await startApp(deps);
  stops.push({ name: 'HTTP and WebSocket server', stop: () => app.stop() });
  const base = `http://localhost:${app.port}`;
  log.info({ port: app.port }, `Parley is listening on ${base} (app /, widget demo /demo, API /graphql, explorer /explorer)`);
  if (config.demo) {
    console.log(
      [`\n  Parley demo at ${base}  (customer widget: ${base}/demo)`, `  Sign in with any of these, password "${DEMO_PASSWORD}":`, ...DEMO_USERS.map((u) => `    ${u.email.padEnd(30)} ${u.role}`), ''].join('\n'),
    );
  }
  if (process.send) process.send({ type: 'ready', port: app.port });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.jobs.silence();
    log.info({ signal }, 'draining HTTP and WebSocket connections, then stopping');
    const force = setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_MS + 5000);
    force.unref();
    await stopAll();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
