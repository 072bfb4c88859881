import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { AgentState } from '../agents/agent-state.rules.js';
import { PauseReason } from '../agents/agent.type.js';
import { ContactState } from '../contacts/contact.enums.js';
import { ChatBand } from '../campaigns/thresholds.rules.js';
import { Channel, InteractionStatus, Phase } from '../interactions/interaction.enums.js';
import { CampaignRef } from '../interactions/interaction.type.js';
import { Team } from '../users/user.type.js';

registerEnumType(ChatBand, { name: 'ChatBand', description: "A held chat's time against its campaign's thresholds" });

@ObjectType({ simpleResolvers: true })
export class MonitorContact {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => ContactState, { description: 'EXPIRED once its session window closed: a new conversation or a template is needed to reach it' }) state!: ContactState;
}

@ObjectType({ simpleResolvers: true })
export class MonitorChat {
  @Field(() => ID) id!: string;
  @Field(() => String) protocol!: string;
  @Field(() => Channel) channel!: Channel;
  @Field(() => Phase) phase!: Phase;
  @Field(() => InteractionStatus) status!: InteractionStatus;
  @Field(() => CampaignRef) campaign!: CampaignRef;
  @Field(() => ID, { nullable: true }) agentId!: string | null;
  @Field(() => MonitorContact) contact!: MonitorContact;
  @Field(() => DateTime, { description: 'When the current phase began: the time in its current place' }) since!: Date;
  @Field(() => DateTime, { nullable: true, description: 'When the customer first waited for a person, across transfers, returns and sign-outs; null while with the bot' })
  waitingSince!: Date | null;
  @Field(() => ChatBand, { nullable: true, description: 'Held chats only' }) band!: ChatBand | null;
  @Field(() => Boolean, { description: 'Past the third threshold' }) alert!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class MonitorTotals {
  @Field(() => Int) open!: number;
  @Field(() => Int) bot!: number;
  @Field(() => Int) waiting!: number;
  @Field(() => Int) inService!: number;
}

@ObjectType({ simpleResolvers: true })
export class CampaignServiceLevel {
  @Field(() => CampaignRef) campaign!: CampaignRef;
  @Field(() => Int) serviceLevelSeconds!: number;
  @Field(() => Float, { nullable: true, description: "Share (0..1) of today's chats answered within the level; null before any counts" })
  serviceLevel!: number | null;
  @Field(() => Int) queuedToday!: number;
}

@ObjectType({ simpleResolvers: true, description: "How many of an agent's chats are in each band" })
export class BandCounts {
  @Field(() => Int) green!: number;
  @Field(() => Int) yellow!: number;
  @Field(() => Int) red!: number;
}

@ObjectType({ simpleResolvers: true, description: "An agent's row without its chats (the live updates send chats apart)" })
export class MonitorAgentSummary {
  @Field(() => ID) userId!: string;
  @Field(() => String) name!: string;
  @Field(() => AgentState) state!: AgentState;
  @Field(() => DateTime) stateChangedAt!: string;
  @Field(() => PauseReason, { nullable: true }) pauseReason!: PauseReason | null;
  @Field(() => Boolean) onCall!: boolean;
  @Field(() => [Channel], { description: 'Channels of its active chats' }) channels!: Channel[];
  @Field(() => Int) completedToday!: number;
  @Field(() => Int) activeChats!: number;
  @Field(() => Int) maxConcurrentChats!: number;
  @Field(() => BandCounts, { description: "Its chats per band: the row's colours without listing each chat" }) bands!: BandCounts;
  @Field(() => Boolean, { description: 'One of its chats is past the third threshold' }) alert!: boolean;
  @Field(() => [ID]) teamIds!: string[];
}

@ObjectType({ simpleResolvers: true })
export class MonitorAgent extends MonitorAgentSummary {
  @Field(() => [MonitorChat]) chats!: MonitorChat[];
}

@ObjectType({ simpleResolvers: true })
export class MonitorTeam {
  @Field(() => Team) team!: Team;
  @Field(() => [ID]) agentIds!: string[];
  @Field(() => Int) activeChats!: number;
}

@ObjectType({ simpleResolvers: true })
export class Monitor {
  @Field(() => DateTime) generatedAt!: Date;
  @Field(() => MonitorTotals) totals!: MonitorTotals;
  @Field(() => [CampaignServiceLevel]) campaigns!: CampaignServiceLevel[];
  @Field(() => [MonitorAgent]) agents!: MonitorAgent[];
  @Field(() => [MonitorChat], { description: 'Waiting customers, longest wait first' }) waiting!: MonitorChat[];
  @Field(() => [MonitorChat]) bot!: MonitorChat[];
  @Field(() => [MonitorChat]) inService!: MonitorChat[];
  @Field(() => [MonitorTeam]) teams!: MonitorTeam[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Supervisors: what changed on the monitor. The first is full (every agent and open chat); later ones carry only the agents and chats that changed or left, and the totals, service levels and teams whole',
})
export class MonitorUpdate {
  @Field(() => Boolean, { description: 'Everything: replace what is held' }) full!: boolean;
  @Field(() => DateTime) generatedAt!: Date;
  @Field(() => MonitorTotals) totals!: MonitorTotals;
  @Field(() => [CampaignServiceLevel]) campaigns!: CampaignServiceLevel[];
  @Field(() => [MonitorTeam]) teams!: MonitorTeam[];
  @Field(() => [MonitorAgentSummary], { description: 'Agents new or changed' }) agents!: MonitorAgentSummary[];
  @Field(() => [ID]) removedAgentIds!: string[];
  @Field(() => [MonitorChat], { description: 'Open chats new or changed (bot, waiting and in service, each once)' }) chats!: MonitorChat[];
  @Field(() => [ID], { description: 'Chats closed, or no longer matching the filter' }) removedChatIds!: string[];
}

@InputType()
export class MonitorFilterInput {
  @Field(() => [ID], { nullable: true }) campaignIds?: string[];
  @Field(() => [ID], { nullable: true }) agentIds?: string[];
  @Field(() => [ID], { nullable: true }) teamIds?: string[];
  @Field(() => [Channel], { nullable: true }) channels?: Channel[];
  @Field(() => String, { nullable: true, description: 'Contact name, e-mail or number' }) contact?: string | null;
  @Field(() => String, { nullable: true }) protocol?: string | null;
}
