/** How an operation is tried again after a transient failure. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait after the first failure; it doubles with each failure after it. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_SEND_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 8_000 };

/** A socket comes back for as long as the client is open. */
export const DEFAULT_RECONNECT: RetryPolicy = { attempts: Infinity, baseDelayMs: 500, maxDelayMs: 15_000 };

/**
 * The wait after `failures` failures in a row: doubling from the base, capped, and drawn between
 * half of that and all of it, so that clients cut off together do not all come back in one burst.
 */
export function backoffDelay(policy: RetryPolicy, failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Waits `ms`, or rejects with the signal's reason once it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, fails in a way `transient` does not forgive, or the attempts
 * run out (the last failure is thrown). An abort of `signal` ends the waiting at once.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, transient: (err: unknown) => boolean, signal?: AbortSignal): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n >= policy.attempts || !transient(err) || signal?.aborted) throw err;
      await sleep(backoffDelay(policy, n), signal);
    }
  }
}
