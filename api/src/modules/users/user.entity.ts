import { Collection, Entity, Enum, ManyToMany, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { Role } from './user.enums.js';
import { TeamEntity } from './team.entity.js';

@Entity({ tableName: 'users' })
export class UserEntity {
  [OptionalProps]?: 'languages' | 'skills' | 'maxConcurrentChats' | 'mayMonitorScreen' | 'active' | 'createdAt' | 'passwordChangedAt';
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text', unique: true }) email!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text', hidden: true }) passwordHash!: string;
  @Enum({ items: () => Role, nativeEnumName: 'role' }) role!: Role;
  @Property({ type: 'text[]' }) languages: string[] = [];
  @Property({ type: 'text[]' }) skills: string[] = [];
  @Property({ type: 'integer' }) maxConcurrentChats: number = 3;
  @Property({ type: 'boolean' }) mayMonitorScreen: boolean = false;
  @Property({ type: 'boolean' }) active: boolean = true;
  /** An administrator in a security group sees only its campaigns; null: every campaign. */
  @Property({ type: 'uuid', nullable: true }) securityGroupId: string | null = null;
  @ManyToMany({ entity: () => TeamEntity, pivotTable: 'user_teams', joinColumn: 'user_id', inverseJoinColumn: 'team_id' })
  teams = new Collection<TeamEntity>(this);
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Property({ type: 'timestamptz' }) passwordChangedAt: Date = new Date();
}
