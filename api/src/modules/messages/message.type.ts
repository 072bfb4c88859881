import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { AuthorKind, Visibility } from './message.enums.js';

@ObjectType({ simpleResolvers: true })
export class Author {
  @Field(() => AuthorKind) kind!: AuthorKind;
  @Field(() => ID, { nullable: true }) id!: string | null;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true, description: "A key's avatar (an https image), as it was when the message was sent" }) avatarUrl!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Message {
  @Field(() => ID) id!: string;
  @Field(() => ID) interactionId!: string;
  @Field(() => Int, { description: 'Gapless, per interaction, from 1' }) sequence!: number;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true }) clientMessageId!: string | null;
  @Field(() => Author) author!: Author;
  @Field(() => Visibility) visibility!: Visibility;
  @Field(() => [ID]) attachmentIds!: string[];
  @Field(() => DateTime) createdAt!: string;
}

@InputType()
export class PostMessageInput {
  @Field(() => ID) interactionId!: string;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true, description: 'Makes the send idempotent for its author' }) clientMessageId?: string | null;
  @Field(() => [ID], { nullable: true }) attachmentIds?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'An internal note between staff, never shown to the customer' }) internal?: boolean | null;
}
