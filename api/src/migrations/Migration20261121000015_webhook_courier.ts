import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks at production speed: the deliveries table is their queue. A delivery is due at
 * `next_attempt_at` (now when logged; later after a failure, doubling), is taken in `seq` order, the
 * order of the events it carries, and waits behind any earlier pending delivery of the same
 * interaction to the same hook, so each hook hears one interaction's events in order while many
 * deliveries are in flight. Deleting a hook deletes its deliveries: nothing of it is retried. A test
 * ping is a delivery of no interaction.
 */
export class Migration20261121000015_webhook_courier extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_deliveries" add column "seq" bigserial not null;`);
    this.addSql(`alter table "webhook_deliveries" add column "next_attempt_at" timestamptz not null default now();`);
    this.addSql(`alter table "webhook_deliveries" alter column "interaction_id" drop not null;`);
    this.addSql(`create index "webhook_deliveries_pending_index" on "webhook_deliveries" ("webhook_id", "seq") where "status" = 'PENDING';`);
    this.addSql(`create index "webhook_deliveries_pending_interaction_index" on "webhook_deliveries" ("webhook_id", "interaction_id", "seq") where "status" = 'PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "webhook_deliveries_pending_interaction_index";`);
    this.addSql(`drop index "webhook_deliveries_pending_index";`);
    this.addSql(`alter table "webhook_deliveries" drop column "next_attempt_at";`);
    this.addSql(`alter table "webhook_deliveries" drop column "seq";`);
    this.addSql(`delete from "webhook_deliveries" where "interaction_id" is null;`);
    this.addSql(`alter table "webhook_deliveries" alter column "interaction_id" set not null;`);
  }
}
