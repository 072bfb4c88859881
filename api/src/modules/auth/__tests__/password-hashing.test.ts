/**
 * Passwords are hashed with argon2id at OWASP's minimum, older hashes are told apart for upgrading,
 * and every hash of the process waits its turn in one bounded queue: at most so many at once, the
 * rest first come first served, and past the queue's length a refusal that says when to come back.
 */
import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { defaultConcurrency, HashingQueue, hashPassword, rehashed, verifyPassword } from '../password-hashing.js';

/** A job that runs until `finish()` is called, and records when it started. */
function job(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { run: () => (started.push(name), done.then(() => name)), finish: () => finish() };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

/** A PHC string's parameters: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` gives { m, t, p }. */
const parametersOf = (hash: string) => Object.fromEntries(new URLSearchParams(hash.split('$')[3]!.replaceAll(',', '&')));

describe('password hashes', () => {
  it('are argon2id with 19 MiB, two passes and one lane, and verify only the password they were made from', async () => {
    const hash = await hashPassword('a-good-test-password');
    expect(hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(parametersOf(hash)).toEqual({ m: '19456', t: '2', p: '1' });
    expect(await verifyPassword(hash, 'a-good-test-password')).toBe(true);
    expect(await verifyPassword(hash, 'another-password')).toBe(false);
    expect(await rehashed(hash, 'a-good-test-password')).toBeNull();
  });

  it("of a password hashed with argon2's defaults are made again with today's parameters", async () => {
    const old = await argon2.hash('a-good-test-password', { type: argon2.argon2id });
    expect(parametersOf(old)).toEqual({ m: '65536', t: '3', p: '4' });
    const again = (await rehashed(old, 'a-good-test-password'))!;
    expect(parametersOf(again)).toEqual({ m: '19456', t: '2', p: '1' });
    expect(await verifyPassword(again, 'a-good-test-password')).toBe(true);
  });

  it('never verify without a hash (an unknown e-mail), nor against a malformed one', async () => {
    expect(await verifyPassword(null, 'parley-timing-equaliser')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});

describe('the hashing queue', () => {
  it('leaves a core to everything else, and a thread of libuv’s pool', () => {
    expect(defaultConcurrency(2, 4)).toBe(1);
    expect(defaultConcurrency(1, 4)).toBe(1);
    expect(defaultConcurrency(8, 4)).toBe(3);
    expect(defaultConcurrency(8, 16)).toBe(7);
  });

  it('runs at most its concurrency at once, the others in the order they came', async () => {
    const queue = new HashingQueue({ concurrency: 2, waiting: 10 });
    const started: string[] = [];
    const jobs = ['a', 'b', 'c', 'd', 'e'].map((name) => job(started, name));
    const results = jobs.map((j) => queue.run(j.run));
    await settled();
    expect(started).toEqual(['a', 'b']);
    expect(queue.load).toEqual({ running: 2, waiting: 3 });
    jobs[1]!.finish();
    await settled();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const j of jobs) j.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses past its length with RATE_LIMITED and when to try again, and takes more once it moves', async () => {
    const queue = new HashingQueue({ concurrency: 1, waiting: 2 });
    const started: string[] = [];
    const jobs = ['a', 'b', 'c'].map((name) => job(started, name));
    const results = jobs.map((j) => queue.run(j.run));
    const refused = await queue.run(async () => 'late').catch((e: unknown) => e);
    expect(refused).toMatchObject({
      message: expect.stringMatching(/^Too many passwords to check at once; try again in \d+ s$/),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
    });
    jobs[0]!.finish();
    await results[0];
    const next = queue.run(async () => 'next');
    for (const j of jobs) j.finish();
    expect(await Promise.all([...results, next])).toEqual(['a', 'b', 'c', 'next']);
  });
});
