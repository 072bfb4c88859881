import os from 'node:os';
import argon2 from 'argon2';
import pLimit, { type LimitFunction } from 'p-limit';
import { rateLimited } from '../../shared/errors.js';

/**
 * argon2id at the minimum OWASP's Password Storage Cheat Sheet recommends: 19 MiB of memory, two
 * passes, one lane (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id).
 * argon2's own defaults (64 MiB, three passes, four lanes) cost about five times as much per
 * sign-in (168 ms against 33 ms on one core of this project's machines) for no protection a shift-start storm
 * could afford; one lane because sign-ins come in parallel already. Hashes made with other
 * parameters are made again at a sign-in (`rehashed`).
 */
const PARAMETERS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** What the process's hashing may use at once, and how many more may wait. */
export interface HashingLimits {
  concurrency: number;
  waiting: number;
}

/** About ten seconds of sign-ins on one core: a longer wait is better spent told when to come back. */
const DEFAULT_WAITING = 300;

/**
 * argon2's native binding runs each hash on libuv's threadpool (UV_THREADPOOL_SIZE, 4 threads unless
 * set), the pool file reads, DNS lookups and zlib also wait on, and each hash keeps a core busy for
 * tens of milliseconds. Hashing gets every core but one, and every thread of the pool but one: the
 * event loop keeps a core to route chats and deliver messages through a storm of sign-ins, and a
 * file or a webhook's DNS lookup never queues behind passwords. Two cores: one hash at a time.
 */
export function defaultConcurrency(cores = os.availableParallelism(), threadpool = Number(process.env.UV_THREADPOOL_SIZE) || 4): number {
  return Math.max(1, Math.min(cores - 1, threadpool - 1));
}

/**
 * Every argon2 hash and verification of the process, at most `concurrency` at once and the rest in
 * arrival order (sign-ins are served first come, first served). One per process rather than per
 * request path, because the threadpool and the cores it bounds are the process's. Past `waiting`,
 * a new one is refused with RATE_LIMITED and the time the queue ahead needs, rather than kept
 * waiting longer than a client would.
 */
export class HashingQueue {
  private readonly limit: LimitFunction = pLimit(1);
  private maxWaiting = DEFAULT_WAITING;
  /** A moving average of one job's duration, for the time a refused caller is told to wait. */
  private averageMs = 50;

  constructor(limits: Partial<HashingLimits> = {}) {
    this.configure(limits);
  }

  configure(limits: Partial<HashingLimits>): void {
    this.limit.concurrency = limits.concurrency ?? defaultConcurrency();
    this.maxWaiting = limits.waiting ?? DEFAULT_WAITING;
  }

  get load(): { running: number; waiting: number } {
    return { running: this.limit.activeCount, waiting: this.limit.pendingCount };
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    const { running, waiting } = this.load;
    if (waiting >= this.maxWaiting && running >= this.limit.concurrency) {
      const drainMs = ((waiting + running) * this.averageMs) / this.limit.concurrency;
      return Promise.reject(rateLimited((s) => `Too many passwords to check at once; try again in ${s} s`, drainMs));
    }
    return this.limit(async () => {
      const started = performance.now();
      try {
        return await job();
      } finally {
        this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      }
    });
  }
}

const queue = new HashingQueue();

/** Sets how many hashes run at once and how many may wait (left out: the defaults); applied at start. */
export const configurePasswordHashing = (limits: Partial<HashingLimits>): void => queue.configure(limits);

/** Hashes running and waiting now, for /metrics. */
export const passwordHashingLoad = () => queue.load;

/** A new password's hash, with today's parameters. */
export const hashPassword = (password: string): Promise<string> => queue.run(() => argon2.hash(password, PARAMETERS));

// Verifying against a hash of no one's password when the e-mail is unknown keeps sign-in time from
// telling which e-mails exist. Made once, with today's parameters, so it costs what a real one does.
let equaliser: Promise<string> | null = null;
const equaliserHash = (): Promise<string> =>
  (equaliser ??= argon2.hash('parley-timing-equaliser', PARAMETERS).catch((err: unknown) => {
    equaliser = null;
    throw err;
  }));

/** Whether `password` is the one `hash` was made from; with no hash (an unknown e-mail), false in the same time. */
export const verifyPassword = (hash: string | null, password: string): Promise<boolean> =>
  queue.run(async () => {
    const ok = await argon2.verify(hash ?? (await equaliserHash()), password).catch(() => false);
    return ok && hash !== null;
  });

/**
 * A new hash of a password just verified against `hash`, when `hash` was made with other parameters
 * than today's; null when it was not, or when others wait for the queue: a storm's sign-ins come
 * first, and a calmer sign-in makes the upgrade.
 */
export async function rehashed(hash: string, password: string): Promise<string | null> {
  if (!argon2.needsRehash(hash, PARAMETERS) || queue.load.waiting > 0) return null;
  return hashPassword(password).catch(() => null); // refused by a queue that filled meanwhile
}
