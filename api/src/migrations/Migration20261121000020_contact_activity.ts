import { Migration } from '@mikro-orm/migrations';

/**
 * The Contacts screen lists contacts newest activity first (their latest message or move, see
 * contacts/contact.queries.ts) and pages on it: the index keeps the first page a short read however
 * many contacts the installation has.
 */
export class Migration20261121000020_contact_activity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "contacts_activity_index" on "contacts" ((greatest(coalesce("last_message_at", "created_at"), "state_changed_at")) desc, "id" desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "contacts_activity_index";`);
  }
}
