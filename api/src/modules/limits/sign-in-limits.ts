import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../shared/errors.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** Failed sign-ins per account and per address, shared by every process. */
    signInLimits: SignInLimits;
  }
}

/** How a sign-in ended, for its counts. */
export enum SignInOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  /** Neither: the password was never checked (the server was busy, the database away). */
  UNDECIDED = 'UNDECIDED',
}

export interface SignInFailureLimits {
  /** Failures per account (its e-mail) in a window; 0 is off. */
  perAccount: number;
  /** Failures per client address in a window; 0 is off. */
  perAddress: number;
  windowSeconds: number;
}

/** An admitted sign-in, to be settled once its password is checked. */
export interface SignInAttempt {
  settle(outcome: SignInOutcome): Promise<void>;
}

const refused = (msBeforeNext: number) => rateLimited((s) => `Too many failed sign-ins; try again in ${s} s`, msBeforeNext);

/**
 * Guessing passwords is limited by failures rather than by requests, so an office of a thousand
 * agents behind one address all sign in while a guesser is stopped (rate-limiter-flexible's "login
 * endpoint protection"). Past a limit, sign-in answers RATE_LIMITED without checking the password,
 * the right one included, until the window ends: the answer then tells nothing about the password.
 *
 * An account's attempt is counted before its password is checked and given back unless it failed, so
 * guesses sent all at once are bounded like guesses sent one by one. An address's failures are
 * counted once they happen: counting its attempts up front would refuse an office whose sign-ins
 * are queued at the same moment. Guesses already queued when an address reaches its limit still
 * run, at most the hashing queue's length per process. The account limit lets anyone lock an
 * account out for a window by failing on purpose: the price of bounding guesses made from many
 * addresses; the window is short, and a person's open sessions are not touched.
 *
 * Counted in Redis for every process (in memory without Redis); if Redis cannot answer, the attempt
 * goes through, as with the request limits.
 */
export class SignInLimits {
  private readonly accounts: RateLimiterAbstract | null;
  private readonly addresses: RateLimiterAbstract | null;

  constructor(limits: SignInFailureLimits, prefix: string, redis: Redis | null) {
    const limiter = (points: number, name: string) => {
      if (points <= 0) return null;
      const options = { points, duration: limits.windowSeconds, keyPrefix: `${prefix}:sign-in:${name}` };
      return redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options);
    };
    this.accounts = limiter(limits.perAccount, 'account');
    this.addresses = limiter(limits.perAddress, 'address');
  }

  /** Admits a sign-in, or throws RATE_LIMITED when its account or address has failed too often. */
  async admit(email: string, address: string): Promise<SignInAttempt> {
    // Keys name accounts by a hash: Redis need not hold people's e-mail addresses.
    const account = createHash('sha256').update(email).digest('base64url');
    const failures = await this.addresses?.get(address).catch(() => null);
    if (failures && this.addresses && failures.consumedPoints >= this.addresses.points) throw refused(failures.msBeforeNext);
    try {
      await this.accounts?.consume(account);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) throw refused(outcome.msBeforeNext);
    }
    return { settle: (outcome) => this.settle(account, address, outcome) };
  }

  private async settle(account: string, address: string, outcome: SignInOutcome): Promise<void> {
    const counted = () => {
      switch (outcome) {
        case SignInOutcome.PASSED:
          return this.accounts?.delete(account); // a person who gets in starts again from no failures
        case SignInOutcome.FAILED:
          return this.addresses?.consume(address); // the account's was counted on admission
        case SignInOutcome.UNDECIDED:
          return this.accounts?.reward(account);
      }
    };
    await counted()?.catch(() => undefined);
  }
}
