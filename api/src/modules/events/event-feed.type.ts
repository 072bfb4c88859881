import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { Channel } from '../interactions/interaction.enums.js';

@ObjectType({ simpleResolvers: true, description: "One event of an interaction's trail, as integrators receive it" })
export class InteractionFeedEvent {
  @Field(() => String, { description: 'Resume after this event by passing it as `after`' }) cursor!: string;
  @Field(() => String, { description: 'STARTED, HANDED_OFF, TAKEN, RETURNED, TRANSFERRED, STATUS_CHANGED, JOINED, NOTE_ADDED, TAGS_SET, EXPERTISE_SET, CONTACT_EXPIRED, CLOSED' })
  type!: string;
  @Field(() => ID) interactionId!: string;
  @Field(() => ID) campaignId!: string;
  @Field(() => Channel) channel!: Channel;
  @Field(() => String) actorKind!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { description: 'JSON details of the event' }) data!: string;
  @Field(() => DateTime) createdAt!: Date;
}

@InputType()
export class InteractionFeedFilter {
  @Field(() => [ID], { nullable: true, description: 'Empty or absent: every campaign you may see' }) campaignIds?: string[];
  @Field(() => [Channel], { nullable: true }) channels?: Channel[];
  @Field(() => [String], { nullable: true, description: 'Event types, e.g. CLOSED' }) types?: string[];
}
