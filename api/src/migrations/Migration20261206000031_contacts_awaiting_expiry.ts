import { Migration } from '@mikro-orm/migrations';

/**
 * The contacts that may still expire, by when they last wrote: the expiry sweep reads the overdue
 * ones from here. Every contact that writes expires in time, so the index holds the live ones only.
 */
export class Migration20261206000031_contacts_awaiting_expiry extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "contacts_awaiting_expiry_index" on "contacts" ((coalesce("last_message_at", "created_at"))) where "state" <> 'EXPIRED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "contacts_awaiting_expiry_index";`);
  }
}
