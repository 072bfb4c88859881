import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { AgentState } from './agent-state.rules.js';

registerEnumType(AgentState, { name: 'AgentState', description: 'Derived from presence, pause and active chats' });

export enum MyState {
  AVAILABLE = 'AVAILABLE',
  PAUSED = 'PAUSED',
}
registerEnumType(MyState, { name: 'MyState', description: 'What an agent chooses; its AgentState follows' });

@ObjectType({ simpleResolvers: true })
export class PauseReason {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'An icon name of the web app, e.g. "coffee"' }) icon!: string;
}

@ObjectType({ simpleResolvers: true })
export class AgentStatus {
  @Field(() => ID) userId!: string;
  @Field(() => String) name!: string;
  @Field(() => AgentState) state!: AgentState;
  @Field(() => DateTime, { description: 'When the state last changed' }) stateChangedAt!: string;
  @Field(() => Boolean) connected!: boolean;
  @Field(() => Boolean) paused!: boolean;
  @Field(() => PauseReason, { nullable: true }) pauseReason!: PauseReason | null;
  @Field(() => Int) activeChats!: number;
  @Field(() => Int) maxConcurrentChats!: number;
}
