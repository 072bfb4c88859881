import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { InteractionEventType } from '../interactions/interaction.enums.js';
import { DeliveryStatus } from './webhook.rules.js';

@ObjectType({ simpleResolvers: true })
export class Webhook {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => [InteractionEventType], { description: 'Event types sent; empty: all' }) eventTypes!: InteractionEventType[];
  @Field(() => [ID], { description: 'Campaigns whose events are sent; empty: all' }) campaignIds!: string[];
  @Field(() => Boolean) active!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it stopped, when it did' }) disabledReason!: string | null;
  @Field(() => Int) consecutiveFailures!: number;
  @Field(() => DateTime) createdAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class CreatedWebhook {
  @Field(() => Webhook) webhook!: Webhook;
  @Field(() => String, { description: 'Signs every delivery (Parley-Signature: t=<seconds>,v1=<HMAC-SHA256 of "<t>.<body>">); shown once' })
  secret!: string;
}

@ObjectType({ simpleResolvers: true })
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Sent as Parley-Event-Id: the same for every attempt, for the receiver to drop duplicates' }) eventId!: string;
  @Field(() => String, { description: 'The event type, or PING for a test ping' }) eventType!: string;
  @Field(() => ID, { nullable: true, description: 'None for a test ping' }) interactionId!: string | null;
  @Field(() => DeliveryStatus) status!: DeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) deliveredAt!: Date | null;
}

@InputType()
export class CreateWebhookInput {
  @Field(() => String) url!: string;
  @Field(() => [InteractionEventType], { nullable: true, description: 'Event types to send; empty or absent: all' }) eventTypes?: InteractionEventType[];
  @Field(() => [ID], { nullable: true, description: 'Empty or absent: every campaign' }) campaignIds?: string[];
  @Field(() => DateTime, { nullable: true, description: 'Send the events from this moment on, as far back as FEED_RETENTION_DAYS (an earlier moment starts there); absent: from now' })
  since?: Date | null;
}
