import { Migration } from '@mikro-orm/migrations';

export class Migration20261121000003_agents extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agent_status" ("user_id" uuid not null, "paused" boolean not null default false, "pause_reason_id" uuid null, "paused_at" timestamptz null, "last_assigned_at" timestamptz null, "idle_since" timestamptz null, "state" text not null default 'DISCONNECTED', "state_changed_at" timestamptz not null, constraint "agent_status_pkey" primary key ("user_id"));`,
    );

    this.addSql(
      `create table "agent_connections" ("id" uuid not null, "user_id" uuid not null, "process_id" text not null, "connected_at" timestamptz not null, "last_heartbeat_at" timestamptz not null, constraint "agent_connections_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "agent_connections_process_id_index" on "agent_connections" ("process_id");`);
    this.addSql(`create index "agent_connections_user_id_last_heartbeat_at_index" on "agent_connections" ("user_id", "last_heartbeat_at");`);

    this.addSql(`alter table "agent_status" add constraint "agent_status_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(
      `alter table "agent_status" add constraint "agent_status_pause_reason_id_foreign" foreign key ("pause_reason_id") references "pause_reasons" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "agent_connections" add constraint "agent_connections_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "agent_status" ("user_id", "state_changed_at") select "id", now() from "users";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agent_status" cascade;`);

    this.addSql(`drop table if exists "agent_connections" cascade;`);
  }
}
