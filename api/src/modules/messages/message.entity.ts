import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { AuthorKind, Visibility } from './message.enums.js';

@Entity({ tableName: 'messages' })
@Unique({ properties: ['interactionId', 'sequence'] })
// One author may not reuse a client message id within an interaction: this is what makes sends idempotent.
@Unique({ properties: ['interactionId', 'authorKey', 'clientMessageId'] })
export class MessageEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  @ManyToOne({ entity: () => InteractionEntity, fieldName: 'interaction_id', mapToPk: true, deleteRule: 'cascade' }) interactionId!: string;
  @Property({ type: 'integer' }) sequence!: number;
  @Property({ type: 'text' }) body!: string;
  @Enum({ items: () => AuthorKind, nativeEnumName: 'author_kind' }) authorKind!: AuthorKind;
  @Property({ type: 'uuid', nullable: true }) authorId: string | null = null;
  @Property({ type: 'text', nullable: true }) authorName: string | null = null;
  @Property({ type: 'text', nullable: true }) authorAvatarUrl: string | null = null;
  /** "<kind>:<id>", the identity idempotency is scoped to. */
  @Property({ type: 'text' }) authorKey!: string;
  @Enum({ items: () => Visibility, nativeEnumName: 'visibility' }) visibility: Visibility = Visibility.PUBLIC;
  @Property({ type: 'text', nullable: true }) clientMessageId: string | null = null;
  @Property({ type: 'uuid[]' }) attachmentIds: string[] = [];
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
