import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Role } from './user.enums.js';
import { SecurityGroup } from '../campaigns/security-group.type.js';

@ObjectType({ simpleResolvers: true })
export class Team {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true })
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [String]) languages!: string[];
  @Field(() => [String]) skills!: string[];
  @Field(() => Int) maxConcurrentChats!: number;
  @Field(() => Boolean) mayMonitorScreen!: boolean;
  @Field(() => [Team]) teams!: Team[];
  @Field(() => Boolean, { description: 'False once deactivated: the person can no longer sign in' }) active!: boolean;
  @Field(() => SecurityGroup, { nullable: true, description: 'An administrator in one sees only its campaigns; null: every campaign' })
  securityGroup!: SecurityGroup | null;
}

@ObjectType({ simpleResolvers: true })
export class TeamMember {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A team and who is in it' })
export class TeamWithMembers {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [TeamMember]) members!: TeamMember[];
}
