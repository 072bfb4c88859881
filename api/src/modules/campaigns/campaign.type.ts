import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Language, RoutingStrategy } from './campaign.enums.js';
import { SecurityGroup } from './security-group.type.js';

@ObjectType('WeeklyRange', { simpleResolvers: true })
@InputType('WeeklyRangeInput')
export class WeeklyRangeShape {
  @Field(() => Int, { description: '0 = Sunday .. 6 = Saturday' }) day!: number;
  @Field(() => String, { description: 'HH:mm, inclusive' }) from!: string;
  @Field(() => String, { description: 'HH:mm, exclusive' }) to!: string;
}

@ObjectType('Schedule', { simpleResolvers: true })
@InputType('ScheduleInput')
export class ScheduleShape {
  @Field(() => [WeeklyRangeShape]) ranges!: WeeklyRangeShape[];
  @Field(() => [String], { description: 'YYYY-MM-DD in the campaign time zone' }) holidays!: string[];
}

@ObjectType('CampaignMessageSet', { simpleResolvers: true })
@InputType('CampaignMessageSetInput')
export class CampaignMessageSetShape {
  @Field(() => Language) language!: Language;
  @Field(() => String, { nullable: true, description: 'Posted when a chat starts waiting for an agent' }) welcome?: string | null;
  @Field(() => String, { nullable: true, description: 'Posted instead of the welcome when a chat starts with a bot' }) botWelcome?: string | null;
  @Field(() => String, { nullable: true }) outOfHours?: string | null;
  @Field(() => String, { nullable: true }) unavailable?: string | null;
  @Field(() => String, { nullable: true }) agentGreeting?: string | null;
  @Field(() => String, { nullable: true }) offline?: string | null;
  @Field(() => String, { nullable: true }) closing?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Campaign {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => RoutingStrategy) routingStrategy!: RoutingStrategy;
  @Field(() => Int) serviceLevelSeconds!: number;
  @Field(() => String) timeZone!: string;
  @Field(() => ScheduleShape, { nullable: true, description: 'Null means always open' }) schedule!: ScheduleShape | null;
  @Field(() => Int, { nullable: true }) waitingLimit!: number | null;
  @Field(() => [Int]) thresholdsSeconds!: number[];
  @Field(() => Int, { nullable: true }) noAnswerTimeoutSeconds!: number | null;
  @Field(() => Int) skillsWideningSeconds!: number;
  @Field(() => Boolean) botFirst!: boolean;
  @Field(() => Boolean) allowAudio!: boolean;
  @Field(() => Boolean) allowVideo!: boolean;
  @Field(() => Boolean) allowOfflineMessages!: boolean;
  @Field(() => Boolean) askName!: boolean;
  @Field(() => Boolean) askEmail!: boolean;
  @Field(() => Boolean) askPhone!: boolean;
  @Field(() => Language) defaultLanguage!: Language;
  @Field(() => [CampaignMessageSetShape]) messages!: CampaignMessageSetShape[];
  @Field(() => SecurityGroup, { nullable: true, description: 'Staff and keys: whose administrators see it; null for the widget' })
  securityGroup!: SecurityGroup | null;
}

/** Every campaign setting; a new campaign takes defaults for those left out, a change leaves them as they are. */
@InputType()
class CampaignSettingsInput {
  @Field(() => RoutingStrategy, { nullable: true }) routingStrategy?: RoutingStrategy;
  @Field(() => Int, { nullable: true }) serviceLevelSeconds?: number;
  @Field(() => String, { nullable: true }) timeZone?: string;
  @Field(() => ScheduleShape, { nullable: true }) schedule?: ScheduleShape | null;
  @Field(() => Int, { nullable: true }) waitingLimit?: number | null;
  @Field(() => [Int], { nullable: true }) thresholdsSeconds?: number[];
  @Field(() => Int, { nullable: true }) noAnswerTimeoutSeconds?: number | null;
  @Field(() => Int, { nullable: true }) skillsWideningSeconds?: number;
  @Field(() => Boolean, { nullable: true }) botFirst?: boolean;
  @Field(() => Boolean, { nullable: true }) allowAudio?: boolean;
  @Field(() => Boolean, { nullable: true }) allowVideo?: boolean;
  @Field(() => Boolean, { nullable: true }) allowOfflineMessages?: boolean;
  @Field(() => Boolean, { nullable: true }) askName?: boolean;
  @Field(() => Boolean, { nullable: true }) askEmail?: boolean;
  @Field(() => Boolean, { nullable: true }) askPhone?: boolean;
  @Field(() => Language, { nullable: true }) defaultLanguage?: Language;
  @Field(() => [CampaignMessageSetShape], { nullable: true }) messages?: CampaignMessageSetShape[];
  @Field(() => [ID], { nullable: true }) memberIds?: string[];
  @Field(() => ID, {
    nullable: true,
    description: "Administrators without a group: the security group it belongs to (a new campaign: General unless given); a grouped administrator's campaigns stay in its group",
  })
  securityGroupId?: string;
}

@InputType()
export class CreateCampaignInput extends CampaignSettingsInput {
  @Field(() => String) name!: string;
}

@InputType()
export class UpdateCampaignInput extends CampaignSettingsInput {
  @Field(() => String, { nullable: true }) name?: string;
}
