import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, JSONObject } from '../../shared/scalars.js';
import { Admission } from '../campaigns/admission.rules.js';
import { ContactState } from '../contacts/contact.enums.js';
import { TrayKind } from '../trays/tray.enums.js';
import { ActorKind, ChangeKind, Channel, InteractionEventType, InteractionResult, InteractionStatus, Phase } from './interaction.enums.js';

export { ChangeKind };

registerEnumType(ChangeKind, { name: 'ChangeKind' });

@ObjectType({ simpleResolvers: true })
export class CampaignRef {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: "The campaign's IANA time zone: its chats' times are shown in it" }) timeZone!: string;
}

@ObjectType({ simpleResolvers: true })
export class TrayRef {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => TrayKind) kind!: TrayKind;
}

@ObjectType({ simpleResolvers: true })
export class AgentRef {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true })
export class Participant {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => DateTime) joinedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class Contact {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => String, { nullable: true }) language!: string | null;
  @Field(() => ContactState) state!: ContactState;
  @Field(() => ContactState, { nullable: true }) previousState!: ContactState | null;
}

@ObjectType('BotAnswer', { simpleResolvers: true })
@InputType('BotAnswerInput')
export class BotAnswerShape {
  @Field(() => String) key!: string;
  @Field(() => String) value!: string;
}

@ObjectType({ simpleResolvers: true })
export class Interaction {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Human-readable, unique; agents read it out' }) protocol!: string;
  @Field(() => Channel) channel!: Channel;
  @Field(() => Phase) phase!: Phase;
  @Field(() => InteractionStatus) status!: InteractionStatus;
  @Field(() => InteractionResult, { nullable: true }) result!: InteractionResult | null;
  @Field(() => CampaignRef) campaign!: CampaignRef;
  @Field(() => Contact) contact!: Contact;
  @Field(() => TrayRef, { nullable: true }) tray!: TrayRef | null;
  @Field(() => AgentRef, { nullable: true }) agent!: AgentRef | null;
  @Field(() => [Participant], { description: 'People who joined besides the holder and have not left: they write in it until it closes or they leave' })
  participants!: Participant[];
  @Field(() => [BotAnswerShape]) botAnswers!: BotAnswerShape[];
  @Field(() => [String]) expertise!: string[];
  @Field(() => [String]) tags!: string[];
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => String, { nullable: true }) language!: string | null;
  @Field(() => Int, { description: 'Sequence of the newest message' }) lastSequence!: number;
  @Field(() => Int, { description: 'Times it was handed on between operators (transfers): closed with SUCCESS it is stored as ESCALATED' }) transferCount!: number;
  @Field(() => DateTime) createdAt!: string;
  @Field(() => DateTime, { nullable: true, description: 'When it last entered a tray: the time in its current place, if waiting' }) queuedAt!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the customer first waited for a person: their wait counts from here across transfers, returns and sign-outs' })
  waitingSince!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When its current agent got it' }) assignedAt!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When a person first got it: the end of the wait the service level counts' }) firstAssignedAt!: string | null;
  @Field(() => DateTime, { nullable: true }) closedAt!: string | null;
  @Field(() => DateTime) updatedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class InteractionEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Interaction) node!: Interaction;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class InteractionConnection {
  @Field(() => [InteractionEdge]) edges!: InteractionEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

registerEnumType(Admission, { name: 'Admission', description: 'Whether the chat could wait for a human when it started' });

@ObjectType({ simpleResolvers: true })
export class StartInteractionPayload {
  @Field(() => Interaction) interaction!: Interaction;
  @Field(() => Admission, { description: 'OUT_OF_HOURS or FULL: the chat closed at once with the campaign text' }) admission!: Admission;
  @Field(() => Boolean, { description: 'Out of hours, and the campaign takes offline messages' }) offlineMessagesAllowed!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "The customer's token: for an anonymous caller (the widget), or a key that asked for it (customerToken); reaches this interaction and nothing else",
  })
  visitorToken!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class InteractionChange {
  @Field(() => ChangeKind) kind!: ChangeKind;
  @Field(() => ID, { nullable: true, description: 'Null for RESYNC' }) interactionId!: string | null;
  @Field(() => Interaction, { nullable: true, description: 'Null when REMOVED or RESYNC' }) interaction!: Interaction | null;
}

@InputType()
export class ContactInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
}

@InputType()
export class StartInteractionInput {
  @Field(() => ID) campaignId!: string;
  @Field(() => Channel) channel!: Channel;
  @Field(() => ContactInput) contact!: ContactInput;
  @Field(() => String, { nullable: true, description: 'A language tag such as "es" or "pt-BR"' }) language?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The widget: the visitor token of this browser's earlier conversation, so a returning customer stays one contact with its history",
  })
  returningVisitorToken?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Keys: true starts this chat with a bot (its campaign's BOT keys serve it) whatever the campaign's default; false sends it straight to the tray. Left out, the campaign decides, and a BOT key's own chats start with it",
  })
  withBot?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Keys: also answer a customer's token (visitorToken) for this chat, for a customer who writes from an app of the integrator's rather than through the key",
  })
  customerToken?: boolean | null;
}

@InputType()
export class HandOffInput {
  @Field(() => ID) interactionId!: string;
  @Field(() => ID, { nullable: true, description: "A general or custom tray of the chat's campaign; given skills only, the campaign's general tray (one of the two is needed)" }) trayId?:
    string | null;
  @Field(() => [String], { nullable: true, description: 'Skills the customer needs; SKILLS routing gives the chat to an agent who has them' }) skills?: string[] | null;
  @Field(() => [BotAnswerShape], { nullable: true }) botAnswers?: BotAnswerShape[] | null;
}

@InputType()
export class InteractionFilterInput {
  @Field(() => ID, { nullable: true }) trayId?: string | null;
  @Field(() => [Phase], { nullable: true }) phases?: Phase[] | null;
  @Field(() => [InteractionStatus], { nullable: true, description: 'e.g. [NEEDS_HELP] for the "Needs help" view' }) statuses?: InteractionStatus[] | null;
  @Field(() => ID, { nullable: true }) campaignId?: string | null;
  @Field(() => ID, { nullable: true, description: "One contact's interactions: its earlier conversations" }) contactId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The agent who holds or last held it' }) agentId?: string | null;
  @Field(() => [InteractionResult], { nullable: true }) results?: InteractionResult[] | null;
  @Field(() => DateTime, { nullable: true, description: 'Started at or after' }) createdFrom?: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'Started before' }) createdTo?: Date | null;
  @Field(() => String, { nullable: true, description: 'Contact name, e-mail or phone, campaign name or protocol' }) search?: string | null;
}

@InputType()
export class InteractionChangedFilter {
  @Field(() => ID, { nullable: true }) campaignId?: string | null;
  @Field(() => ID, { nullable: true }) trayId?: string | null;
  @Field(() => [Phase], { nullable: true }) phases?: Phase[] | null;
}

@InputType()
export class TransferTargetInput {
  @Field(() => ID, { nullable: true }) trayId?: string | null;
  @Field(() => ID, { nullable: true, description: "The chat waits in that agent's personal tray" }) agentId?: string | null;
  @Field(() => ID, { nullable: true, description: "The chat waits in the team's tray of its campaign" }) teamId?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Note {
  @Field(() => ID, { nullable: true }) authorId!: string | null;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field(() => String) body!: string;
  @Field(() => DateTime) createdAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class InteractionEvent {
  @Field(() => ID) id!: string;
  @Field(() => InteractionEventType) type!: InteractionEventType;
  @Field(() => ActorKind) actorKind!: ActorKind;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => JSONObject, { description: "The event's details: one shape per type, as the README documents (the same object a webhook carries)" }) data!: Record<string, unknown>;
  @Field(() => DateTime) createdAt!: string;
}
