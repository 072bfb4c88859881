import 'reflect-metadata';
import Redis from 'ioredis';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { openDatabase } from './db/orm.js';
import type { Em } from './db/sql.js';
import { DEMO_PASSWORD, DEMO_USERS, ensureAdmin, seedDemo } from './modules/demo/seed.js';
import { afterCommit } from './server/after-commit.js';
import { startApp } from './server/app.js';
import { ConfigError, loadConfig } from './shared/config.js';
import { type Bus, MemoryBus, RedisBus } from './shared/bus.js';
import { Jobs } from './shared/jobs.js';
import { createLogger } from './shared/logger.js';
import { registerContactExpiry } from './modules/contacts/contact-expiry.job.js';
import { registerNoAnswer } from './modules/interactions/no-answer.job.js';
import { WebhookCourier } from './modules/webhooks/webhook.courier.js';
import { Topics } from './shared/topics.js';
import { InboxHub } from './modules/inbox/inbox.hub.js';
import { MonitorModel } from './modules/monitor/monitor.model.js';
import { RateLimits } from './modules/limits/rate-limits.js';
import { SignInLimits } from './modules/limits/sign-in-limits.js';
import { configurePasswordHashing } from './modules/auth/password-hashing.js';
import { EventFeed } from './modules/events/event-feed.js';
import { ViewerCache } from './modules/auth/viewer-cache.js';
import { KeptViews } from './modules/messages/kept-views.js';
import { Mailer } from './shared/mailer.js';
import { FileLinks } from './modules/files/file.service.js';
import { s3Store } from './modules/files/file.store.js';

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
  configurePasswordHashing({ concurrency: config.PASSWORD_HASH_CONCURRENCY, waiting: config.PASSWORD_HASH_QUEUE });
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
  let limitsStore: Redis | null = null;
  if (config.REDIS_URL) {
    const options = { maxRetriesPerRequest: null, enableAutoPipelining: true, lazyConnect: false };
    // The subscriber skips the INFO ready check, which Redis refuses on a connection in subscriber mode after a reconnect.
    bus = new RedisBus(new Redis(config.REDIS_URL, options), new Redis(config.REDIS_URL, { ...options, enableReadyCheck: false }));
    // Rate counting must not queue while Redis is away: a count that cannot be made lets the request through.
    const store = new Redis(config.REDIS_URL, { enableAutoPipelining: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    store.on('error', () => undefined);
    limitsStore = store;
    stops.push({ name: 'rate limit store', stop: async () => void store.disconnect() });
  } else {
    bus = new MemoryBus();
    log.warn('REDIS_URL is not set: using in-process pub/sub, so only ONE API process can run. Set REDIS_URL to run several.');
  }
  stops.push({ name: 'pub/sub', stop: () => bus.close() });
  stops.push({ name: 'job queue', stop: () => jobs!.stop() });
  const topics = new Topics(bus, config.PUBSUB_PREFIX);
  const monitor = new MonitorModel(orm, topics, config.PRESENCE_GRACE_MS);
  await monitor.start();
  stops.push({ name: 'monitor', stop: async () => monitor.close() });
  const limits = new RateLimits(
    {
      USER: config.RATE_LIMIT_USER_PER_MINUTE,
      API_KEY: config.RATE_LIMIT_API_KEY_PER_MINUTE,
      VISITOR: config.RATE_LIMIT_VISITOR_PER_MINUTE,
      ANONYMOUS: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    },
    config.PUBSUB_PREFIX,
    limitsStore,
    config.MAX_TOKENS,
  );
  const signInLimits = new SignInLimits(
    { perAccount: config.SIGN_IN_FAILURES_PER_ACCOUNT, perAddress: config.SIGN_IN_FAILURES_PER_ADDRESS, windowSeconds: config.SIGN_IN_FAILURE_WINDOW_SECONDS },
    config.PUBSUB_PREFIX,
    limitsStore,
  );
  const viewers = new ViewerCache(databaseUrl, config.VIEWER_CACHE_SECONDS * 1000, log);
  await viewers.start(topics);
  stops.push({ name: 'viewer cache', stop: () => viewers.close() });
  const feed = new EventFeed(orm, databaseUrl, log, Math.min(config.SUBSCRIBER_BUFFER, 1000));
  await feed.start();
  stops.push({ name: 'event feed', stop: () => feed.close() });
  const mailer = new Mailer(config.SMTP_URL, config.SMTP_FROM, log);
  stops.push({ name: 'mailer', stop: async () => mailer.close() });
  const files = await FileLinks.load(orm.em.fork());
  const objectStore = config.FILE_STORE === 's3' ? await s3Store(config) : null;
  const webhooks = new WebhookCourier(orm, log, {
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
    retrySeconds: config.WEBHOOK_RETRY_SECONDS,
    disableAfterFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
    perHook: config.WEBHOOK_CONCURRENCY,
    perProcess: config.WEBHOOK_PROCESS_CONCURRENCY,
  });
  // Every commit of interaction events, on any process, wakes the pump at once.
  feed.onCommit(() => webhooks.pump());
  stops.push({ name: 'webhooks', stop: () => webhooks.close() });
  const inbox = new InboxHub(orm, topics, {
    frameMs: config.INBOX_FRAME_MS,
    countsEveryMs: config.INBOX_COUNTS_EVERY_MS,
    queueShown: config.INBOX_QUEUE_SHOWN,
    buffer: Math.min(config.SUBSCRIBER_BUFFER, 64),
  });
  stops.push({ name: 'inboxes', stop: async () => inbox.close() });
  const deps = {
    orm,
    topics,
    config,
    log,
    jobs: jobs!,
    monitor,
    inbox,
    limits,
    signInLimits,
    viewers,
    feed,
    mailer,
    files,
    objectStore,
    webhooks,
    keptViews: new KeptViews(),
    dispatcher: afterCommit(),
  };
  await registerContactExpiry(deps);
  await registerNoAnswer(deps);
  webhooks.start();

  const app = await startApp(deps);
  stops.push({ name: 'HTTP and WebSocket server', stop: () => app.stop() });
  const base = `http://localhost:${app.port}`;
  log.info({ port: app.port }, `Parley is listening on ${base} (app /, widget demo /demo, API /graphql, explorer /explorer)`);
  if (config.demo) {
    console.log(
      [
        `\n  Parley demo at ${base}  (customer widget: ${base}/demo)`,
        `  Sign in with any of these, password "${DEMO_PASSWORD}":`,
        ...DEMO_USERS.map((u) => `    ${u.email.padEnd(30)} ${u.role}`),
        '',
      ].join('\n'),
    );
  }
  if (process.send) process.send({ type: 'ready', port: app.port });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.jobs.silence();
    deps.feed.silence();
    deps.viewers.silence();
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
