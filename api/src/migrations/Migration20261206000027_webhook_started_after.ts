import { Migration } from '@mikro-orm/migrations';

/**
 * A hook made "from now" starts below every transaction still running, so none is lost; the
 * snapshot of its making tells which events after that start were already committed, and are not sent.
 */
export class Migration20261206000027_webhook_started_after extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "webhooks" add column "feed_started_after" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhooks" drop column "feed_started_after";`);
  }
}
