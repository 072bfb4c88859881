import { type Em, one, rows } from '../../db/sql.js';
import type { Scope } from '../auth/scope.rules.js';
import type { ContactState } from './contact.enums.js';
import { contactInScopeSql } from './contact.rules.js';

/**
 * Moves a contact to where its chat now is, keeping where it was beside it. A move to the state it
 * is already in changes nothing, so the previous state is never overwritten by itself.
 */
export async function moveContact(tx: Em, contactId: string, to: ContactState): Promise<void> {
  await rows(tx, 'update contacts set previous_state = state, state = ?, state_changed_at = now() where id = ? and state <> ?', [to, contactId, to]);
}

/**
 * The contact an integrator knows by `externalId`, among those within the caller's scope (see
 * contactInScopeSql); null when there is none, and the caller then makes its own, so an id from
 * another scope's system never reveals or changes that scope's contact.
 */
export async function findContactByExternalId(tx: Em, externalId: string, scope: Scope): Promise<string | null> {
  const inScope = contactInScopeSql(scope, 'ct.id');
  const found = await one<{ id: string }>(tx, `select ct.id from contacts ct where ct.external_id = ? and ${inScope.sql} order by ct.created_at limit 1`, [externalId, ...inScope.params]);
  return found?.id ?? null;
}
