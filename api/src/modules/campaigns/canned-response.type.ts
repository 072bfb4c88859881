import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Language } from './campaign.enums.js';

@ObjectType({ simpleResolvers: true })
export class CannedResponse {
  @Field(() => ID) id!: string;
  @Field(() => ID) campaignId!: string;
  @Field(() => String, { description: 'What an agent types after "/" to find it' }) shortcut!: string;
  @Field(() => String) body!: string;
  @Field(() => Language, { nullable: true, description: 'Null: for every language' }) language!: Language | null;
}

@InputType()
export class CreateCannedResponseInput {
  @Field(() => ID) campaignId!: string;
  @Field(() => String) shortcut!: string;
  @Field(() => String) body!: string;
  @Field(() => Language, { nullable: true }) language?: Language | null;
}
