import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { CampaignEntity } from '../campaigns/campaign.entity.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { TrayEntity } from '../trays/tray.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { TagEntity } from './tag.entity.js';
import { Channel, InteractionResult, InteractionStatus, Phase } from './interaction.enums.js';

export interface BotAnswer {
  key: string;
  value: string;
}

export interface InteractionNote {
  authorId: string;
  body: string;
  createdAt: string;
}

@Entity({ tableName: 'interactions' })
@Index({ properties: ['phase', 'trayId', 'queuedAt'] })
@Index({ properties: ['agentId', 'phase'] })
// The monitor reads today's queue and closures of each campaign.
@Index({ properties: ['campaignId', 'queuedAt'] })
@Index({ properties: ['campaignId', 'waitingSince'] })
@Index({ properties: ['closedAt'] })
export class InteractionEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text', unique: true }) protocol!: string;
  @ManyToOne({ entity: () => CampaignEntity, fieldName: 'campaign_id', mapToPk: true, index: true }) campaignId!: string;
  @ManyToOne({ entity: () => ContactEntity, fieldName: 'contact_id', mapToPk: true, index: true }) contactId!: string;
  @Enum({ items: () => Channel, nativeEnumName: 'channel' }) channel!: Channel;
  @Enum({ items: () => Phase, nativeEnumName: 'phase' }) phase: Phase = Phase.BOT;
  @Enum({ items: () => InteractionStatus, nativeEnumName: 'interaction_status' }) status: InteractionStatus = InteractionStatus.IN_PROGRESS;
  @Enum({ items: () => InteractionResult, nativeEnumName: 'interaction_result', nullable: true }) result: InteractionResult | null = null;
  @ManyToOne({ entity: () => TrayEntity, fieldName: 'tray_id', mapToPk: true, nullable: true }) trayId: string | null = null;
  @ManyToOne({ entity: () => UserEntity, fieldName: 'agent_id', mapToPk: true, nullable: true }) agentId: string | null = null;
  @Property({ type: 'json' }) botAnswers: BotAnswer[] = [];
  @Property({ type: 'json' }) notes: InteractionNote[] = [];
  @ManyToMany({ entity: () => TagEntity, pivotTable: 'interaction_tags', joinColumn: 'interaction_id', inverseJoinColumn: 'tag_id' })
  tags = new Collection<TagEntity>(this);
  @Property({ type: 'text[]' }) expertise: string[] = [];
  @Property({ type: 'text', nullable: true }) country: string | null = null;
  @Property({ type: 'text', nullable: true }) language: string | null = null;
  /** The last message sequence handed out; bumped in the same transaction as each insert. */
  @Property({ type: 'integer' }) lastSequence: number = 0;
  /** Bumped by the database at every change a rule may read (migration 0023); never written here. */
  @Property({ type: 'integer', default: 0 }) revision: number = 0;
  /** How many times operators handed it on; a transferred chat ends ESCALATED. */
  @Property({ type: 'integer' }) transferCount: number = 0;
  /**
   * Hash of the widget visitor's token: it reaches this interaction and nothing else. Never updated,
   * nor is `contactId`: every process keeps what a visitor token resolves to for good (auth/viewer-cache.ts).
   */
  @Property({ type: 'text', nullable: true, hidden: true, unique: true }) visitorTokenHash: string | null = null;
  /** The API key that started it (a bot or a bridged channel), which may then write its customer's side. */
  @ManyToOne({ entity: () => ApiKeyEntity, fieldName: 'started_by_key_id', mapToPk: true, nullable: true, deleteRule: 'set null' }) startedByKeyId: string | null = null;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) queuedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) assignedAt: Date | null = null;
  /** When the customer first waited for a person; queuedAt restarts at every move, this does not. */
  @Property({ type: 'timestamptz', nullable: true }) waitingSince: Date | null = null;
  /** When a person first answered; assignedAt restarts at every new holder. */
  @Property({ type: 'timestamptz', nullable: true }) firstAssignedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) closedAt: Date | null = null;
  @Property({ type: 'timestamptz' }) updatedAt: Date = new Date();
}

@Entity({ tableName: 'interaction_events' })
@Index({ properties: ['interactionId', 'createdAt'] })
export class InteractionEventEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @ManyToOne({ entity: () => InteractionEntity, fieldName: 'interaction_id', mapToPk: true, deleteRule: 'cascade' }) interactionId!: string;
  @Property({ type: 'text' }) type!: string;
  @Property({ type: 'text' }) actorKind!: string;
  @Property({ type: 'uuid', nullable: true }) actorId: string | null = null;
  @Property({ type: 'json' }) data: Record<string, unknown> = {};
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  /** The writing transaction: the event feed's order (see migration 0006). Written by the database. */
  @Property({ type: 'xid8', defaultRaw: 'pg_current_xact_id()', persist: false }) txid?: string;
}
