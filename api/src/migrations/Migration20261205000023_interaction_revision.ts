import { Migration } from '@mikro-orm/migrations';

/**
 * `interactions.revision` counts the changes to what a rule about a chat may read: every change of
 * the row except a message's own bookkeeping (`last_sequence`, `updated_at`), and its participants.
 * The database bumps it, so no path can forget to. A send decided on a view kept from an earlier send
 * appends only while the revision, and its contact's state, are still the view's (message.service.ts;
 * the state is compared there: a trigger from contacts to their chats would lock the two in the
 * order opposite to a send's). A statement that sets `revision` itself still moves it by one.
 */
export class Migration20261205000023_interaction_revision extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "interactions" add column "revision" integer not null default 0;`);
    // Any other column, today's or a later migration's, counts: the row is compared whole.
    this.addSql(`create or replace function parley_interaction_revision() returns trigger language plpgsql as $$
      begin
        if new.revision <> old.revision
           or (to_jsonb(new) - array['last_sequence', 'updated_at', 'revision']) is distinct from (to_jsonb(old) - array['last_sequence', 'updated_at', 'revision']) then
          new.revision := old.revision + 1;
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "interactions_revision" before update on "interactions" for each row execute function parley_interaction_revision();`);
    this.addSql(`create or replace function parley_participants_revision() returns trigger language plpgsql as $$
      begin
        update interactions set revision = revision + 1 where id = coalesce(new.interaction_id, old.interaction_id);
        return null;
      end $$;`);
    this.addSql(`create trigger "interaction_participants_revision" after insert or update or delete on "interaction_participants" for each row execute function parley_participants_revision();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "interaction_participants_revision" on "interaction_participants";`);
    this.addSql(`drop trigger "interactions_revision" on "interactions";`);
    this.addSql(`drop function parley_participants_revision();`);
    this.addSql(`drop function parley_interaction_revision();`);
    this.addSql(`alter table "interactions" drop column "revision";`);
  }
}
