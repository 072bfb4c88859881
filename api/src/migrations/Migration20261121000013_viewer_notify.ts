import { Migration } from '@mikro-orm/migrations';

/**
 * Processes keep signed-in viewers between requests (ViewerCache). A commit that changes what a
 * viewer is made of (a session revoked or gone; a person's role, name or active flag; a team
 * membership; a tray grant) NOTIFYs every process, which forgets them all. Teams and trays deleted
 * reach user_teams and tray_access through their cascades, which fire these triggers too.
 */
export class Migration20261121000013_viewer_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function parley_viewers_notify() returns trigger language plpgsql as $$ begin perform pg_notify('parley_viewers', ''); return null; end $$;`);
    this.addSql(`create trigger "sessions_viewers_notify" after update or delete on "sessions" for each statement execute function parley_viewers_notify();`);
    this.addSql(`create trigger "users_viewers_notify" after update of "role", "name", "active" or delete on "users" for each statement execute function parley_viewers_notify();`);
    this.addSql(`create trigger "user_teams_viewers_notify" after insert or update or delete or truncate on "user_teams" for each statement execute function parley_viewers_notify();`);
    this.addSql(`create trigger "tray_access_viewers_notify" after insert or update or delete or truncate on "tray_access" for each statement execute function parley_viewers_notify();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "sessions_viewers_notify" on "sessions";`);
    this.addSql(`drop trigger "users_viewers_notify" on "users";`);
    this.addSql(`drop trigger "user_teams_viewers_notify" on "user_teams";`);
    this.addSql(`drop trigger "tray_access_viewers_notify" on "tray_access";`);
    this.addSql(`drop function parley_viewers_notify();`);
  }
}
