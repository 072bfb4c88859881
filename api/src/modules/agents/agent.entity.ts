import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { PauseReasonEntity } from '../users/pause-reason.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** What routing and the monitor need to know about an agent beyond its profile. */
@Entity({ tableName: 'agent_status' })
export class AgentStatusEntity {
  [OptionalProps]?: 'paused' | 'pauseReasonId' | 'pausedAt' | 'lastAssignedAt' | 'idleSince' | 'state' | 'stateChangedAt';
  @ManyToOne({ entity: () => UserEntity, fieldName: 'user_id', mapToPk: true, primary: true, deleteRule: 'cascade' }) userId!: string;
  @Property({ type: 'boolean' }) paused: boolean = false;
  @ManyToOne({ entity: () => PauseReasonEntity, fieldName: 'pause_reason_id', mapToPk: true, nullable: true, deleteRule: 'set null' })
  pauseReasonId: string | null = null;
  @Property({ type: 'timestamptz', nullable: true }) pausedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) lastAssignedAt: Date | null = null;
  /** When it last had no active chat; LONGEST_IDLE ranks by it. */
  @Property({ type: 'timestamptz', nullable: true }) idleSince: Date | null = null;
  /** The last state published, and since when; so "time in state" survives restarts. */
  @Property({ type: 'text' }) state: string = 'DISCONNECTED';
  @Property({ type: 'timestamptz' }) stateChangedAt: Date = new Date();
}

/** One open WebSocket of a signed-in person, kept alive by its process's heartbeat. */
@Entity({ tableName: 'agent_connections' })
@Index({ properties: ['userId', 'lastHeartbeatAt'] })
export class AgentConnectionEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @ManyToOne({ entity: () => UserEntity, fieldName: 'user_id', mapToPk: true, deleteRule: 'cascade' }) userId!: string;
  @Property({ type: 'text', index: true }) processId!: string;
  @Property({ type: 'timestamptz' }) connectedAt: Date = new Date();
  @Property({ type: 'timestamptz' }) lastHeartbeatAt: Date = new Date();
}
