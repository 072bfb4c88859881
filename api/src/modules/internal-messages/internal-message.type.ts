import { Field, ID, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';

@ObjectType({ simpleResolvers: true, description: 'A message between staff: a supervisor and an agent' })
export class InternalMessage {
  @Field(() => ID) id!: string;
  @Field(() => ID) fromUserId!: string;
  @Field(() => String) fromName!: string;
  @Field(() => ID) toUserId!: string;
  @Field(() => String) toName!: string;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true }) clientMessageId!: string | null;
  @Field(() => DateTime) createdAt!: string;
}
