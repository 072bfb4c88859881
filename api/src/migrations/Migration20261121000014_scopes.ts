import { Migration } from '@mikro-orm/migrations';

/**
 * Scopes: a signed-in viewer now carries the campaigns of its security group, so a person moved to
 * another group, or a campaign created in, moved between or deleted from groups, NOTIFYs every process
 * as the other changes to a viewer do (migration 0013): cached viewers are forgotten and open sockets
 * resolved again. An interaction remembers the API key that started it: a CHANNEL key writes the
 * customer's side only of the chats it started. A webhook remembers the person behind it (or behind
 * the key that made it): it sends events of that person's reach only, so a campaign moved out of
 * their group stops reaching their hook.
 */
export class Migration20261121000014_scopes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create trigger "users_group_viewers_notify" after update of "security_group_id" on "users" for each statement execute function parley_viewers_notify();`);
    this.addSql(`create trigger "campaigns_viewers_notify" after insert or delete or update of "security_group_id" on "campaigns" for each statement execute function parley_viewers_notify();`);
    this.addSql(`alter table "interactions" add column "started_by_key_id" uuid null;`);
    this.addSql(
      `alter table "interactions" add constraint "interactions_started_by_key_id_foreign" foreign key ("started_by_key_id") references "api_keys" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "webhooks" add column "created_by_id" uuid null;`);
    this.addSql(`alter table "webhooks" add constraint "webhooks_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhooks" drop column "created_by_id";`);
    this.addSql(`alter table "interactions" drop column "started_by_key_id";`);
    this.addSql(`drop trigger "campaigns_viewers_notify" on "campaigns";`);
    this.addSql(`drop trigger "users_group_viewers_notify" on "users";`);
  }
}
