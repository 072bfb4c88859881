import { Migration } from '@mikro-orm/migrations';

/**
 * Offline messages are handled once, by answering them by e-mail or by turning them into a
 * conversation: who did it (a person, or an API key by name), when, how, the reply that went out or
 * the chat that was started, so colleagues see it is done. The partial index serves the header's
 * count of what is still waiting.
 */
export class Migration20261121000021_offline_handled extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "offline_messages" add column "handled_at" timestamptz null, add column "handled_how" text null, add column "handled_by_id" uuid null, add column "handled_by_name" text null, add column "reply" text null, add column "interaction_id" uuid null;`,
    );
    this.addSql(
      `alter table "offline_messages" add constraint "offline_messages_handled_how_check" check ("handled_how" in ('EMAIL', 'CONVERSATION') and "handled_at" is not null or "handled_how" is null and "handled_at" is null);`,
    );
    this.addSql(`alter table "offline_messages" add constraint "offline_messages_handled_by_id_foreign" foreign key ("handled_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(
      `alter table "offline_messages" add constraint "offline_messages_interaction_id_foreign" foreign key ("interaction_id") references "interactions" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "offline_messages_unhandled_index" on "offline_messages" ("campaign_id") where "handled_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "offline_messages_unhandled_index";`);
    this.addSql(
      `alter table "offline_messages" drop constraint "offline_messages_handled_how_check", drop column "handled_at", drop column "handled_how", drop column "handled_by_id", drop column "handled_by_name", drop column "reply", drop column "interaction_id";`,
    );
  }
}
