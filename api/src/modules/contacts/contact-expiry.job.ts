import { rows } from '../../db/sql.js';
import type { Deps } from '../../server/deps.js';
import { Job } from '../../shared/jobs.js';
import { InteractionEventType } from '../interactions/interaction.enums.js';
import { publishChange, recordEvent } from '../interactions/interaction.events.js';
import { loadView } from '../interactions/interaction.access.js';

/** Schedules the check that expires a contact one session window after its latest message. */
export function scheduleExpiry(deps: Deps, contactId: string): Promise<void> {
  return deps.jobs.send(Job.CONTACT_EXPIRY, { contactId, windowSeconds: deps.config.CONTACT_EXPIRY_SECONDS }, deps.config.CONTACT_EXPIRY_SECONDS);
}

/**
 * Expires the contact if it is still silent. A job is sent per message, so most find a newer
 * message and do nothing; the guarded UPDATE makes the one that acts act once.
 */
export async function expireContact(deps: Deps, contactId: string, windowSeconds: number): Promise<void> {
  const em = deps.orm.em.fork();
  const expired = await rows(
    em,
    `update contacts set previous_state = state, state = 'EXPIRED', state_changed_at = now()
      where id = ? and state <> 'EXPIRED'
        and coalesce(last_message_at, created_at) <= now() - make_interval(secs => ?)
      returning id`,
    [contactId, windowSeconds],
  );
  if (expired.length === 0) return;
  const open = await rows<{ id: string }>(em, "select id from interactions where contact_id = ? and phase <> 'CLOSED'", [contactId]);
  for (const { id } of open) {
    await recordEvent(em, id, InteractionEventType.CONTACT_EXPIRED, { kind: 'SYSTEM', id: null }, {});
    const view = (await loadView(em, id))!;
    // Expired chats are everyone's to see: subscribers learn of it like any other change.
    await publishChange(deps, view, null);
  }
}

export function registerContactExpiry(deps: Deps): Promise<void> {
  return deps.jobs.work(Job.CONTACT_EXPIRY, (data) => expireContact(deps, data.contactId, data.windowSeconds ?? deps.config.CONTACT_EXPIRY_SECONDS));
}
