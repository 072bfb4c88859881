import { Migration } from '@mikro-orm/migrations';

export class Migration20261121000005_monitor_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "interactions_closed_at_index" on "interactions" ("closed_at");`);
    this.addSql(`create index "interactions_campaign_id_queued_at_index" on "interactions" ("campaign_id", "queued_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "interactions_closed_at_index";`);
    this.addSql(`drop index "interactions_campaign_id_queued_at_index";`);
  }
}
