import { Migration } from '@mikro-orm/migrations';

/**
 * Audio and video calls of an interaction (at most one ringing or going on at a time), and a
 * supervisor's screen monitoring of an agent, which uses the same signalling.
 */
export class Migration20261121000008_calls extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "calls" ("id" uuid not null, "interaction_id" uuid null, "agent_id" uuid not null, "supervisor_id" uuid null, "kind" text not null, "state" text not null, "requested_at" timestamptz not null, "started_at" timestamptz null, "ended_at" timestamptz null, constraint "calls_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "calls" add constraint "calls_interaction_id_foreign" foreign key ("interaction_id") references "interactions" ("id") on delete cascade;`);
    this.addSql(`create index "calls_interaction_id_index" on "calls" ("interaction_id");`);
    this.addSql(`create unique index "calls_one_open" on "calls" ("interaction_id") where state in ('REQUESTED', 'ACCEPTED');`);
    this.addSql(`create index "calls_agent_on_call" on "calls" ("agent_id") where state = 'ACCEPTED' and kind <> 'SCREEN';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "calls";`);
  }
}
