import { Migration } from '@mikro-orm/migrations';

/**
 * The contacts that may still expire, by their last activity (a message, or a change of state such
 * as a returning customer's new chat): the expiry sweep reads the overdue ones from here. Every
 * contact expires in time, so the index holds the live ones only. Migrations run in one
 * transaction, so this build holds writes to contacts while it runs; on a large table, build it
 * first with `create index concurrently if not exists contacts_awaiting_expiry_index on contacts
 * ((greatest(coalesce(last_message_at, created_at), state_changed_at))) where state <> 'EXPIRED'`
 * and this finds it.
 */
export class Migration20261206000031_contacts_awaiting_expiry extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists "contacts_awaiting_expiry_index" on "contacts" ((greatest(coalesce("last_message_at", "created_at"), "state_changed_at"))) where "state" <> 'EXPIRED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "contacts_awaiting_expiry_index";`);
  }
}
