import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';

@Entity({ tableName: 'tags' })
export class TagEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text', unique: true }) name!: string;
  @Property({ type: 'text', nullable: true }) color: string | null = null;
}
