import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { CallKind } from './call.rules.js';

registerEnumType(CallKind, { name: 'CallKind' });

@ObjectType({ simpleResolvers: true })
export class Call {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The chat; none for screen monitoring' }) interactionId!: string | null;
  @Field(() => ID, { description: 'The agent who serves the chat, or whose screen is watched' }) agentId!: string;
  @Field(() => ID, { nullable: true, description: 'Screen monitoring: the supervisor watching' }) supervisorId!: string | null;
  @Field(() => CallKind) kind!: CallKind;
  @Field(() => String, { description: 'REQUESTED, ACCEPTED, DECLINED or ENDED' }) state!: string;
  @Field(() => DateTime) requestedAt!: string;
  @Field(() => DateTime, { nullable: true }) startedAt!: string | null;
  @Field(() => DateTime, { nullable: true }) endedAt!: string | null;
  @Field(() => Int, { nullable: true, description: 'How long it went on, once over' }) seconds!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class CallSignal {
  @Field(() => String, { description: 'OFFER, ANSWER or ICE_CANDIDATE' }) kind!: string;
  @Field(() => String, { description: 'The SDP or candidate, as the browser gave it (JSON)' }) payload!: string;
}

@ObjectType({ simpleResolvers: true })
export class CallEvent {
  @Field(() => String, { description: 'REQUESTED, ACCEPTED, DECLINED, ENDED or SIGNAL' }) type!: string;
  @Field(() => Call) call!: Call;
  @Field(() => String, { nullable: true, description: 'CUSTOMER, AGENT or SUPERVISOR' }) from!: string | null;
  @Field(() => CallSignal, { nullable: true }) signal!: CallSignal | null;
}

@ObjectType({ simpleResolvers: true })
export class IceServer {
  @Field(() => [String]) urls!: string[];
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => String, { nullable: true }) credential!: string | null;
}
