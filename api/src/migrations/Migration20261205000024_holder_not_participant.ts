import { Migration } from '@mikro-orm/migrations';

/**
 * Whoever comes to hold a chat (taken, routed, transferred to them) stops being one of its
 * participants: they hold it now, and a holder who was still listed could "leave" a chat it holds.
 * Every path that sets `agent_id` reaches this trigger, so none can forget. It locks the chat's row,
 * then its participants, the order a join and a leave also take.
 */
export class Migration20261205000024_holder_not_participant extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update interaction_participants p set left_at = now()
                   from interactions i
                  where i.id = p.interaction_id and i.agent_id = p.user_id and p.left_at is null;`);
    this.addSql(`create or replace function parley_holder_not_participant() returns trigger language plpgsql as $$
      begin
        update interaction_participants set left_at = now() where interaction_id = new.id and user_id = new.agent_id and left_at is null;
        return null;
      end $$;`);
    this.addSql(
      `create trigger "interactions_holder_not_participant" after update of "agent_id" on "interactions" for each row when (new.agent_id is not null and new.agent_id is distinct from old.agent_id) execute function parley_holder_not_participant();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "interactions_holder_not_participant" on "interactions";`);
    this.addSql(`drop function parley_holder_not_participant();`);
  }
}
