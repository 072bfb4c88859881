/**
 * The delayed-work queue over a real PostgreSQL: a job that fails is retried alone, and the jobs
 * fetched in the same batch complete once (a failing expiry check must not re-run its neighbours).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from './support/database.js';

const require = createRequire(import.meta.url);
const { Jobs, Job } = require(path.resolve(__dirname, '../api/dist/shared/jobs.js'));
const { createLogger } = require(path.resolve(__dirname, '../api/dist/shared/logger.js'));

let db: { name: string; url: string };
let jobs: InstanceType<typeof Jobs>;

beforeAll(async () => {
  db = await createTestDatabase();
  jobs = await Jobs.start(db.url, createLogger('silent'), 0.5);
});

afterAll(async () => {
  await jobs?.stop();
  if (db) await dropTestDatabase(db.name);
});

describe('Jobs', () => {
  it('retries a failing job without running the rest of its batch again', async () => {
    const runs = new Map<string, number>();
    // Scheduled before the worker starts, so they are fetched in one batch.
    expect(await jobs.send(Job.CONTACT_EXPIRY, { contactId: 'fails-once', windowSeconds: 1 }, 0, 'fails-once')).toBe(true);
    for (const id of ['a', 'b', 'c']) await jobs.send(Job.CONTACT_EXPIRY, { contactId: id, windowSeconds: 1 }, 0, id);
    // A second check for a key still waiting is refused, and says so.
    expect(await jobs.send(Job.CONTACT_EXPIRY, { contactId: 'a', windowSeconds: 1 }, 0, 'a')).toBe(false);
    await jobs.work(Job.CONTACT_EXPIRY, async (data: { contactId: string }) => {
      const n = (runs.get(data.contactId) ?? 0) + 1;
      runs.set(data.contactId, n);
      if (data.contactId === 'fails-once' && n === 1) throw new Error('first attempt fails');
    });
    // The retry waits pg-boss's retry delay (5 s); the others would run again with it if failed together.
    const deadline = Date.now() + 20_000;
    while ((runs.get('fails-once') ?? 0) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1000));
    expect(Object.fromEntries(runs)).toEqual({ 'fails-once': 2, a: 1, b: 1, c: 1 });
  }, 30_000);
});
