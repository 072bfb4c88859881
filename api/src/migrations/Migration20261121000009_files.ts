import { Migration } from '@mikro-orm/migrations';

/**
 * Uploaded files, shared by every API process: their bytes in PostgreSQL, or in an S3-compatible store
 * (then `data` stays empty). Secrets the processes share live beside them.
 */
export class Migration20261121000009_files extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "files" ("id" uuid not null, "owner_key" text not null, "interaction_id" uuid null, "message_id" uuid null, "name" text not null, "mime" text not null, "size" int not null, "duration_seconds" real null, "data" bytea null, "created_at" timestamptz not null, constraint "files_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "files_message_id_index" on "files" ("message_id");`);
    this.addSql(`create table "app_secrets" ("name" text not null, "value" text not null, constraint "app_secrets_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "files";`);
    this.addSql(`drop table "app_secrets";`);
  }
}
