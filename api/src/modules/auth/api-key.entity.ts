import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { UserEntity } from '../users/user.entity.js';

/** A key for an integrator or a bot. The secret is shown once; only its hash is kept. */
@Entity({ tableName: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text' }) name!: string;
  /** What customers and agents see of it (a bot's name); the name when empty. */
  @Property({ type: 'text', nullable: true }) displayName: string | null = null;
  @Property({ type: 'text', nullable: true }) avatarUrl: string | null = null;
  @Property({ type: 'text', unique: true }) secretHash!: string;
  @Property({ type: 'text[]' }) scopes: string[] = [];
  /** Empty means every campaign. */
  @Property({ type: 'uuid[]' }) campaignIds: string[] = [];
  @ManyToOne({ entity: () => UserEntity, nullable: true, deleteRule: 'set null' }) createdBy: UserEntity | null = null;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) revokedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) lastUsedAt: Date | null = null;
}
