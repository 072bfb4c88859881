import type { Knex } from '@mikro-orm/postgresql';
import type { Em } from './sql.js';
import { began, committed } from './trail-commits.js';

/**
 * Runs `work` in one transaction, or in a savepoint of the one `em` is already in, on a fork of
 * `em` that carries it (`tx`): what `work` runs through `tx` commits or rolls back together.
 *
 * Not MikroORM's `em.transactional`: that keeps the transaction in an AsyncLocalStorage, and on
 * Node 20 the first use of one turns on promise hooks for the whole process, for good. Every promise
 * of every request then pays for them (the customers' message throughput rose by about a fifth
 * without). Parley hands its transaction down by hand, so it needs no such context; ESLint keeps
 * `transactional`, `flush` and `findAndCount` (which run in one too) out of the code.
 */
export async function transaction<T>(em: Em, work: (tx: Em) => Promise<T>): Promise<T> {
  const outer = em.getTransactionContext<Knex.Transaction>();
  let ran: Knex.Transaction | undefined;
  const result = await em.getConnection().transactional(
    async (trx) => {
      ran = trx;
      began(trx, outer);
      const tx = em.fork();
      tx.setTransactionContext(trx);
      return work(tx);
    },
    { ctx: outer },
  );
  // A savepoint's writes commit with the transaction around it.
  if (!outer && ran) committed(em, ran);
  return result;
}
