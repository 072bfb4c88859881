import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTime, JSONObject } from '../../shared/scalars.js';
import { ActorKind, Channel, InteractionEventType } from '../interactions/interaction.enums.js';

@ObjectType({ simpleResolvers: true, description: "One event of an interaction's trail, as integrators receive it" })
export class InteractionFeedEvent {
  @Field(() => String, { description: 'Resume after this event by passing it as `after`' }) cursor!: string;
  @Field(() => InteractionEventType) type!: InteractionEventType;
  @Field(() => ID) interactionId!: string;
  @Field(() => ID) campaignId!: string;
  @Field(() => Channel) channel!: Channel;
  @Field(() => ActorKind) actorKind!: ActorKind;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => JSONObject, { description: "The event's details: one shape per type, as the README documents (the same object a webhook carries)" }) data!: Record<string, unknown>;
  @Field(() => DateTime) createdAt!: Date;
}

@InputType()
export class InteractionFeedFilter {
  @Field(() => [ID], { nullable: true, description: 'Empty or absent: every campaign you may see' }) campaignIds?: string[];
  @Field(() => [Channel], { nullable: true }) channels?: Channel[];
  @Field(() => [InteractionEventType], { nullable: true, description: 'Empty or absent: every type' }) types?: InteractionEventType[];
}
