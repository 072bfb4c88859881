import { Migration } from '@mikro-orm/migrations';

/**
 * Calls that survive a dropped socket. `call_events` keeps every call event, signals included, in
 * `seq` order, so `callEvents` replays what a reconnecting party missed (kept a day: a cursor older
 * than that has no call left to resume). `call_listeners` says which parties follow their calls, one
 * row per open stream, heartbeated by its process: a party with no fresh row for the grace period
 * (CALL_DROP_GRACE_MS) is gone, and its call ends saying so. `calls` remembers why and by whom it ended.
 */
export class Migration20261121000022_call_replay extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "calls" add column "end_reason" text null, add column "ended_by" text null;`);
    this.addSql(`create index "calls_open" on "calls" ("requested_at") where state in ('REQUESTED', 'ACCEPTED');`);
    this.addSql(
      `create table "call_events" ("seq" bigserial not null, "call_id" uuid not null, "interaction_id" uuid null, "agent_id" uuid not null, "supervisor_id" uuid null, "type" text not null, "from_party" text null, "signal" jsonb null, "call" jsonb not null, "created_at" timestamptz not null default now(), constraint "call_events_pkey" primary key ("seq"));`,
    );
    this.addSql(`alter table "call_events" add constraint "call_events_call_id_foreign" foreign key ("call_id") references "calls" ("id") on delete cascade;`);
    this.addSql(`create index "call_events_interaction_index" on "call_events" ("interaction_id", "seq") where "interaction_id" is not null;`);
    this.addSql(`create index "call_events_agent_index" on "call_events" ("agent_id", "seq");`);
    this.addSql(`create index "call_events_supervisor_index" on "call_events" ("supervisor_id", "seq") where "supervisor_id" is not null;`);
    this.addSql(`create index "call_events_created_at_index" on "call_events" ("created_at");`);
    this.addSql(
      `create table "call_listeners" ("id" uuid not null, "party" text not null, "process_id" uuid not null, "seen_at" timestamptz not null, constraint "call_listeners_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "call_listeners_party_index" on "call_listeners" ("party", "seen_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "call_listeners";`);
    this.addSql(`drop table "call_events";`);
    this.addSql(`drop index "calls_open";`);
    this.addSql(`alter table "calls" drop column "end_reason", drop column "ended_by";`);
  }
}
