import type { Knex } from '@mikro-orm/postgresql';
import type { Em } from './sql.js';

/**
 * Who hears that a commit of this process added to the interaction trail: the event feed, which
 * wakes its readers and the webhook pump, and tells the other processes. A database trigger
 * NOTIFYing at every such commit did the same, at a price paid by every message: each listening
 * connection of every process woken and answered (about a sixth of the CPU a customer's message
 * cost the API process and PostgreSQL together). Every statement Parley runs passes `rows`
 * (`db/sql.ts`), which knows from its text whether it writes the trail.
 */

/** Whether a statement's text inserts into the trail. */
export const writesTrail = (sql: string): boolean => TRAIL_INSERT.test(sql);
const TRAIL_INSERT = /\binsert\s+into\s+"?interaction_events"?\s/i;

/** Per ORM (its configuration, shared by every fork): who is told. */
const watchers = new WeakMap<object, Set<() => void>>();
/** A savepoint's outermost transaction: the one whose commit counts. */
const outermost = new WeakMap<Knex.Transaction, Knex.Transaction>();
/** Outermost transactions that wrote the trail and have not committed yet. */
const written = new WeakSet<Knex.Transaction>();

/** Calls `watcher` after every commit, through `em`'s ORM, that added to the trail; returns the way to stop. */
export function onTrailCommit(em: Em, watcher: () => void): () => void {
  let set = watchers.get(em.config);
  if (!set) watchers.set(em.config, (set = new Set()));
  set.add(watcher);
  return () => void set.delete(watcher);
}

/** A statement through `em` wrote the trail: told now if it committed on its own, else at its transaction's commit. */
export function trailWritten(em: Em): void {
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (trx) written.add(outermost.get(trx) ?? trx);
  else tell(em);
}

/** `trx` runs inside `outer` (a savepoint), or is outermost itself. */
export function began(trx: Knex.Transaction, outer: Knex.Transaction | undefined): void {
  if (outer) outermost.set(trx, outermost.get(outer) ?? outer);
}

/** The outermost `trx` committed: those who listen hear of it if it wrote the trail. */
export function committed(em: Em, trx: Knex.Transaction): void {
  if (!written.delete(trx)) return;
  tell(em);
}

function tell(em: Em): void {
  for (const watcher of watchers.get(em.config) ?? []) watcher();
}
