import { Collection, Entity, Enum, ManyToMany, ManyToOne, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { UserEntity } from '../users/user.entity.js';
import { type CampaignMessages, type CampaignSchedule, Language, RoutingStrategy } from './campaign.enums.js';

@Entity({ tableName: 'campaigns' })
export class CampaignEntity {
  [OptionalProps]?:
    | 'routingStrategy'
    | 'serviceLevelSeconds'
    | 'timeZone'
    | 'schedule'
    | 'waitingLimit'
    | 'thresholdsSeconds'
    | 'noAnswerTimeoutSeconds'
    | 'skillsWideningSeconds'
    | 'botFirst'
    | 'allowAudio'
    | 'allowVideo'
    | 'allowOfflineMessages'
    | 'askName'
    | 'askEmail'
    | 'askPhone'
    | 'defaultLanguage'
    | 'messages'
    | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text', unique: true }) name!: string;
  @Enum({ items: () => RoutingStrategy, nativeEnumName: 'routing_strategy' }) routingStrategy: RoutingStrategy = RoutingStrategy.MANUAL;
  @Property({ type: 'integer' }) serviceLevelSeconds: number = 30;
  @Property({ type: 'text' }) timeZone: string = 'UTC';
  /** Null means open around the clock. */
  @Property({ type: 'json', nullable: true }) schedule: CampaignSchedule | null = null;
  /** How many chats may wait in its trays at once; null is unlimited. */
  @Property({ type: 'integer', nullable: true }) waitingLimit: number | null = null;
  /** Chat-time bands in seconds: green up to the first, yellow up to the second, red after; alert past the third. */
  @Property({ type: 'json' }) thresholdsSeconds: number[] = [300, 600, 900];
  @Property({ type: 'integer', nullable: true }) noAnswerTimeoutSeconds: number | null = null;
  /** Seconds a SKILLS chat waits for a matching agent before any agent may get it. */
  @Property({ type: 'integer' }) skillsWideningSeconds: number = 60;
  /** Widget chats start with a bot (which then hands off) rather than straight in the General tray. */
  @Property({ type: 'boolean' }) botFirst: boolean = false;
  @Property({ type: 'boolean' }) allowAudio: boolean = false;
  @Property({ type: 'boolean' }) allowVideo: boolean = false;
  @Property({ type: 'boolean' }) allowOfflineMessages: boolean = true;
  @Property({ type: 'boolean' }) askName: boolean = true;
  @Property({ type: 'boolean' }) askEmail: boolean = true;
  @Property({ type: 'boolean' }) askPhone: boolean = false;
  @Enum({ items: () => Language, nativeEnumName: 'language' }) defaultLanguage: Language = Language.en;
  @Property({ type: 'json' }) messages: CampaignMessages = {};
  @ManyToMany({ entity: () => UserEntity, pivotTable: 'campaign_members', joinColumn: 'campaign_id', inverseJoinColumn: 'user_id' })
  members = new Collection<UserEntity>(this);
  /** Protocol numbers of this campaign start with it, e.g. "DEM". */
  @Property({ type: 'text' }) protocolPrefix!: string;
  /** Its administrators: those of this group and those with none (see security-group.rules.ts). */
  @Property({ type: 'uuid' }) securityGroupId!: string;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}

@Entity({ tableName: 'canned_responses' })
export class CannedResponseEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @ManyToOne({ entity: () => CampaignEntity, fieldName: 'campaign_id', mapToPk: true, deleteRule: 'cascade', index: true })
  campaignId!: string;
  @Property({ type: 'text' }) shortcut!: string;
  @Property({ type: 'text' }) body!: string;
  @Enum({ items: () => Language, nativeEnumName: 'language', nullable: true }) language: Language | null = null;
}
