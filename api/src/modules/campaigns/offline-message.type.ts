import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { OfflineHandling } from './offline-message.rules.js';

@ObjectType({ simpleResolvers: true, description: 'Who handled an offline message, when and how: it is handled once' })
export class OfflineMessageHandled {
  @Field(() => OfflineHandling) how!: OfflineHandling;
  @Field(() => DateTime) at!: string;
  @Field(() => ID, { nullable: true, description: 'The person; null when an API key did it' }) byId!: string | null;
  @Field(() => String, { nullable: true, description: "The person's or the key's name" }) byName!: string | null;
  @Field(() => String, { nullable: true, description: 'The e-mail reply that went out (EMAIL)' }) reply!: string | null;
  @Field(() => ID, { nullable: true, description: 'The conversation it became (CONVERSATION)' }) interactionId!: string | null;
  @Field(() => String, { nullable: true, description: "That conversation's protocol" }) protocol!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class OfflineMessage {
  @Field(() => ID) id!: string;
  @Field(() => ID) campaignId!: string;
  @Field(() => String) campaignName!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) language!: string | null;
  @Field(() => String) body!: string;
  @Field(() => DateTime) createdAt!: string;
  @Field(() => OfflineMessageHandled, { nullable: true, description: 'Null while it waits for someone' }) handled!: OfflineMessageHandled | null;
}

@InputType()
export class LeaveOfflineMessageInput {
  @Field(() => ID) campaignId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) language?: string | null;
  @Field(() => String) body!: string;
}
