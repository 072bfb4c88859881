import PgBoss from 'pg-boss';
import type { Logger } from './logger.js';

/**
 * Delayed work that must survive restarts and run once across processes, kept in PostgreSQL by
 * pg-boss (SKIP LOCKED), so no hand-made timers decide anything.
 */
export enum Job {
  /** Marks a contact EXPIRED once its last message is older than the session window. */
  CONTACT_EXPIRY = 'contact-expiry',
  /** Closes a chat NO_ANSWER when the customer did not answer the agent in time. */
  NO_ANSWER = 'no-answer',
  /** Expires the contacts whose own check was lost (see contact-expiry.job.ts); one waits at a time. */
  CONTACT_EXPIRY_SWEEP = 'contact-expiry-sweep',
}

export interface JobData {
  /** The window travels with the job, so whichever process runs it applies the scheduler's setting. */
  [Job.CONTACT_EXPIRY]: { contactId: string; windowSeconds: number };
  [Job.NO_ANSWER]: { interactionId: string; afterSequence: number };
  [Job.CONTACT_EXPIRY_SWEEP]: Record<string, never>;
}

/** Per queue: how many queued jobs a key may have, and how failures are retried. */
const QUEUES: Record<Job, { policy: 'standard' | 'short' | 'stately'; retryLimit: number; retryDelay: number }> = {
  // "short": at most one queued (not yet started) job per singleton key, so a contact writing a
  // hundred messages keeps one expiry check pending, not a hundred.
  [Job.CONTACT_EXPIRY]: { policy: 'short', retryLimit: 5, retryDelay: 5 },
  [Job.NO_ANSWER]: { policy: 'standard', retryLimit: 5, retryDelay: 5 },
  [Job.CONTACT_EXPIRY_SWEEP]: { policy: 'short', retryLimit: 5, retryDelay: 5 },
};

export class Jobs {
  private quiet = false;

  private constructor(
    private readonly boss: PgBoss,
    private readonly pollSeconds: number,
    private readonly log: Logger,
  ) {}

  static async start(connectionString: string, log: Logger, pollSeconds: number): Promise<Jobs> {
    const boss = new PgBoss({ connectionString, max: 4, schema: 'pgboss', application_name: 'parley-jobs' });
    const jobs = new Jobs(boss, pollSeconds, log);
    // pg-boss's errors carry whole client objects; the code and message are what an operator needs.
    boss.on('error', (err: Error & { code?: string }) => {
      if (!jobs.quiet) log.error({ code: err.code, message: err.message }, 'job queue');
    });
    await boss.start();
    for (const name of Object.values(Job)) {
      const queue = QUEUES[name];
      // (A queue made before keeps its first policy; every job is guarded, so that is only less tidy.)
      await boss.createQueue(name, { name, policy: queue.policy, retryLimit: queue.retryLimit, retryDelay: queue.retryDelay, retryBackoff: true });
    }
    return jobs;
  }

  /** During shutdown the database may go first (the embedded one stops on the same signal): errors are expected then. */
  silence(): void {
    this.quiet = true;
  }

  /**
   * Schedules a job `afterSeconds` from now; with a key, only if no job with that key is still
   * waiting to start. Whether it was scheduled (false: one with that key already waits).
   */
  async send<J extends Job>(job: J, data: JobData[J], afterSeconds: number, singletonKey?: string): Promise<boolean> {
    const id = await this.boss.send(job, data, { startAfter: Math.max(0, Math.ceil(afterSeconds)), ...(singletonKey ? { singletonKey } : {}) });
    return id !== null;
  }

  /** Each job of a batch succeeds or fails alone: one failing job is retried without the others. */
  async work<J extends Job>(job: J, handler: (data: JobData[J]) => Promise<void>, batchSize = 10): Promise<void> {
    await this.boss.work<JobData[J]>(job, { pollingIntervalSeconds: this.pollSeconds, batchSize }, async (jobs) => {
      for (const j of jobs) {
        try {
          await handler(j.data);
        } catch (err) {
          const message = messageOf(err);
          this.log.warn({ job, err: message }, 'job failed; it is retried');
          // Failed before the batch completes, so pg-boss's completion (active jobs only) leaves it to retry.
          await this.boss.fail(job, j.id, { message }).catch((failing: unknown) => {
            // Left active, the job is retried when it expires: the rest of the batch still completes.
            this.log.error({ job, err: messageOf(failing) }, 'could not mark a job failed');
          });
        }
      }
    });
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
