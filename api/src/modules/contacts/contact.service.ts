import { type Em, rows } from '../../db/sql.js';
import type { ContactState } from './contact.enums.js';

/**
 * Moves a contact to where its chat now is, keeping where it was beside it. A move to the state it
 * is already in changes nothing, so the previous state is never overwritten by itself.
 */
export async function moveContact(tx: Em, contactId: string, to: ContactState): Promise<void> {
  await rows(tx, 'update contacts set previous_state = state, state = ?, state_changed_at = now() where id = ? and state <> ?', [to, contactId, to]);
}
