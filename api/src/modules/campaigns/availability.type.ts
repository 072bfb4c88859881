import { Field, ObjectType } from 'type-graphql';
import { Admission } from './admission.rules.js';

@ObjectType({ simpleResolvers: true, description: 'Whether a chat started now would wait for a human: what the widget tells a customer before asking anything' })
export class CampaignAvailability {
  @Field(() => Admission, { description: 'OUT_OF_HOURS or FULL: a chat started now would close at once with the campaign text' }) admission!: Admission;
  @Field(() => Boolean, { description: 'Out of hours, and the campaign takes offline messages' }) offlineMessagesAllowed!: boolean;
}
