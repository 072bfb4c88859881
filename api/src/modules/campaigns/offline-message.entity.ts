import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { CampaignEntity } from './campaign.entity.js';

/** What a customer left out of hours, for agents and supervisors to answer later. */
@Entity({ tableName: 'offline_messages' })
@Index({ properties: ['campaignId', 'createdAt'] })
export class OfflineMessageEntity {
  [OptionalProps]?: 'name' | 'email' | 'phone' | 'language' | 'createdAt' | 'handledAt' | 'handledHow' | 'handledById' | 'handledByName' | 'reply' | 'interactionId';
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @ManyToOne({ entity: () => CampaignEntity, fieldName: 'campaign_id', mapToPk: true, deleteRule: 'cascade' }) campaignId!: string;
  @Property({ type: 'text', nullable: true }) name: string | null = null;
  @Property({ type: 'text', nullable: true }) email: string | null = null;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: 'text', nullable: true }) language: string | null = null;
  @Property({ type: 'text' }) body!: string;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  // Handled once (offline-message.rules.ts): the foreign keys and the check are in Migration20261121000021.
  @Property({ type: 'timestamptz', nullable: true }) handledAt: Date | null = null;
  @Property({ type: 'text', nullable: true }) handledHow: 'EMAIL' | 'CONVERSATION' | null = null;
  @Property({ type: 'uuid', nullable: true }) handledById: string | null = null;
  @Property({ type: 'text', nullable: true }) handledByName: string | null = null;
  @Property({ type: 'text', nullable: true }) reply: string | null = null;
  @Property({ type: 'uuid', nullable: true }) interactionId: string | null = null;
}
