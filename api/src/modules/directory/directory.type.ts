import { Field, ID, ObjectType } from 'type-graphql';
import { DirectoryPart } from './directory.enums.js';

@ObjectType({ simpleResolvers: true, description: 'Lists that changed: read them again (their own rules decide what you see of them)' })
export class DirectoryChange {
  @Field(() => [DirectoryPart], { description: 'Every part when changes may have been missed' }) parts!: DirectoryPart[];
  @Field(() => ID, { nullable: true, description: 'The campaign the change belongs to; null for what every campaign shares' }) campaignId!: string | null;
}
