import { Migration } from '@mikro-orm/migrations';

/**
 * A key that speaks to customers (a bot) shows a display name and an avatar, not the name its
 * administrator filed it under; a message keeps the avatar it was sent with, as it keeps the name.
 */
export class Migration20261206000026_key_display extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "api_keys" add column "display_name" text null, add column "avatar_url" text null;`);
    this.addSql(`alter table "messages" add column "author_avatar_url" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "messages" drop column "author_avatar_url";`);
    this.addSql(`alter table "api_keys" drop column "display_name", drop column "avatar_url";`);
  }
}
