import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';

@ObjectType({ simpleResolvers: true })
export class OfflineMessage {
  @Field(() => ID) id!: string;
  @Field(() => ID) campaignId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) language!: string | null;
  @Field(() => String) body!: string;
  @Field(() => DateTime) createdAt!: string;
}

@InputType()
export class LeaveOfflineMessageInput {
  @Field(() => ID) campaignId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) language?: string | null;
  @Field(() => String) body!: string;
}
