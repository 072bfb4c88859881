import { Migration } from '@mikro-orm/migrations';

/**
 * Security groups: every campaign belongs to exactly one; an administrator may belong to one and then
 * sees only its campaigns. Existing campaigns (and every new install) start in "General", whose id is
 * fixed (DEFAULT_SECURITY_GROUP_ID) and is the column's default, so a campaign written without a
 * group still lands somewhere. People start without a group: existing administrators keep seeing all.
 */
export class Migration20261121000012_security_groups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "security_groups" ("id" uuid not null, "name" text not null, "created_at" timestamptz not null default now(), constraint "security_groups_pkey" primary key ("id"));`);
    this.addSql(`alter table "security_groups" add constraint "security_groups_name_unique" unique ("name");`);
    this.addSql(`insert into "security_groups" ("id", "name") values ('00000000-0000-4000-8000-000000000001', 'General');`);
    this.addSql(`alter table "campaigns" add column "security_group_id" uuid not null default '00000000-0000-4000-8000-000000000001';`);
    this.addSql(`alter table "campaigns" add constraint "campaigns_security_group_id_foreign" foreign key ("security_group_id") references "security_groups" ("id") on update cascade;`);
    this.addSql(`create index "campaigns_security_group_id_index" on "campaigns" ("security_group_id");`);
    this.addSql(`alter table "users" add column "security_group_id" uuid null;`);
    this.addSql(`alter table "users" add constraint "users_security_group_id_foreign" foreign key ("security_group_id") references "security_groups" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "security_group_id";`);
    this.addSql(`alter table "campaigns" drop column "security_group_id";`);
    this.addSql(`drop table "security_groups";`);
  }
}
