import { Migration } from '@mikro-orm/migrations';

/**
 * A customer's wait counts from when they first waited for a person, across transfers, returns and
 * sign-outs (queued_at and assigned_at restart at each move: they are the time in the current place).
 * The service level counts from the first wait to the first answer.
 */
export class Migration20261121000016_waiting_since extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "interactions" add column "waiting_since" timestamptz null, add column "first_assigned_at" timestamptz null;`);
    this.addSql(`update "interactions" set "waiting_since" = "queued_at", "first_assigned_at" = "assigned_at";`);
    this.addSql(`create index "interactions_campaign_id_waiting_since_index" on "interactions" ("campaign_id", "waiting_since");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "interactions_campaign_id_waiting_since_index";`);
    this.addSql(`alter table "interactions" drop column "waiting_since", drop column "first_assigned_at";`);
  }
}
