import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { CallEventType, CallKind, CallParty, CallSignalKind, CallState } from './call.rules.js';

registerEnumType(CallKind, { name: 'CallKind' });
registerEnumType(CallState, { name: 'CallState' });
registerEnumType(CallSignalKind, { name: 'CallSignalKind', description: 'WebRTC signalling between the two parties' });
registerEnumType(CallEventType, { name: 'CallEventType' });
registerEnumType(CallParty, { name: 'CallParty' });

@ObjectType({ simpleResolvers: true })
export class Call {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The chat; none for screen monitoring' }) interactionId!: string | null;
  @Field(() => ID, { description: 'The agent who serves the chat, or whose screen is watched' }) agentId!: string;
  @Field(() => ID, { nullable: true, description: 'Screen monitoring: the supervisor watching' }) supervisorId!: string | null;
  @Field(() => CallKind) kind!: CallKind;
  @Field(() => CallState) state!: CallState;
  @Field(() => DateTime) requestedAt!: string;
  @Field(() => DateTime, { nullable: true }) startedAt!: string | null;
  @Field(() => DateTime, { nullable: true }) endedAt!: string | null;
  @Field(() => Int, { nullable: true, description: 'How long it went on, once over' }) seconds!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class CallSignal {
  @Field(() => CallSignalKind) kind!: CallSignalKind;
  @Field(() => String, { description: 'The SDP or candidate, as the browser gave it (JSON)' }) payload!: string;
}

@ObjectType({ simpleResolvers: true })
export class CallEvent {
  @Field(() => CallEventType) type!: CallEventType;
  @Field(() => Call) call!: Call;
  @Field(() => CallParty, { nullable: true }) from!: CallParty | null;
  @Field(() => CallSignal, { nullable: true }) signal!: CallSignal | null;
}

@ObjectType({ simpleResolvers: true })
export class IceServer {
  @Field(() => [String]) urls!: string[];
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => String, { nullable: true }) credential!: string | null;
}
