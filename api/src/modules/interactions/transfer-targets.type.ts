import { Field, ID, ObjectType } from 'type-graphql';
import { AgentState } from '../agents/agent-state.rules.js';
import { Team } from '../users/user.type.js';
import { TrayRef } from './interaction.type.js';

@ObjectType({ simpleResolvers: true })
export class TransferAgent {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => AgentState) state!: AgentState;
}

@ObjectType({ simpleResolvers: true, description: 'Where a chat may be transferred' })
export class TransferTargets {
  @Field(() => [TrayRef], { description: "Its campaign's trays and the custom trays of no campaign; not Closed, not personal ones" }) trays!: TrayRef[];
  @Field(() => [TransferAgent], { description: 'Every other active agent, with its state' }) agents!: TransferAgent[];
  @Field(() => [Team]) teams!: Team[];
}
