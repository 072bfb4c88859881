import { Migration } from '@mikro-orm/migrations';

/**
 * People who join a chat besides its holder (an agent answering a call for help, a supervisor): they
 * write in it and see it until it closes or they leave. A leave keeps the row (left_at) so a rejoin
 * reuses it; the holder stays the owner.
 */
export class Migration20261121000017_participants extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "interaction_participants" (
      "interaction_id" uuid not null references "interactions" ("id") on delete cascade,
      "user_id" uuid not null references "users" ("id") on delete cascade,
      "joined_at" timestamptz not null default now(),
      "left_at" timestamptz null,
      primary key ("interaction_id", "user_id"));`);
    this.addSql(`create index "interaction_participants_present_index" on "interaction_participants" ("user_id", "interaction_id") where "left_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "interaction_participants";`);
  }
}
