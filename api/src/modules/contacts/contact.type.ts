import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { Channel } from '../interactions/interaction.enums.js';
import { CampaignRef, Contact, PageInfo } from '../interactions/interaction.type.js';
import { ContactState } from './contact.enums.js';

@ObjectType({ simpleResolvers: true, description: "A customer as the Contacts screen and the contact's record show it" })
export class ContactRecord extends Contact {
  @Field(() => DateTime, { description: 'Since when it is in its state' }) stateChangedAt!: string;
  @Field(() => DateTime, { description: 'Its latest message or change of state: the list is ordered by it, newest first' }) lastActivityAt!: string;
  @Field(() => DateTime) createdAt!: string;
  @Field(() => CampaignRef, { nullable: true, description: 'The campaign of its latest conversation within your campaigns' }) campaign!: CampaignRef | null;
  @Field(() => Channel, { nullable: true, description: 'The channel of that conversation' }) channel!: Channel | null;
  @Field(() => Int, { description: 'Its conversations within your campaigns' }) conversationCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class ContactEdge {
  @Field(() => String) cursor!: string;
  @Field(() => ContactRecord) node!: ContactRecord;
}

@ObjectType({ simpleResolvers: true })
export class ContactConnection {
  @Field(() => [ContactEdge]) edges!: ContactEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class ContactFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name (accents and case aside), e-mail, phone or external id' }) search?: string | null;
  @Field(() => [ContactState], { nullable: true }) states?: ContactState[] | null;
}
