import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';

/** A customer's audio or video call with the agent holding the chat, or a supervisor watching an agent's screen (see migration 0008). */
@Entity({ tableName: 'calls' })
@Index({ properties: ['interactionId'] })
export class CallEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @ManyToOne({ entity: () => InteractionEntity, fieldName: 'interaction_id', mapToPk: true, deleteRule: 'cascade', nullable: true }) interactionId: string | null = null;
  @Property({ type: 'uuid' }) agentId!: string;
  /** Screen monitoring: the supervisor watching. */
  @Property({ type: 'uuid', nullable: true }) supervisorId: string | null = null;
  @Property({ type: 'text' }) kind!: string;
  @Property({ type: 'text' }) state!: string;
  @Property({ type: 'timestamptz' }) requestedAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) startedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) endedAt: Date | null = null;
  @Property({ type: 'text', nullable: true }) endReason: string | null = null;
  @Property({ type: 'text', nullable: true }) endedBy: string | null = null;
}
