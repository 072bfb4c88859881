import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../modules/users/user.rules.js';

const bool = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DATA_DIR: z.string().default('.data'),
  PARLEY_DEMO: bool.optional(),
  PARLEY_ADMIN_EMAIL: z.email().optional(),
  PARLEY_ADMIN_PASSWORD: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** How long a process keeps a signed-in viewer between requests; any change to it ends that at once. 0 reads it every request. */
  VIEWER_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  MAX_QUERY_COST: z.coerce.number().int().min(10).max(1_000_000).default(20_000),
  MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(2000),
  MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(16_384),
  /**
   * A request's variables as JSON. Above the largest input a client has reason to send (a call
   * signal of 64 KiB, JSON-escaped), far below the 2 MB body an HTTP request may carry.
   */
  MAX_VARIABLES_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(131_072),
  /**
   * How far back the event feed and webhooks replay: a `since` before it starts at its start, and a
   * cursor older than it is refused. The trail itself is kept; this bounds what one reader may ask.
   */
  FEED_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Operations one WebSocket may have open at once (its subscriptions and the queries it is running). */
  MAX_OPERATIONS_PER_SOCKET: z.coerce.number().int().min(1).max(10_000).default(200),
  PUBSUB_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/i, 'letters, digits, - and _ only')
    .default('parley'),
  SUBSCRIBER_BUFFER: z.coerce.number().int().min(16).max(100_000).default(1000),
  WEB_DIST: z.string().optional(),
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(200).max(60_000).default(5000),
  /** An agent whose sockets are all gone for this long is DISCONNECTED. */
  PRESENCE_GRACE_MS: z.coerce.number().int().min(500).max(600_000).default(15_000),
  /** An inbox's changes within this window make one frame: a chat that changes five times in it is told once. */
  INBOX_FRAME_MS: z.coerce.number().int().min(10).max(5000).default(100),
  /** How often at most an agent hears new counts of queues it does not pick from (automatic routing). */
  INBOX_COUNTS_EVERY_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** The waiting chats an agent's inbox lists per tray it picks from, oldest first; the rest are counted. */
  INBOX_QUEUE_SHOWN: z.coerce.number().int().min(1).max(2000).default(50),
  /** How many waiting chats one routing pass decides at once; a pass that used them all is followed by another. */
  ROUTING_PASS_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
  /** The session window: a contact without activity (a message, a change of its state) this long is EXPIRED (24 hours). */
  CONTACT_EXPIRY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 86_400)
    .default(86_400),
  /** How often the contacts past their window whose own expiry check was lost (a crash before it was queued) are expired. */
  CONTACT_EXPIRY_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Requests (and subscriptions started) per minute; 0 turns a limit off. Shared by all processes through Redis. */
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  RATE_LIMIT_VISITOR_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(300),
  /** Requests without a token (a customer opening the widget), per client address; a sign-in alone is limited by its failures instead. */
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Failed sign-ins per account (e-mail) and per client address in a window, by all processes; past either, sign-in is refused until the window ends. 0 turns one off. */
  SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(0).max(1_000_000).default(10),
  SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000).default(100),
  SIGN_IN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Password hashes one process computes at once, and how many more may wait; unset, see password-hashing.ts. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(100_000).optional(),
  /** Where uploaded files' bytes live: PostgreSQL, or an S3-compatible store (MinIO, AWS S3, ...). */
  FILE_STORE: z.enum(['postgres', 's3']).default('postgres'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_PREFIX: z.string().default('files/'),
  /** Where people reach Parley, for links that leave it (attachments in transcript e-mails). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Uploads: the largest file, and how many files one message carries. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  UPLOAD_MAX_PER_MESSAGE: z.coerce.number().int().min(1).max(20).default(5),
  /** Outgoing e-mail (transcripts), e.g. smtp://user:pass@mail.example.com:587; without it, mail is written to the log. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).default('Parley <no-reply@parley.local>'),
  /**
   * How long a call party's connection may stay away before the call ends: a reconnection within it
   * (a blip, a train tunnel) resumes the call, and the events missed meanwhile are replayed.
   */
  CALL_DROP_GRACE_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  /** STUN/TURN servers for calls, as a JSON array of RTCIceServer objects ([{"urls":"stun:stun.example.com:3478"}]). */
  ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'a JSON array of {"urls": ..., "username"?, "credential"?}' });
        return z.NEVER;
      }
    })
    .pipe(z.array(z.object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().optional(), credential: z.string().optional() }))),
  /** Webhooks: the first retry's delay (doubling after each failure), how many failed attempts in a row disable a hook, and each request's time limit. */
  WEBHOOK_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Requests one hook may have in flight at once (one interaction's events still go out in order), and what one process sends at once in all. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WEBHOOK_PROCESS_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(64),
  /**
   * Hooks may point at loopback, private, link-local and metadata addresses. Off: an administrator's
   * URL must not make the server reach what only it can reach (SSRF). On for a receiver on the same
   * host or network, as in the tests.
   */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /** /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>`; unset, it is not served on PORT. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** A second listener, host:port, serving only /metrics (to keep it off the public port). */
  METRICS_LISTEN: z
    .string()
    .regex(/^(\[[0-9a-fA-F:.]+\]|[\w.-]+):\d{1,5}$/, 'host:port, e.g. 127.0.0.1:9464')
    .transform((v) => {
      const at = v.lastIndexOf(':');
      return { host: v.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: Number(v.slice(at + 1)) };
    })
    .pipe(z.object({ host: z.string(), port: z.number().int().min(0).max(65535) }))
    .optional(),
  /** Behind a proxy (as in docker-compose.yml): Express's "trust proxy" setting, so the client address comes from X-Forwarded-For. */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\w.:/, -]+)$/, 'true, false, a hop count or addresses')
    .default('false'),
});

export type Config = z.infer<typeof schema> & { demo: boolean };

/** Thrown when the environment is invalid; main() prints it and exits without a stack trace. */
export class ConfigError extends Error {}

/** Reads and validates the environment once at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if ((c.PARLEY_ADMIN_EMAIL === undefined) !== (c.PARLEY_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration:\n  PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD must be set together');
  }
  if (c.FILE_STORE === 's3' && !c.S3_BUCKET) throw new ConfigError('Invalid configuration:\n  S3_BUCKET is required with FILE_STORE=s3');
  // The demo seed is on by default only with the embedded database, where nothing real can be harmed.
  const demo = c.PARLEY_DEMO ?? c.DATABASE_URL === undefined;
  return { ...c, demo };
}
