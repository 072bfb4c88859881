import { Migration } from '@mikro-orm/migrations';

/** The revision trigger, made to watch every column of `interactions` but a message's bookkeeping. */
export const WATCH_EVERY_COLUMN = `do $$
  declare watched text;
  begin
    select string_agg(quote_ident(attname), ', ' order by attnum) into watched
      from pg_attribute where attrelid = 'interactions'::regclass and attnum > 0 and not attisdropped and attname not in ('last_sequence', 'updated_at');
    drop trigger if exists interactions_revision on interactions;
    execute format('create trigger interactions_revision before update of %s on interactions for each row execute function parley_interaction_revision()', watched);
  end $$;`;

/**
 * The revision trigger fires only for an UPDATE that sets a column it counts: a message's append
 * sets `last_sequence` and `updated_at` alone (and `status` only when the customer may be bringing a
 * waiting chat back), so it no longer runs a PL/pgSQL function per message to find nothing changed.
 * PostgreSQL names the columns when the trigger is made: a migration that adds a column to
 * `interactions` runs WATCH_EVERY_COLUMN again (a test compares the trigger's columns with the table's).
 */
export class Migration20261206000030_revision_watches_columns extends Migration {
  override async up(): Promise<void> {
    this.addSql(WATCH_EVERY_COLUMN);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists interactions_revision on interactions;`);
    this.addSql(`create trigger interactions_revision before update on interactions for each row execute function parley_interaction_revision();`);
  }
}
