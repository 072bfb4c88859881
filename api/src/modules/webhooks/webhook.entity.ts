import { UserEntity } from '../users/user.entity.js';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';

/** An administrator's HTTP endpoint for interaction events; it reads the event feed from its own position. */
@Entity({ tableName: 'webhooks' })
export class WebhookEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text' }) url!: string;
  /** Empty means every type. */
  @Property({ type: 'text[]' }) eventTypes: string[] = [];
  /** Empty means every campaign. */
  @Property({ type: 'text[]' }) campaignIds: string[] = [];
  /** Signs deliveries (HMAC-SHA256); kept to sign, shown to the administrator once. */
  @Property({ type: 'text' }) secret!: string;
  @Property({ type: 'boolean', default: true }) active: boolean = true;
  @Property({ type: 'text', nullable: true }) disabledReason: string | null = null;
  @Property({ type: 'int', default: 0 }) consecutiveFailures: number = 0;
  @Property({ type: 'xid8' }) feedTxid!: string;
  @Property({ type: 'bigint' }) feedId!: string;
  /** Made "from now": the snapshot of its making, whose committed transactions are not sent (see `pastStart`). */
  @Property({ type: 'text', nullable: true }) feedStartedAfter: string | null = null;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  /** The person behind it (or behind the key that made it): the hook sends events of their reach only. */
  @ManyToOne({ entity: () => UserEntity, fieldName: 'created_by_id', mapToPk: true, nullable: true, deleteRule: 'set null' }) createdById: string | null = null;
}

@Entity({ tableName: 'webhook_deliveries' })
@Unique({ name: 'webhook_deliveries_webhook_event_unique', properties: ['webhookId', 'eventKey'] })
@Index({ properties: ['webhookId', 'createdAt'] })
export class WebhookDeliveryEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @ManyToOne({ entity: () => WebhookEntity, fieldName: 'webhook_id', mapToPk: true, deleteRule: 'cascade' }) webhookId!: string;
  @Property({ type: 'text' }) eventKey!: string;
  @Property({ type: 'text' }) eventType!: string;
  /** None for a test ping. */
  @Property({ type: 'uuid', nullable: true }) interactionId: string | null = null;
  @Property({ type: 'json' }) payload: Record<string, unknown> = {};
  @Property({ type: 'text', default: 'PENDING' }) status: string = 'PENDING';
  @Property({ type: 'int', default: 0 }) attempts: number = 0;
  @Property({ type: 'int', nullable: true }) lastStatusCode: number | null = null;
  @Property({ type: 'text', nullable: true }) lastError: string | null = null;
  /** While a sender holds it: two processes never both send one delivery. */
  @Property({ type: 'timestamptz', nullable: true }) claimedUntil: Date | null = null;
  /** The order of the events carried: one interaction's deliveries to one hook go out in it. */
  @Property({ type: 'bigint', autoincrement: true }) seq!: string;
  /** When it is due: now when logged, later after each failure. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) nextAttemptAt: Date = new Date();
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) deliveredAt: Date | null = null;
}
