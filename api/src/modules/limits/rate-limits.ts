import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode, ParleyError } from '../../shared/errors.js';
import type { Viewer } from '../auth/viewer.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** Requests per minute per caller, shared by every process. */
    limits: RateLimits;
  }
}

/** Whose allowance a request spends: the caller, or without a token its address. */
export function rateSubject(viewer: Viewer, address: string): { kind: RateKind; id: string } {
  switch (viewer.kind) {
    case 'USER':
      return { kind: 'USER', id: viewer.userId };
    case 'API_KEY':
      return { kind: 'API_KEY', id: viewer.keyId };
    case 'VISITOR':
      return { kind: 'VISITOR', id: viewer.interactionId };
    case 'ANONYMOUS':
      return { kind: 'ANONYMOUS', id: address };
  }
}

export type RateKind = 'USER' | 'API_KEY' | 'VISITOR' | 'ANONYMOUS';

export type PerMinute = Record<RateKind, number>;

/**
 * Fixed one-minute windows per subject, counted in Redis so every API process spends from the same
 * allowance (in memory when Parley runs as one process without Redis). A limit of 0 is off. If Redis
 * cannot answer, the request goes through: a broker hiccup must not take the contact center down.
 */
export class RateLimits {
  private readonly limiters = new Map<RateKind, RateLimiterAbstract>();

  constructor(perMinute: PerMinute, prefix: string, redis: Redis | null) {
    for (const [kind, points] of Object.entries(perMinute) as [RateKind, number][]) {
      if (points <= 0) continue;
      const options = { points, duration: 60, keyPrefix: `${prefix}:rate:${kind.toLowerCase()}` };
      this.limiters.set(kind, redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options));
    }
  }

  /** Spends one request of the subject's allowance, or throws RATE_LIMITED saying when to try again. */
  async spend(subject: { kind: RateKind; id: string }): Promise<void> {
    const limiter = this.limiters.get(subject.kind);
    if (!limiter) return;
    try {
      await limiter.consume(subject.id);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      throw new ParleyError(ErrorCode.RATE_LIMITED, `Too many requests; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      });
    }
  }
}
