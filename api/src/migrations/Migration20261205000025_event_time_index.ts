import { Migration } from '@mikro-orm/migrations';

/**
 * The feed and webhooks start from a moment (`since`): the first events at or after it are found by
 * time, not by walking the whole trail in transaction order.
 */
export class Migration20261205000025_event_time_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "interaction_events_created_at_index" on "interaction_events" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "interaction_events_created_at_index";`);
  }
}
