import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';

@Entity({ tableName: 'teams' })
export class TeamEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text', unique: true }) name!: string;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
