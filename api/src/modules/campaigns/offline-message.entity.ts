import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { CampaignEntity } from './campaign.entity.js';

/** What a customer left out of hours, for agents and supervisors to answer later. */
@Entity({ tableName: 'offline_messages' })
@Index({ properties: ['campaignId', 'createdAt'] })
export class OfflineMessageEntity {
  [OptionalProps]?: 'name' | 'email' | 'phone' | 'language' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @ManyToOne({ entity: () => CampaignEntity, fieldName: 'campaign_id', mapToPk: true, deleteRule: 'cascade' }) campaignId!: string;
  @Property({ type: 'text', nullable: true }) name: string | null = null;
  @Property({ type: 'text', nullable: true }) email: string | null = null;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: 'text', nullable: true }) language: string | null = null;
  @Property({ type: 'text' }) body!: string;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
