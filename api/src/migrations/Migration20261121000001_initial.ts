import { Migration } from '@mikro-orm/migrations';

export class Migration20261121000001_initial extends Migration {
  override async up(): Promise<void> {
    // Protocol numbers come from one sequence so they are unique across processes without a lock.
    this.addSql(`create sequence "interaction_protocol_seq" start 100001;`);
    this.addSql(`create type "routing_strategy" as enum ('MANUAL', 'ROUND_ROBIN', 'LEAST_BUSY', 'LONGEST_IDLE', 'SKILLS');`);
    this.addSql(`create type "language" as enum ('es', 'en', 'pt');`);
    this.addSql(`create type "contact_state" as enum ('BOT', 'TRAY', 'AGENT', 'EXPIRED');`);
    this.addSql(`create type "role" as enum ('ADMIN', 'SUPERVISOR', 'AGENT');`);
    this.addSql(`create type "tray_kind" as enum ('GENERAL', 'PERSONAL', 'CLOSED', 'CUSTOM');`);
    this.addSql(`create type "channel" as enum ('WEBCHAT', 'WHATSAPP', 'SMS', 'EMAIL', 'FACEBOOK', 'API');`);
    this.addSql(`create type "phase" as enum ('BOT', 'WAITING', 'IN_SERVICE', 'CLOSED');`);
    this.addSql(`create type "interaction_status" as enum ('IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'NEEDS_HELP');`);
    this.addSql(`create type "interaction_result" as enum ('NO_ANSWER', 'NOBODY_AVAILABLE', 'SUCCESS', 'ESCALATED');`);
    this.addSql(`create type "author_kind" as enum ('CONTACT', 'AGENT', 'BOT', 'SYSTEM', 'SUPERVISOR');`);
    this.addSql(`create type "visibility" as enum ('PUBLIC', 'INTERNAL');`);
    this.addSql(
      `create table "campaigns" ("id" uuid not null, "name" text not null, "routing_strategy" "routing_strategy" not null default 'MANUAL', "service_level_seconds" int not null default 30, "time_zone" text not null default 'UTC', "schedule" jsonb null, "waiting_limit" int null, "thresholds_seconds" jsonb not null, "no_answer_timeout_seconds" int null, "skills_widening_seconds" int not null default 60, "bot_first" boolean not null default false, "allow_audio" boolean not null default false, "allow_video" boolean not null default false, "allow_offline_messages" boolean not null default true, "ask_name" boolean not null default true, "ask_email" boolean not null default true, "ask_phone" boolean not null default false, "default_language" "language" not null default 'en', "messages" jsonb not null, "protocol_prefix" text not null, "created_at" timestamptz not null, constraint "campaigns_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "campaigns" add constraint "campaigns_name_unique" unique ("name");`);

    this.addSql(
      `create table "canned_responses" ("id" uuid not null, "campaign_id" uuid not null, "shortcut" text not null, "body" text not null, "language" "language" null, constraint "canned_responses_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "canned_responses_campaign_id_index" on "canned_responses" ("campaign_id");`);

    this.addSql(
      `create table "contacts" ("id" uuid not null, "name" text null, "email" text null, "phone" text null, "external_id" text null, "country" text null, "language" text null, "state" "contact_state" not null default 'BOT', "previous_state" "contact_state" null, "state_changed_at" timestamptz not null, "last_message_at" timestamptz null, "created_at" timestamptz not null, constraint "contacts_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "contacts_external_id_index" on "contacts" ("external_id");`);
    this.addSql(`create index "contacts_phone_index" on "contacts" ("phone");`);
    this.addSql(`create index "contacts_email_index" on "contacts" ("email");`);

    this.addSql(
      `create table "pause_reasons" ("id" uuid not null, "name" text not null, "icon" text not null, "active" boolean not null default true, constraint "pause_reasons_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "pause_reasons" add constraint "pause_reasons_name_unique" unique ("name");`);

    this.addSql(`create table "tags" ("id" uuid not null, "name" text not null, "color" text null, constraint "tags_pkey" primary key ("id"));`);
    this.addSql(`alter table "tags" add constraint "tags_name_unique" unique ("name");`);

    this.addSql(`create table "teams" ("id" uuid not null, "name" text not null, "created_at" timestamptz not null, constraint "teams_pkey" primary key ("id"));`);
    this.addSql(`alter table "teams" add constraint "teams_name_unique" unique ("name");`);

    this.addSql(
      `create table "users" ("id" uuid not null, "email" text not null, "name" text not null, "password_hash" text not null, "role" "role" not null, "languages" text[] not null, "skills" text[] not null, "max_concurrent_chats" int not null default 3, "may_monitor_screen" boolean not null default false, "active" boolean not null default true, "created_at" timestamptz not null, "password_changed_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(`create table "user_teams" ("user_id" uuid not null, "team_id" uuid not null, constraint "user_teams_pkey" primary key ("user_id", "team_id"));`);

    this.addSql(
      `create table "trays" ("id" uuid not null, "name" text not null, "kind" "tray_kind" not null, "campaign_id" uuid null, "owner_id" uuid null, "created_at" timestamptz not null, constraint "trays_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "trays" add constraint "trays_owner_id_unique" unique ("owner_id");`);
    this.addSql(`alter table "trays" add constraint "trays_campaign_id_name_unique" unique ("campaign_id", "name");`);

    this.addSql(`create table "tray_access" ("id" uuid not null, "tray_id" uuid not null, "user_id" uuid null, "team_id" uuid null, constraint "tray_access_pkey" primary key ("id"));`);
    this.addSql(`create index "tray_access_team_id_index" on "tray_access" ("team_id");`);
    this.addSql(`create index "tray_access_user_id_index" on "tray_access" ("user_id");`);

    this.addSql(
      `create table "sessions" ("id" uuid not null, "token_hash" text not null, "user_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "sessions_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "interactions" ("id" uuid not null, "protocol" text not null, "campaign_id" uuid not null, "contact_id" uuid not null, "channel" "channel" not null, "phase" "phase" not null default 'BOT', "status" "interaction_status" not null default 'IN_PROGRESS', "result" "interaction_result" null, "tray_id" uuid null, "agent_id" uuid null, "bot_answers" jsonb not null, "notes" jsonb not null, "expertise" text[] not null, "country" text null, "language" text null, "last_sequence" int not null default 0, "visitor_token_hash" text null, "created_at" timestamptz not null, "queued_at" timestamptz null, "assigned_at" timestamptz null, "closed_at" timestamptz null, "updated_at" timestamptz not null, constraint "interactions_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "interactions" add constraint "interactions_protocol_unique" unique ("protocol");`);
    this.addSql(`create index "interactions_campaign_id_index" on "interactions" ("campaign_id");`);
    this.addSql(`create index "interactions_contact_id_index" on "interactions" ("contact_id");`);
    this.addSql(`alter table "interactions" add constraint "interactions_visitor_token_hash_unique" unique ("visitor_token_hash");`);
    this.addSql(`create index "interactions_agent_id_phase_index" on "interactions" ("agent_id", "phase");`);
    this.addSql(`create index "interactions_phase_tray_id_queued_at_index" on "interactions" ("phase", "tray_id", "queued_at");`);

    this.addSql(
      `create table "messages" ("id" uuid not null, "interaction_id" uuid not null, "sequence" int not null, "body" text not null, "author_kind" "author_kind" not null, "author_id" uuid null, "author_name" text null, "author_key" text not null, "visibility" "visibility" not null default 'PUBLIC', "client_message_id" text null, "attachment_ids" text[] not null, "created_at" timestamptz not null, constraint "messages_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "messages" add constraint "messages_interaction_id_author_key_client_message_id_unique" unique ("interaction_id", "author_key", "client_message_id");`);
    this.addSql(`alter table "messages" add constraint "messages_interaction_id_sequence_unique" unique ("interaction_id", "sequence");`);

    this.addSql(
      `create table "interaction_events" ("id" bigserial primary key, "interaction_id" uuid not null, "type" text not null, "actor_kind" text not null, "actor_id" uuid null, "data" jsonb not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "interaction_events_interaction_id_created_at_index" on "interaction_events" ("interaction_id", "created_at");`);

    this.addSql(`create table "interaction_tags" ("interaction_id" uuid not null, "tag_id" uuid not null, constraint "interaction_tags_pkey" primary key ("interaction_id", "tag_id"));`);

    this.addSql(`create table "campaign_members" ("campaign_id" uuid not null, "user_id" uuid not null, constraint "campaign_members_pkey" primary key ("campaign_id", "user_id"));`);

    this.addSql(
      `create table "api_keys" ("id" uuid not null, "name" text not null, "secret_hash" text not null, "scopes" text[] not null, "campaign_ids" text[] not null, "created_by_id" uuid null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "api_keys" add constraint "api_keys_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(`alter table "canned_responses" add constraint "canned_responses_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_teams" add constraint "user_teams_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_teams" add constraint "user_teams_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "trays" add constraint "trays_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "trays" add constraint "trays_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "tray_access" add constraint "tray_access_tray_id_foreign" foreign key ("tray_id") references "trays" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "tray_access" add constraint "tray_access_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "tray_access" add constraint "tray_access_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "interactions" add constraint "interactions_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade;`);
    this.addSql(`alter table "interactions" add constraint "interactions_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade;`);
    this.addSql(`alter table "interactions" add constraint "interactions_tray_id_foreign" foreign key ("tray_id") references "trays" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "interactions" add constraint "interactions_agent_id_foreign" foreign key ("agent_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "messages" add constraint "messages_interaction_id_foreign" foreign key ("interaction_id") references "interactions" ("id") on update cascade on delete cascade;`);

    this.addSql(
      `alter table "interaction_events" add constraint "interaction_events_interaction_id_foreign" foreign key ("interaction_id") references "interactions" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "interaction_tags" add constraint "interaction_tags_interaction_id_foreign" foreign key ("interaction_id") references "interactions" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "interaction_tags" add constraint "interaction_tags_tag_id_foreign" foreign key ("tag_id") references "tags" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "campaign_members" add constraint "campaign_members_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "campaign_members" add constraint "campaign_members_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_keys" add constraint "api_keys_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);
  }
}
