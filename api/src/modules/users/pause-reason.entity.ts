import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';

@Entity({ tableName: 'pause_reasons' })
export class PauseReasonEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text', unique: true }) name!: string;
  /** A name from the web app's icon set, e.g. "coffee". */
  @Property({ type: 'text' }) icon!: string;
  @Property({ type: 'boolean' }) active: boolean = true;
}
