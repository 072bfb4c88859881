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
  @Field(() => String, { description: 'What administrators filed it under' }) name!: string;
  @Field(() => String, { nullable: true, description: "What customers and agents see as the author of what it writes (a bot's name); the name when null" })
  displayName!: string | null;
  @Field(() => String, { nullable: true, description: 'An https image shown beside what it writes' }) avatarUrl!: string | null;
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
  @Field(() => String, { nullable: true, description: 'Shown to customers and agents; up to 80 characters' }) displayName?: string | null;
  @Field(() => String, { nullable: true, description: 'An https:// image address' }) avatarUrl?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; an empty display name or avatar clears it' })
export class UpdateApiKeyInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) displayName?: string | null;
  @Field(() => String, { nullable: true }) avatarUrl?: string | null;
}
