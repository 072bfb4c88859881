import type { Orm } from '../../db/orm.js';
import { rows } from '../../db/sql.js';
import type { Logger } from '../../shared/logger.js';
import type { Listener } from '../domain-events/dispatcher.js';
import { SoonestTimer } from '../../shared/soonest-timer.js';
import { pumpWebhooks } from './webhook.pump.js';
import { type ClaimedDelivery, sendClaimed, type SendSettings } from './webhook.send.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** Turns committed events into webhook deliveries and sends them, in parallel across hooks. */
    webhooks: WebhookCourier;
  }
}

export interface CourierSettings extends SendSettings {
  /** Requests one hook may have in flight. */
  perHook: number;
  /** Requests this process may have in flight, over all hooks. */
  perProcess: number;
}

/** However quiet it is, due work another process logged (or left when it stopped) is looked for this often. */
const IDLE_LOOK_MS = 5_000;
/** Events held behind a transaction still running, or hooks another process held, are looked at again this soon. */
const AGAIN_LOOK_MS = 100;
/** A pump that failed (the database away a moment) is tried again this soon. */
const PUMP_RETRY_MS = 1_000;
/** How often a process without hooks looks whether one was made elsewhere. */
const HOOKS_READ_MS = 1_000;
/** How long stopping waits for deliveries in flight. */
const CLOSE_WAIT_MS = 2_000;

/**
 * Claims due deliveries across hooks, as many as each hook and this process may have in flight:
 * per hook, the oldest first, and never one whose interaction has an earlier delivery to that hook
 * still pending, so one interaction's events reach a hook in order. A claim lasts as long as a send
 * may; every process runs a courier, and a row is claimed by one of them only.
 */
const CLAIM_SQL = `
  with hooks as (
    select w.id, w.url, w.secret,
           ?::int - (select count(*) from webhook_deliveries b where b.webhook_id = w.id and b.status = 'PENDING' and b.claimed_until >= now()) as room
      from webhooks w where w.active
  ), picked as (
    select x.id, h.room, row_number() over (partition by h.id order by x.seq) as n
      from hooks h cross join lateral (
        select d.id, d.seq from webhook_deliveries d
         where d.webhook_id = h.id and d.status = 'PENDING' and d.next_attempt_at <= now()
           and (d.claimed_until is null or d.claimed_until < now())
           and not exists (select 1 from webhook_deliveries e
                            where e.webhook_id = d.webhook_id and e.interaction_id = d.interaction_id and e.status = 'PENDING' and e.seq < d.seq)
         order by d.seq limit ?
         for update of d skip locked) x
     where h.room > 0
  ), chosen as (
    select id from picked where n <= room order by n, id limit ?
  )
  update webhook_deliveries d set claimed_until = now() + make_interval(secs => ?::float / 1000)
    from chosen c, webhooks w
   where d.id = c.id and w.id = d.webhook_id
  returning d.id, d.event_key, d.payload, d.attempts, d.webhook_id, w.url, w.secret`;

/**
 * When a pending delivery of an active hook next falls due: a retry's time, or a claim running out
 * (its sender stopped). One due now but waiting for its place or for an earlier event in flight is
 * woken by that send's end.
 */
const NEXT_DUE_SQL = `
  select extract(epoch from min(case when d.claimed_until > now() then d.claimed_until when d.next_attempt_at > now() then d.next_attempt_at end) - now()) * 1000 as ms
    from webhook_deliveries d join webhooks w on w.id = d.webhook_id and w.active
   where d.status = 'PENDING'`;

/**
 * Webhooks without a poll gap: the feed's commit wakes the pump, which logs deliveries and wakes
 * the courier, which sends them at once, many in parallel. A slow hook fills only its own places in
 * flight; a failed delivery is due again later and wakes the courier then.
 */
export class WebhookCourier {
  private inFlight = 0;
  private readonly pumpRun = new Coalesced();
  private readonly claimRun = new Coalesced();
  /** The next look for due deliveries. */
  private readonly look = new SoonestTimer(() => this.wake());
  /** The next pump that must look again (events held back, hooks held elsewhere, a failure). */
  private readonly pumpAgain = new SoonestTimer(() => this.pump());
  /** How soon a pump that must look again does, doubling while it finds nothing new. */
  private againMs = AGAIN_LOOK_MS;
  private stopped = false;
  private hooksOn = true;
  private hooksReadAt = 0;
  private hooksVersion = 0;
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly orm: Orm,
    private readonly log: Logger,
    private readonly settings: CourierSettings,
  ) {}

  /** Starts the first look: whatever was committed or left due while no process ran goes out now. */
  start(): void {
    this.pump();
    // Deliveries left pending when the last process stopped (a retry's time, a claim that ran out).
    this.wake();
  }

  /** New events committed somewhere: log them as deliveries, then send. */
  pump(): void {
    if (this.stopped) return;
    this.pumpRun.run(
      async () => {
        if (!(await this.anyHookOn())) return;
        const result = await pumpWebhooks(this.orm.em.fork());
        if (result.logged) this.wake();
        if (result.more) this.pump();
        else if (result.again) {
          // Doubling while nothing moves: a lock or a transaction held for long (someone's SQL
          // session) costs a look every few seconds, not ten a second. A commit still pumps at once.
          this.pumpLater(result.logged ? AGAIN_LOOK_MS : this.againMs);
          this.againMs = result.logged ? AGAIN_LOOK_MS : Math.min(this.againMs * 2, IDLE_LOOK_MS);
        } else this.againMs = AGAIN_LOOK_MS;
      },
      (err) => {
        this.log.warn({ err }, 'webhook pump');
        this.pumpLater(PUMP_RETRY_MS);
      },
    );
  }

  /** Pumps again after `ms`, unless a pump is already set to come sooner. */
  private pumpLater(ms: number): void {
    if (!this.stopped) this.pumpAgain.in(ms);
  }

  /** A hook was made or turned on in this process: the next pump looks at once. */
  private hooksChanged(): void {
    this.hooksVersion++;
    this.hooksOn = true;
    this.hooksReadAt = Date.now();
  }

  /**
   * Whether any hook is on, read at most every HOOKS_READ_MS: every event commit (every message)
   * wakes the pump, and a center without hooks should not pay a transaction for each. A hook made
   * on another process is pumped there at once, and here from the next read.
   */
  private async anyHookOn(): Promise<boolean> {
    if (Date.now() - this.hooksReadAt >= HOOKS_READ_MS) {
      const version = this.hooksVersion;
      const on = (await rows(this.orm.em.fork(), 'select 1 from webhooks where active limit 1')).length > 0;
      // A hook made here while the read ran is on, whatever the read saw.
      if (version === this.hooksVersion) {
        this.hooksOn = on;
        this.hooksReadAt = Date.now();
      }
    }
    return this.hooksOn;
  }

  /** A hook was made or turned on: it counts at once, then what waited for it is logged and sent. */
  hookOn(): void {
    this.hooksChanged();
    this.pump();
    this.wake();
  }

  /** Deliveries may be due: claim what fits and send it. */
  wake(): void {
    if (this.stopped) return;
    this.claimRun.run(
      () => this.claim(),
      (err) => {
        this.log.warn({ err }, 'webhook courier');
        this.later(IDLE_LOOK_MS);
      },
    );
  }

  /**
   * Stops claiming and gives deliveries in flight a moment to finish and be logged. One still
   * waiting on a slow receiver is left to its claim's end, then sent again by a process that runs:
   * at least once, which the event id lets a receiver see.
   */
  async close(): Promise<void> {
    this.stopped = true;
    this.look.clear();
    this.pumpAgain.clear();
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.sending]), new Promise((r) => (waited = setTimeout(r, CLOSE_WAIT_MS)))]);
    clearTimeout(waited);
  }

  private async claim(): Promise<void> {
    const free = this.settings.perProcess - this.inFlight;
    if (free > 0) {
      const claimed = await rows(this.orm.em.fork(), CLAIM_SQL, [this.settings.perHook, this.settings.perHook, free, this.settings.timeoutMs + 5000]);
      for (const row of claimed) this.send({ id: row.id, eventKey: row.event_key, payload: row.payload, attempts: row.attempts, webhookId: row.webhook_id, url: row.url, secret: row.secret });
      // A full claim may have left more due behind it: look again as soon as this one is done.
      if (claimed.length === free) return this.wake();
    }
    // A send in flight wakes the courier when it ends; the next due time matters only once none is.
    if (this.inFlight > 0) return;
    const next = await rows<{ ms: number | null }>(this.orm.em.fork(), NEXT_DUE_SQL);
    const ms = next[0]?.ms;
    this.later(ms === null || ms === undefined ? IDLE_LOOK_MS : Math.min(IDLE_LOOK_MS, Math.max(0, ms) + 10));
  }

  private send(d: ClaimedDelivery): void {
    this.inFlight++;
    const sent = sendClaimed(this.orm.em.fork(), this.log, this.settings, d)
      .catch((err) => this.log.warn({ err, deliveryId: d.id }, 'webhook delivery'))
      .finally(() => {
        this.inFlight--;
        this.sending.delete(sent);
        // Its place is free, and the next event of its interaction may now go.
        this.wake();
      });
    this.sending.add(sent);
  }

  /** Looks again after `ms`, unless an earlier look is already set. */
  private later(ms: number): void {
    if (!this.stopped) this.look.in(ms);
  }
}

/**
 * A hook made or turned on here is counted among the hooks on at once, and what waited for it (events
 * since its start, or since it was turned off) is logged and sent; a delivery due now is claimed.
 */
export const courierListener: Listener = async (deps, events) => {
  if (events.some((e) => e.kind === 'HOOK_ON')) deps.webhooks.hookOn();
  else if (events.some((e) => e.kind === 'DELIVERY_DUE')) deps.webhooks.wake();
};

/** One run at a time; calls made while it runs are served by one more run after it. */
class Coalesced {
  private running = false;
  private again = false;

  run(work: () => Promise<void>, onError: (err: unknown) => void): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void work()
      .catch(onError)
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.run(work, onError);
        }
      });
  }
}
