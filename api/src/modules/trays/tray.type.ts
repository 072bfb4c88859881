import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Team, TeamMember } from '../users/user.type.js';
import { TrayKind } from './tray.enums.js';

@ObjectType({ simpleResolvers: true })
export class Tray {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => TrayKind) kind!: TrayKind;
  @Field(() => ID, { nullable: true }) campaignId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The agent a PERSONAL tray belongs to' }) ownerId!: string | null;
}

@InputType()
export class CreateTrayInput {
  @Field(() => String) name!: string;
  @Field(() => ID) campaignId!: string;
  @Field(() => [ID], { nullable: true, description: 'Agents who may see it' }) userIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Teams whose agents may see it' }) teamIds?: string[];
}

@ObjectType({ simpleResolvers: true, description: 'Who may see a custom tray besides supervisors' })
export class TrayAccess {
  @Field(() => [TeamMember]) users!: TeamMember[];
  @Field(() => [Team]) teams!: Team[];
}
