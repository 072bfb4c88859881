import { Migration } from '@mikro-orm/migrations';

/**
 * The expertise catalog: skills an administrator creates before anyone has them. People and chats
 * keep their skills as text arrays (routing reads them there without a join); this table only holds
 * the names, seeded with every skill already in use so the catalog starts complete.
 */
export class Migration20261121000011_skills extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "skills" ("id" uuid not null, "name" text not null, constraint "skills_pkey" primary key ("id"));`);
    this.addSql(`alter table "skills" add constraint "skills_name_unique" unique ("name");`);
    this.addSql(`insert into "skills" ("id", "name")
      select gen_random_uuid(), s.name from (select unnest("skills") as name from "users" union select unnest("expertise") from "interactions") s
       where s.name <> '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "skills";`);
  }
}
