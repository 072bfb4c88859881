import { rows } from '../../db/sql.js';
import type { Deps } from '../../shared/deps.js';
import { Job } from '../../shared/jobs.js';
import { InteractionEventType } from '../interactions/interaction.enums.js';
import { recordEvent, SYSTEM_ACTOR } from '../interactions/interaction.events.js';
import { dispatched, distinct, type Listener } from '../domain-events/dispatcher.js';
import { type Committed, committed, type DomainEvent } from '../domain-events/domain-event.js';
import { loadView } from '../interactions/interaction.access.js';
import { transaction } from '../../db/transaction.js';
import { contactActivitySql } from './contact.queries.js';

/**
 * Schedules the check that expires a contact one session window after its latest message. While a
 * check is already waiting, the message adds none: that check, finding a newer message, schedules
 * the next one for the rest of the window.
 */
async function scheduleExpiry(deps: Deps, contactId: string, windowSeconds = deps.config.CONTACT_EXPIRY_SECONDS, afterSeconds = windowSeconds): Promise<void> {
  // Only a check this process put in the queue is known to wait: one the queue refused may be
  // another's, about to run or to fail, and the next message should ask again.
  if (await deps.jobs.send(Job.CONTACT_EXPIRY, { contactId, windowSeconds }, afterSeconds, contactId)) checksOf(deps).set(contactId, Date.now() + afterSeconds * 1000);
}

/**
 * When the check this process last scheduled for each contact runs. The queue would refuse a second
 * one anyway (one per contact), but asking it costs a customer's every message a statement: a
 * message while a check is known to wait asks nothing. Another process's check is not known here,
 * and that process's contacts only cost the statement.
 */
const checks = new WeakMap<Deps['jobs'], Map<string, number>>();
const MAX_KNOWN_CHECKS = 50_000;
// A check about to run may already be running, and then the queue takes a new one: ask it then.
const closeToRunningMs = (deps: Deps) => Math.min(2000, deps.config.CONTACT_EXPIRY_SECONDS * 250);

function checksOf(deps: Deps): Map<string, number> {
  let known = checks.get(deps.jobs);
  if (!known) checks.set(deps.jobs, (known = new Map()));
  if (known.size > MAX_KNOWN_CHECKS) known.clear();
  return known;
}

/** The customer wrote (or started a chat): its window starts again. */
export const expiryListener: Listener = async (deps, events) => {
  const known = checksOf(deps);
  for (const contactId of distinct(events, 'CONTACT_WROTE', (e) => e.contactId)) {
    if ((known.get(contactId) ?? 0) - Date.now() > closeToRunningMs(deps)) continue;
    await scheduleExpiry(deps, contactId);
  }
};

/**
 * The window runs from the contact's last activity, not its last message alone: a check queued for
 * an earlier message may run after the customer came back, and would expire the new chat's contact
 * at once.
 */
const LAST_ACTIVITY = contactActivitySql('contacts');

/** Expires the contact if it is still silent, once (the UPDATE is guarded); otherwise checks again when its window ends. */
export async function expireContact(deps: Deps, contactId: string, windowSeconds: number): Promise<Committed<void>> {
  const em = deps.orm.em.fork();
  // The state and the trail commit together: a crash between them cannot leave an expiry unrecorded.
  const outcome = await transaction(em, async (tx) => {
    const [checked] = await rows<{ expired: boolean; remaining: number | null }>(
      tx,
      `with expired as (
         update contacts set previous_state = state, state = 'EXPIRED', state_changed_at = now()
          where id = ? and state <> 'EXPIRED' and ${LAST_ACTIVITY} <= now() - make_interval(secs => ?)
          returning id)
       select exists (select 1 from expired) as expired,
              (select extract(epoch from ${LAST_ACTIVITY} + make_interval(secs => ?) - now())::float
                 from contacts where id = ? and state <> 'EXPIRED') as remaining`,
      [contactId, windowSeconds, windowSeconds, contactId],
    );
    if (!checked?.expired) return { expired: [] as string[], remaining: checked?.remaining ?? null };
    const open = await rows<{ id: string }>(tx, "select id from interactions where contact_id = ? and phase <> 'CLOSED'", [contactId]);
    for (const { id } of open) await recordEvent(tx, id, InteractionEventType.CONTACT_EXPIRED, SYSTEM_ACTOR, {});
    return { expired: open.map((o) => o.id), remaining: null };
  });
  if (outcome.remaining != null) await scheduleExpiry(deps, contactId, windowSeconds, outcome.remaining);
  // Expired chats are everyone's to see: subscribers learn of it like any other change.
  const events: DomainEvent[] = [];
  for (const id of outcome.expired) events.push({ kind: 'INTERACTION_CHANGED', interaction: (await loadView(em, id))!, previous: null });
  return committed(undefined, events);
}

/** The most contacts one sweep expires; a full sweep is followed by the next at once. */
const SWEPT_AT_ONCE = 500;

/**
 * The safety net under the checks: a contact's check is queued after its message commits, so a
 * process that dies in between (or a check that failed all its retries) leaves a contact that would
 * stay in its state until it wrote again. The sweep expires the contacts silent for a window since
 * their last activity (LAST_ACTIVITY), each through expireContact as its own check would.
 */
export async function sweepExpiredContacts(deps: Deps): Promise<number> {
  const windowSeconds = deps.config.CONTACT_EXPIRY_SECONDS;
  const overdue = await rows<{ id: string }>(
    deps.orm.em.fork(),
    `select id from contacts
      where state <> 'EXPIRED' and ${LAST_ACTIVITY} <= now() - make_interval(secs => ?)
      order by ${LAST_ACTIVITY} limit ?`,
    [windowSeconds, SWEPT_AT_ONCE],
  );
  for (const { id } of overdue) {
    // One contact that fails is left to the next sweep; the ones behind it are not held back.
    await dispatched(deps, expireContact(deps, id, windowSeconds)).catch((err: unknown) => deps.log.warn({ contactId: id, err: String(err) }, 'contact expiry sweep: a contact failed'));
  }
  return overdue.length;
}

/** The next sweep, unless one already waits (one for all processes). */
const nextSweep = (deps: Deps, afterSeconds = deps.config.CONTACT_EXPIRY_SWEEP_SECONDS) => deps.jobs.send(Job.CONTACT_EXPIRY_SWEEP, {}, afterSeconds, 'sweep');

export async function registerContactExpiry(deps: Deps): Promise<void> {
  await deps.jobs.work(Job.CONTACT_EXPIRY, (data) => dispatched(deps, expireContact(deps, data.contactId, data.windowSeconds ?? deps.config.CONTACT_EXPIRY_SECONDS)));
  await deps.jobs.work(Job.CONTACT_EXPIRY_SWEEP, async () => {
    let swept = 0;
    try {
      swept = await sweepExpiredContacts(deps);
    } finally {
      await nextSweep(deps, swept === SWEPT_AT_ONCE ? 0 : undefined);
    }
  });
  // Every process asks at start: the chain of sweeps survives a process that died mid-sweep.
  await nextSweep(deps);
}
