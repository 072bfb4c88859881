import { Migration } from '@mikro-orm/migrations';

/**
 * The feed and webhooks start from a moment (`since`): the first events at or after it, and their
 * transactions, are found by time in the index alone, not by walking the whole trail in transaction
 * order. Migrations run in one transaction, so this build holds writes to the trail while it runs;
 * on a large trail, build it first with `create index concurrently if not exists
 * interaction_events_created_at_txid_index on interaction_events (created_at, txid)` and this finds it.
 */
export class Migration20261205000025_event_time_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists "interaction_events_created_at_txid_index" on "interaction_events" ("created_at", "txid");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "interaction_events_created_at_txid_index";`);
  }
}
