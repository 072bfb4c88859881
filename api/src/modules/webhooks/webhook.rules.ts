import { createHmac, timingSafeEqual } from 'node:crypto';
import { closedHost, describeClosed } from './webhook-target.rules.js';

/**
 * The signature a receiver checks: HMAC-SHA256 of "<unix seconds>.<body>" with the hook's secret,
 * sent as `Parley-Signature: t=<seconds>,v1=<hex>`. The time inside the signed text lets a receiver
 * refuse old replays.
 */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does with the header: true when it was made with this secret for this body, within `toleranceSeconds`. */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const t = Number(match[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signature(secret, body, t).split('v1=')[1]!, 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

/** Only http(s) URLs, and no credentials in them. */
export function validHookUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Longer than any receiver needs; the URL is stored and shown in every hook list. */
export const MAX_HOOK_URL_LENGTH = 2048;

/**
 * Why a hook URL is refused, or null. Unless `allowPrivate`, its host may not be an address only
 * the server reaches (see webhook-target.rules.ts); a name is resolved and checked at delivery.
 */
export function hookUrlRefusal(url: string, allowPrivate: boolean): string | null {
  if (url.length > MAX_HOOK_URL_LENGTH) return `A hook URL holds at most ${MAX_HOOK_URL_LENGTH} characters`;
  if (!validHookUrl(url)) return 'Give an http or https URL without credentials';
  if (allowPrivate) return null;
  const closed = closedHost(new URL(url).hostname);
  return closed ? `The URL's host is ${describeClosed(closed)}: hooks go to receivers on the internet` : null;
}

/** A response that counts as delivered. */
export const delivered = (status: number): boolean => status >= 200 && status < 300;

/** A hook is disabled once this many attempts in a row have failed; it says so and stops receiving. */
export function disabledReason(consecutiveFailures: number, limit: number): string | null {
  return consecutiveFailures >= limit ? `Disabled after ${consecutiveFailures} failed deliveries in a row` : null;
}

export enum DeliveryStatus {
  /** Due, being sent, or waiting for its next attempt (or for its hook to be turned on again). */
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Its last attempt failed, or its target is closed to hooks. */
  FAILED = 'FAILED',
}

/** A webhook delivery is tried this many times in all (the first and its retries) before it is FAILED. */
export const WEBHOOK_DELIVERY_ATTEMPTS = 9;

/**
 * How long a failed delivery waits before its next attempt: the first retry after `baseSeconds`,
 * doubling with each attempt made, at most an hour. `attemptsBefore` counts the attempts before the
 * one that just failed.
 */
export const nextAttemptDelaySeconds = (baseSeconds: number, attemptsBefore: number): number => Math.min(3600, baseSeconds * 2 ** attemptsBefore);
