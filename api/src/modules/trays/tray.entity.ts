import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { CampaignEntity } from '../campaigns/campaign.entity.js';
import { TeamEntity } from '../users/team.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { newId } from '../../shared/ids.js';
import { TrayKind } from './tray.enums.js';

/**
 * An inbox of interactions waiting for a human. General and Closed trays belong to a campaign;
 * a Personal tray belongs to one agent across campaigns.
 */
@Entity({ tableName: 'trays' })
@Unique({ properties: ['campaignId', 'name'] })
@Unique({ properties: ['campaignId', 'teamId'] })
export class TrayEntity {
  [OptionalProps]?: 'campaignId' | 'ownerId' | 'teamId' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text' }) name!: string;
  @Enum({ items: () => TrayKind, nativeEnumName: 'tray_kind' }) kind!: TrayKind;
  @ManyToOne({ entity: () => CampaignEntity, fieldName: 'campaign_id', mapToPk: true, nullable: true, deleteRule: 'cascade' })
  campaignId: string | null = null;
  @ManyToOne({ entity: () => UserEntity, fieldName: 'owner_id', mapToPk: true, nullable: true, unique: true, deleteRule: 'cascade' })
  ownerId: string | null = null;
  /** Set on the tray a campaign keeps for chats transferred to a team. */
  @ManyToOne({ entity: () => TeamEntity, fieldName: 'team_id', mapToPk: true, nullable: true, deleteRule: 'cascade' })
  teamId: string | null = null;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}

/** Who may see a CUSTOM tray: a user or a team. */
@Entity({ tableName: 'tray_access' })
@Index({ properties: ['userId'] })
@Index({ properties: ['teamId'] })
export class TrayAccessEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @ManyToOne({ entity: () => TrayEntity, fieldName: 'tray_id', mapToPk: true, deleteRule: 'cascade' }) trayId!: string;
  @ManyToOne({ entity: () => UserEntity, fieldName: 'user_id', mapToPk: true, nullable: true, deleteRule: 'cascade' })
  userId: string | null = null;
  @ManyToOne({ entity: () => TeamEntity, fieldName: 'team_id', mapToPk: true, nullable: true, deleteRule: 'cascade' })
  teamId: string | null = null;
}
