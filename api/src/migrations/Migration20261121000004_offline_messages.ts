import { Migration } from '@mikro-orm/migrations';

export class Migration20261121000004_offline_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "offline_messages" ("id" uuid not null, "campaign_id" uuid not null, "name" text null, "email" text null, "phone" text null, "language" text null, "body" text not null, "created_at" timestamptz not null, constraint "offline_messages_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "offline_messages_campaign_id_created_at_index" on "offline_messages" ("campaign_id", "created_at");`);

    this.addSql(`alter table "offline_messages" add constraint "offline_messages_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "offline_messages" cascade;`);
  }
}
