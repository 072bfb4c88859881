import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { UserEntity } from '../users/user.entity.js';

/** A signed-in user's server-side session; only the token's hash is stored. */
@Entity({ tableName: 'sessions' })
export class SessionEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text', unique: true }) tokenHash!: string;
  @ManyToOne({ entity: () => UserEntity, deleteRule: 'cascade' }) user!: UserEntity;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Property({ type: 'timestamptz' }) expiresAt!: Date;
  @Property({ type: 'timestamptz', nullable: true }) revokedAt: Date | null = null;
}
