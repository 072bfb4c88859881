import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from './user.enums.js';

@InputType()
export class CreateUserInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => String) password!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [String], { nullable: true }) languages?: string[];
  @Field(() => [String], { nullable: true }) skills?: string[];
  @Field(() => Int, { nullable: true }) maxConcurrentChats?: number;
  @Field(() => Boolean, { nullable: true }) mayMonitorScreen?: boolean;
  @Field(() => [ID], { nullable: true }) teamIds?: string[];
  @Field(() => ID, { nullable: true, description: "Administrators without a security group: the person's group (it matters for administrators)" })
  securityGroupId?: string | null;
}

@InputType()
export class CreateTeamInput {
  @Field(() => String) name!: string;
  @Field(() => [ID], { nullable: true }) memberIds?: string[];
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => [String], { nullable: true }) skills?: string[] | null;
  @Field(() => Int, { nullable: true }) maxConcurrentChats?: number | null;
  @Field(() => Boolean, { nullable: true }) mayMonitorScreen?: boolean | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the teams' }) teamIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: "Administrators without a security group: the person's group; null removes it, absent leaves it" })
  securityGroupId?: string | null;
}
