import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A tag or a skill, and how much it is used: what an administrator weighs before renaming or deleting it' })
export class LabelUse {
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Chats carrying it (tags) or needing it (skills), closed ones included' }) chats!: number;
  @Field(() => Int, { description: 'People who have it (skills; always 0 for tags)' }) people!: number;
}
