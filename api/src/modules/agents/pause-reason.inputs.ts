import { Field, InputType } from 'type-graphql';

@InputType()
export class UpdatePauseReasonInput {
  @Field(() => String, { nullable: true, description: '1 to 60 characters' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'An icon name of the web app, e.g. "coffee"' }) icon?: string | null;
}
