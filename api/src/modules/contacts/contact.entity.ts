import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { ContactState } from './contact.enums.js';

@Entity({ tableName: 'contacts' })
@Index({ properties: ['email'] })
@Index({ properties: ['phone'] })
@Index({ properties: ['externalId'] })
export class ContactEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @Property({ type: 'text', nullable: true }) name: string | null = null;
  @Property({ type: 'text', nullable: true }) email: string | null = null;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: 'text', nullable: true }) externalId: string | null = null;
  @Property({ type: 'text', nullable: true }) country: string | null = null;
  @Property({ type: 'text', nullable: true }) language: string | null = null;
  @Enum({ items: () => ContactState, nativeEnumName: 'contact_state' }) state: ContactState = ContactState.BOT;
  @Enum({ items: () => ContactState, nativeEnumName: 'contact_state', nullable: true }) previousState: ContactState | null = null;
  @Property({ type: 'timestamptz' }) stateChangedAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) lastMessageAt: Date | null = null;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
