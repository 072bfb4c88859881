import { getOperationAST, Kind, parse } from 'graphql';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../shared/errors.js';
import type { Viewer } from '../auth/viewer.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** Requests per minute per caller, shared by every process. */
    limits: RateLimits;
  }
}

/** Whose allowance a request spends: the caller, or without a token its address. */
function rateSubject(viewer: Viewer, address: string): { kind: RateKind; id: string } {
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

/** A GraphQL request as it arrives, before it is parsed: what says whether it is a sign-in alone. */
export interface GraphqlRequest {
  query: unknown;
  operationName: unknown;
}

/**
 * Whether the request runs `signIn` and nothing else: one mutation selecting that one field. Such a
 * request spends no address allowance; its failures are limited instead (SignInLimits), so an
 * office behind one address can sign everyone in. Anything more in the request (another field, a
 * fragment, a second `signIn` under an alias) spends as any request does, so a sign-in cannot carry
 * other work past the limit. Parsed with the token limit; a document that does not parse is no
 * sign-in.
 */
export function isSignInAlone(request: GraphqlRequest, maxTokens: number): boolean {
  const { query, operationName } = request;
  if (typeof query !== 'string' || !query.includes('signIn')) return false;
  if (operationName != null && typeof operationName !== 'string') return false;
  let operation;
  try {
    operation = getOperationAST(parse(query, { noLocation: true, maxTokens }), operationName);
  } catch {
    return false;
  }
  const [only, ...more] = operation?.operation === 'mutation' ? operation.selectionSet.selections : [];
  return more.length === 0 && only?.kind === Kind.FIELD && only.name.value === 'signIn';
}

/**
 * Fixed one-minute windows per subject, counted in Redis so every API process spends from the same
 * allowance (in memory when Parley runs as one process without Redis). A limit of 0 is off. If Redis
 * cannot answer, the request goes through: a broker hiccup must not take the contact center down.
 */
export class RateLimits {
  private readonly limiters = new Map<RateKind, RateLimiterAbstract>();

  /** `maxTokens` bounds the parse that tells a sign-in alone (MAX_TOKENS). */
  constructor(
    perMinute: PerMinute,
    prefix: string,
    redis: Redis | null,
    private readonly maxTokens: number,
  ) {
    for (const [kind, points] of Object.entries(perMinute) as [RateKind, number][]) {
      if (points <= 0) continue;
      const options = { points, duration: 60, keyPrefix: `${prefix}:rate:${kind.toLowerCase()}` };
      this.limiters.set(kind, redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options));
    }
  }

  /**
   * Spends one request of the caller's allowance (without a token, its address's), or throws
   * RATE_LIMITED saying when to try again. A GraphQL `request` from a caller without a token that is
   * a sign-in alone spends nothing (see isSignInAlone): the one place that decides it, for HTTP and
   * WebSocket alike.
   */
  async spend(viewer: Viewer, address: string, request?: GraphqlRequest): Promise<void> {
    if (viewer.kind === 'ANONYMOUS' && request && isSignInAlone(request, this.maxTokens)) return;
    const subject = rateSubject(viewer, address);
    const limiter = this.limiters.get(subject.kind);
    if (!limiter) return;
    try {
      await limiter.consume(subject.id);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return;
      throw rateLimited((s) => `Too many requests; try again in ${s} s`, outcome.msBeforeNext);
    }
  }
}
