import { Migration } from '@mikro-orm/migrations';

/** Webhooks read the event feed from their own position; every delivery is logged, once per event and hook. */
export class Migration20261121000007_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhooks" ("id" uuid not null, "url" text not null, "event_types" text[] not null, "campaign_ids" text[] not null, "secret" text not null, "active" boolean not null default true, "disabled_reason" text null, "consecutive_failures" int not null default 0, "feed_txid" xid8 not null, "feed_id" bigint not null, "created_at" timestamptz not null, constraint "webhooks_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "webhook_deliveries" ("id" uuid not null, "webhook_id" uuid not null, "event_key" text not null, "event_type" text not null, "interaction_id" uuid not null, "payload" jsonb not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "last_status_code" int null, "last_error" text null, "claimed_until" timestamptz null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "webhook_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_webhook_id_foreign" foreign key ("webhook_id") references "webhooks" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_webhook_event_unique" unique ("webhook_id", "event_key");`);
    this.addSql(`create index "webhook_deliveries_webhook_id_created_at_index" on "webhook_deliveries" ("webhook_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "webhook_deliveries";`);
    this.addSql(`drop table "webhooks";`);
  }
}
