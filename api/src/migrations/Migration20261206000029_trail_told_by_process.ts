import { Migration } from '@mikro-orm/migrations';

/**
 * The trail no longer NOTIFYs at every statement that adds to it: the process that commits wakes
 * its own feed and tells the others with one NOTIFY per few milliseconds (`db/trail-commits.ts`,
 * `events/event-feed.ts`). At every message the trigger woke each listening connection of every
 * process, and each process answered.
 */
export class Migration20261206000029_trail_told_by_process extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger if exists "interaction_events_notify" on "interaction_events";`);
    this.addSql(`drop function if exists parley_events_notify();`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function parley_events_notify() returns trigger language plpgsql as $$ begin perform pg_notify('parley_events', ''); return null; end $$;`);
    this.addSql(`create trigger "interaction_events_notify" after insert on "interaction_events" for each statement execute function parley_events_notify();`);
  }
}
