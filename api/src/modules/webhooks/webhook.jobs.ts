import { randomUUID } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { type Em, one, rows } from '../../db/sql.js';
import type { Deps } from '../../server/deps.js';
import { Job, WEBHOOK_DELIVERY_ATTEMPTS } from '../../shared/jobs.js';
import { heldBack, readEvents } from '../events/event-feed.js';
import { scopeFrom } from '../auth/scope.rules.js';
import { encodeCursor, feedMatches } from '../events/event-feed.rules.js';
import { closedResolution } from './webhook-target.rules.js';
import { delivered, disabledReason, hookUrlRefusal, signature } from './webhook.rules.js';

/** Events one pump takes per hook; a full take is followed by another pump. */
const TAKE = 200;

/** Asks for a pump; at most one runs and one waits, however often commits ask. */
export function pokeWebhooks(deps: Deps): Promise<void> {
  return deps.jobs.send(Job.WEBHOOK_PUMP, {}, 0);
}

/**
 * Turns new events into deliveries, for every active hook from its own feed position: the log rows
 * and the hook's new position commit together (a delivery is logged once per event and hook), and
 * each new delivery's job is queued before that commit. A job that runs before the commit finds no
 * row and is retried; one whose pump rolled back fails its retries harmlessly, and the next pump logs
 * those events again under new ids.
 */
export async function pumpWebhooks(deps: Deps): Promise<void> {
  let more = false;
  let held = false;
  await deps.orm.em.fork().transactional(async (tx) => {
    const hooks = await rows(
      tx,
      // The reach of the person behind each hook, read now: a campaign moved out of their group stops reaching it.
      `select w.id, w.event_types, w.campaign_ids, w.feed_txid::text as txid, w.feed_id::text as fid, u.security_group_id,
              case when u.security_group_id is null then null else array(select gc.id::text from campaigns gc where gc.security_group_id = u.security_group_id) end as group_campaign_ids
         from webhooks w left join users u on u.id = w.created_by_id
        where w.active order by w.id for update of w skip locked`,
    );
    for (const hook of hooks) {
      const events = await readEvents(tx, { txid: BigInt(hook.txid), id: BigInt(hook.fid) }, TAKE);
      if (events.length === 0) continue;
      more ||= events.length === TAKE;
      const reach = scopeFrom({ securityGroupId: hook.security_group_id, groupCampaignIds: hook.group_campaign_ids });
      const wanted = events.filter((e) => feedMatches({ campaignIds: hook.campaign_ids, channels: [], types: hook.event_types }, reach, e));
      const logged = wanted.length === 0 ? [] : await logDeliveries(tx, hook.id, wanted.map((e) => ({ id: randomUUID(), event: e })));
      for (const deliveryId of logged) await deps.jobs.send(Job.WEBHOOK_DELIVERY, { deliveryId }, 0);
      const last = events.at(-1)!.position;
      await rows(tx, 'update webhooks set feed_txid = ?::text::xid8, feed_id = ? where id = ?', [last.txid.toString(), last.id.toString(), hook.id]);
    }
    // Events committed behind a transaction still running are not readable yet, and their commit's
    // wake-up has passed: look again shortly.
    for (const hook of hooks) if (await heldBack(tx, { txid: BigInt(hook.txid), id: BigInt(hook.fid) })) held = true;
  });
  if (more) await pokeWebhooks(deps);
  else if (held) await deps.jobs.send(Job.WEBHOOK_PUMP, {}, 1);
}

async function logDeliveries(tx: Em, webhookId: string, items: { id: string; event: Awaited<ReturnType<typeof readEvents>>[number] }[]): Promise<string[]> {
  const input = items.map(({ id, event }) => {
    const eventId = encodeCursor(event.position);
    return {
      id,
      event_key: eventId,
      event_type: event.type,
      interaction_id: event.interactionId,
      payload: {
        id: eventId,
        type: event.type,
        interactionId: event.interactionId,
        campaignId: event.campaignId,
        channel: event.channel,
        actor: { kind: event.actorKind, id: event.actorId },
        data: event.data,
        createdAt: event.createdAt.toISOString(),
      },
    };
  });
  const inserted = await rows<{ id: string }>(
    tx,
    `insert into webhook_deliveries (id, webhook_id, event_key, event_type, interaction_id, payload, created_at)
     select d.id, ?, d.event_key, d.event_type, d.interaction_id, d.payload, now()
       from jsonb_to_recordset(?::jsonb) as d(id uuid, event_key text, event_type text, interaction_id uuid, payload jsonb)
     on conflict (webhook_id, event_key) do nothing returning id`,
    [webhookId, JSON.stringify(input)],
  );
  return inserted.map((r) => r.id);
}

/**
 * Sends one delivery: signed, with the event id for the receiver to drop duplicates. A failure is
 * logged and thrown, so the job queue retries it with exponential backoff; a hook whose attempts
 * keep failing is disabled with the reason, and its pending deliveries stop. A delivery is claimed
 * while it is sent, so two jobs for it never both send.
 */
export async function sendDelivery(deps: Deps, deliveryId: string): Promise<void> {
  const em = deps.orm.em.fork();
  // Claimed for as long as a send may take: a second job for the same delivery finds it taken.
  const row = await one(
    em,
    `update webhook_deliveries d set claimed_until = now() + make_interval(secs => ?::float / 1000)
       from webhooks w
      where d.id = ? and w.id = d.webhook_id and d.status = 'PENDING' and w.active and (d.claimed_until is null or d.claimed_until < now())
      returning d.id, d.event_key, d.payload, w.id as webhook_id, w.url, w.secret`,
    [deps.config.WEBHOOK_TIMEOUT_MS + 5000, deliveryId],
  );
  if (!row) {
    // Not committed yet (the pump is finishing): the retry will find it. Otherwise it is done, held
    // by another sender, or its hook is off: nothing to do here.
    if (!(await one(em, 'select 1 from webhook_deliveries where id = ?', [deliveryId]))) throw new Error(`delivery ${deliveryId} not logged yet`);
    return;
  }
  const body = JSON.stringify(typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload);
  const at = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  // A target closed to hooks fails its delivery at once, without retries: a refusal, not an outage.
  // It still counts as a failure of the hook, so one that keeps pointing inside is disabled.
  let refused = false;
  // One time limit for the name's resolution and the request: the claim above lasts no longer.
  const deadline = AbortSignal.timeout(deps.config.WEBHOOK_TIMEOUT_MS);
  try {
    const target = await resolveTarget(row.url, deps.config.WEBHOOK_ALLOW_PRIVATE, deadline);
    if (target.kind === 'REFUSED') {
      error = `Refused: ${target.reason}`;
      refused = true;
    } else {
      status = await post(target.url, target.addresses, body, deadline, {
        'content-type': 'application/json',
        'user-agent': 'Parley-Webhooks/1',
        'parley-event-id': row.event_key,
        'parley-timestamp': String(at),
        'parley-signature': signature(row.secret, body, at),
      });
      if (!delivered(status)) error = `HTTP ${status}`;
    }
  } catch (err) {
    error = (err as Error).name === 'TimeoutError' ? 'Timed out' : `Could not connect: ${(err as Error).message}`;
  }
  if (!error) {
    await rows(em, "update webhook_deliveries set status = 'DELIVERED', attempts = attempts + 1, last_status_code = ?, last_error = null, delivered_at = now(), claimed_until = null where id = ?", [status, deliveryId]);
    await rows(em, 'update webhooks set consecutive_failures = 0 where id = ?', [row.webhook_id]);
    return;
  }
  const tried = await one<{ attempts: number }>(
    em,
    `update webhook_deliveries set attempts = attempts + 1, last_status_code = ?, last_error = ?, claimed_until = null,
            status = case when attempts + 1 >= ? then 'FAILED' else status end
      where id = ? returning attempts`,
    [status, error, refused ? 0 : WEBHOOK_DELIVERY_ATTEMPTS, deliveryId],
  );
  // Counted under the hook's lock, so concurrent failures disable it once, at exactly the limit.
  const disabled = await em.transactional(async (tx) => {
    const hook = (await one<{ consecutive_failures: number; active: boolean }>(tx, 'select consecutive_failures, active from webhooks where id = ? for update', [row.webhook_id]))!;
    const failures = hook.consecutive_failures + 1;
    const reason = hook.active ? disabledReason(failures, deps.config.WEBHOOK_DISABLE_AFTER_FAILURES) : null;
    await rows(tx, 'update webhooks set consecutive_failures = ?, active = active and ?, disabled_reason = coalesce(?, disabled_reason) where id = ?', [failures, reason === null, reason, row.webhook_id]);
    return reason;
  });
  if (disabled) {
    deps.log.warn({ webhookId: row.webhook_id }, disabled);
    return;
  }
  // The last attempt leaves the delivery FAILED in the log; any other is retried by the queue.
  if (!refused && tried!.attempts < WEBHOOK_DELIVERY_ATTEMPTS) throw new Error(`webhook delivery failed: ${error}`);
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
    throw new Error(`could not resolve ${host} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!allowPrivate) {
    const closed = closedResolution(host, addresses.map((a) => a.address));
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

/** A hook turned on again gets the deliveries that waited while it was off. */
export async function resumeDeliveries(deps: Deps, webhookId: string): Promise<void> {
  const pending = await rows<{ id: string }>(deps.orm.em.fork(), "select id from webhook_deliveries where webhook_id = ? and status = 'PENDING' order by created_at, id", [webhookId]);
  for (const { id } of pending) await deps.jobs.send(Job.WEBHOOK_DELIVERY, { deliveryId: id }, 0);
  await pokeWebhooks(deps);
}

export async function registerWebhooks(deps: Deps): Promise<void> {
  await deps.jobs.work(Job.WEBHOOK_PUMP, () => pumpWebhooks(deps), 1);
  // One job at a time: pg-boss fails a whole batch when its handler throws, which would spend the
  // retries of deliveries that were never tried.
  await deps.jobs.work(Job.WEBHOOK_DELIVERY, (data) => sendDelivery(deps, data.deliveryId), 1);
  deps.feed.onCommit(() => void pokeWebhooks(deps).catch((err) => deps.log.warn({ err }, 'webhook pump')));
  // Whatever was committed while no process ran goes out now.
  await pokeWebhooks(deps);
}
