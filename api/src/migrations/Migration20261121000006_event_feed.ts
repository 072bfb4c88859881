import { Migration } from '@mikro-orm/migrations';

/**
 * The integrators' event feed reads the trail in (transaction id, id) order up to the oldest
 * transaction still running, so an event that commits late never lands behind a reader's cursor;
 * a statement-level trigger wakes the readers at commit (NOTIFY is transactional).
 */
export class Migration20261121000006_event_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "interaction_events" add column "txid" xid8 not null default pg_current_xact_id();`);
    this.addSql(`create index "interaction_events_txid_id_index" on "interaction_events" ("txid", "id");`);
    this.addSql(`create or replace function parley_events_notify() returns trigger language plpgsql as $$ begin perform pg_notify('parley_events', ''); return null; end $$;`);
    this.addSql(`create trigger "interaction_events_notify" after insert on "interaction_events" for each statement execute function parley_events_notify();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "interaction_events_notify" on "interaction_events";`);
    this.addSql(`drop function parley_events_notify();`);
    this.addSql(`drop index "interaction_events_txid_id_index";`);
    this.addSql(`alter table "interaction_events" drop column "txid";`);
  }
}
