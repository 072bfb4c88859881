import { Migration } from '@mikro-orm/migrations';

/**
 * Messages between staff (a supervisor and an agent): kept, so a reconnecting screen reads what it
 * missed, and idempotent per author and clientMessageId like chat messages.
 */
export class Migration20261121000010_internal_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "internal_messages" ("id" uuid not null, "from_user_id" uuid not null, "to_user_id" uuid not null, "body" text not null, "client_message_id" text null, "created_at" timestamptz not null default clock_timestamp(), constraint "internal_messages_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "internal_messages" add constraint "internal_messages_from_user_id_foreign" foreign key ("from_user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "internal_messages" add constraint "internal_messages_to_user_id_foreign" foreign key ("to_user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "internal_messages" add constraint "internal_messages_client_unique" unique ("from_user_id", "client_message_id");`);
    // One index serves a thread read from either side.
    this.addSql(`create index "internal_messages_pair_index" on "internal_messages" (least("from_user_id", "to_user_id"), greatest("from_user_id", "to_user_id"), "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "internal_messages";`);
  }
}
