import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { User } from '../users/user.type.js';
import { ApiScope } from './viewer.js';

@ObjectType({ simpleResolvers: true })
export class Session {
  @Field(() => String, { description: 'Send as "Authorization: Bearer <token>"' }) token!: string;
  @Field(() => User) user!: User;
}

@ObjectType({ simpleResolvers: true })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [ApiScope]) scopes!: ApiScope[];
  @Field(() => [ID], { description: 'Empty means every campaign' }) campaignIds!: string[];
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true, description: 'To the minute' }) lastUsedAt!: Date | null;
  @Field(() => DateTime, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field(() => String, { description: 'Shown once; store it now' }) secret!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String) name!: string;
  @Field(() => [ApiScope]) scopes!: ApiScope[];
  @Field(() => [ID], { nullable: true }) campaignIds?: string[];
}
