import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Campaigns belong to one; an administrator in one sees only its campaigns' })
export class SecurityGroup {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}
