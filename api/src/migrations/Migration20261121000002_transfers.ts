import { Migration } from '@mikro-orm/migrations';

export class Migration20261121000002_transfers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "trays" add column "team_id" uuid null;`);
    this.addSql(`alter table "trays" add constraint "trays_team_id_foreign" foreign key ("team_id") references "teams" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "trays" add constraint "trays_campaign_id_team_id_unique" unique ("campaign_id", "team_id");`);

    this.addSql(`alter table "interactions" add column "transfer_count" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "trays" drop constraint "trays_team_id_foreign";`);

    this.addSql(`alter table "interactions" drop column "transfer_count";`);

    this.addSql(`alter table "trays" drop constraint "trays_campaign_id_team_id_unique";`);
    this.addSql(`alter table "trays" drop column "team_id";`);
  }
}
