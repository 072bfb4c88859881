import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { CallEndReason, CallEventType, CallKind, CallParty, CallSignalKind, CallState } from './call.rules.js';

registerEnumType(CallKind, { name: 'CallKind' });
registerEnumType(CallState, { name: 'CallState' });
registerEnumType(CallSignalKind, { name: 'CallSignalKind', description: 'WebRTC signalling between the two parties' });
registerEnumType(CallEventType, { name: 'CallEventType' });
registerEnumType(CallParty, { name: 'CallParty' });
registerEnumType(CallEndReason, { name: 'CallEndReason', description: 'Why a call ended' });

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
  @Field(() => CallEndReason, { nullable: true, description: 'Why it ended, once over' }) endReason!: CallEndReason | null;
  @Field(() => CallParty, { nullable: true, description: 'Once over: who hung up or declined, or whose connection was lost' }) endedBy!: CallParty | null;
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
  @Field(() => String, { description: 'Resume after this event by passing it as `after`' }) cursor!: string;
}

@ObjectType({ simpleResolvers: true })
export class IceServer {
  @Field(() => [String]) urls!: string[];
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => String, { nullable: true }) credential!: string | null;
}
