import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type Em, one, rows } from '../../db/sql.js';
import type { Logger } from '../../shared/logger.js';
import { closedResolution } from './webhook-target.rules.js';
import { delivered, disabledReason, hookUrlRefusal, nextAttemptDelaySeconds, signature, WEBHOOK_DELIVERY_ATTEMPTS } from './webhook.rules.js';
import { transaction } from '../../db/transaction.js';

/** A delivery the courier has claimed, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  eventKey: string;
  payload: unknown;
  attempts: number;
  webhookId: string;
  url: string;
  secret: string;
}

export interface SendSettings {
  timeoutMs: number;
  allowPrivate: boolean;
  retrySeconds: number;
  disableAfterFailures: number;
}

/**
 * Sends one claimed delivery: signed, with the event id for the receiver to drop duplicates, and
 * records the answer. A failure is due again after a delay that doubles with each attempt, until
 * the last leaves it FAILED; a hook whose attempts keep failing is disabled with the reason, and
 * its pending deliveries wait until it is turned on again.
 */
export async function sendClaimed(em: Em, log: Logger, settings: SendSettings, d: ClaimedDelivery): Promise<void> {
  const body = JSON.stringify(typeof d.payload === 'string' ? JSON.parse(d.payload) : d.payload);
  const at = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  // A target closed to hooks fails its delivery at once, without retries: a refusal, not an outage.
  // It still counts as a failure of the hook, so one that keeps pointing inside is disabled.
  let refused = false;
  // One time limit for the name's resolution and the request: the claim lasts no longer.
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  try {
    const target = await resolveTarget(d.url, settings.allowPrivate, deadline);
    if (target.kind === 'REFUSED') {
      error = `Refused: ${target.reason}`;
      refused = true;
    } else {
      status = await post(target.url, target.addresses, body, deadline, {
        'content-type': 'application/json',
        'user-agent': 'Parley-Webhooks/1',
        'parley-event-id': d.eventKey,
        'parley-timestamp': String(at),
        'parley-signature': signature(d.secret, body, at),
      });
      if (!delivered(status)) error = `HTTP ${status}`;
    }
  } catch (err) {
    error = (err as Error).name === 'TimeoutError' ? 'Timed out' : `Could not connect: ${(err as Error).message}`;
  }
  if (!error) {
    await rows(em, "update webhook_deliveries set status = 'DELIVERED', attempts = attempts + 1, last_status_code = ?, last_error = null, delivered_at = now(), claimed_until = null where id = ?", [
      status,
      d.id,
    ]);
    await rows(em, 'update webhooks set consecutive_failures = 0 where id = ? and consecutive_failures <> 0', [d.webhookId]);
    return;
  }
  await rows(
    em,
    `update webhook_deliveries set attempts = attempts + 1, last_status_code = ?, last_error = ?, claimed_until = null,
            status = case when attempts + 1 >= ? then 'FAILED' else status end,
            next_attempt_at = now() + make_interval(secs => ?)
      where id = ?`,
    [status, error, refused ? 0 : WEBHOOK_DELIVERY_ATTEMPTS, nextAttemptDelaySeconds(settings.retrySeconds, d.attempts), d.id],
  );
  // Counted under the hook's lock, so concurrent failures disable it once, at exactly the limit.
  const disabled = await transaction(em, async (tx) => {
    const hook = await one<{ consecutive_failures: number; active: boolean }>(tx, 'select consecutive_failures, active from webhooks where id = ? for update', [d.webhookId]);
    if (!hook) return null;
    const failures = hook.consecutive_failures + 1;
    const reason = hook.active ? disabledReason(failures, settings.disableAfterFailures) : null;
    await rows(tx, 'update webhooks set consecutive_failures = ?, active = active and ?, disabled_reason = coalesce(?, disabled_reason) where id = ?', [
      failures,
      reason === null,
      reason,
      d.webhookId,
    ]);
    return reason;
  });
  if (disabled) log.warn({ webhookId: d.webhookId }, disabled);
}

type Target = { kind: 'OPEN'; url: URL; addresses: LookupAddress[] } | { kind: 'REFUSED'; reason: string };

/**
 * The hook's URL checked again (it may predate the rule, or WEBHOOK_ALLOW_PRIVATE was on when it was
 * made) and its host resolved, every address of it checked: a public name may point inside.
 */
async function resolveTarget(raw: string, allowPrivate: boolean, deadline: AbortSignal): Promise<Target> {
  const refusal = hookUrlRefusal(raw, allowPrivate);
  if (refusal) return { kind: 'REFUSED', reason: refusal };
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: LookupAddress[];
  try {
    addresses = await beforeDeadline(lookup(host, { all: true, verbatim: true }), deadline);
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') throw err;
    throw new Error(`could not resolve ${host} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { cause: err });
  }
  if (!allowPrivate) {
    const closed = closedResolution(
      host,
      addresses.map((a) => a.address),
    );
    if (closed) return { kind: 'REFUSED', reason: closed };
  }
  return { kind: 'OPEN', url, addresses };
}

/**
 * POSTs to the addresses already checked, never to what a second DNS answer says: a name that
 * resolved outside for the check and inside for the connection (DNS rebinding) would otherwise
 * pass. fetch takes no resolver, hence node:http. The status is all that is read of the answer.
 */
function post(url: URL, addresses: LookupAddress[], body: string, signal: AbortSignal, headers: Record<string, string>): Promise<number> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) return (callback as unknown as (err: null, all: LookupAddress[]) => void)(null, addresses);
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const wanted = addresses.find((a) => !family || a.family === family) ?? addresses[0]!;
    callback(null, wanted.address, wanted.family);
  };
  if (signal.aborted) return Promise.reject(timedOut());
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: pinned, agent: false, signal },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    request.on('error', (err) => reject(signal.aborted ? timedOut() : err));
    request.end(body);
  });
}

const timedOut = (): Error => Object.assign(new Error('Timed out'), { name: 'TimeoutError' });

/** `work`, or a TimeoutError once `deadline` passes: dns.lookup takes no signal of its own. */
async function beforeDeadline<T>(work: Promise<T>, deadline: AbortSignal): Promise<T> {
  if (deadline.aborted) throw timedOut();
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(timedOut());
    deadline.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    deadline.removeEventListener('abort', onAbort);
  }
}
