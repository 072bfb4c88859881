import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../../shared/scalars.js';
import { CampaignRef } from '../interactions/interaction.type.js';

@ObjectType({ simpleResolvers: true, description: "One local hour of today's queue: the chats that entered it in that hour and what became of them" })
export class MonitorHour {
  @Field(() => Int, { description: "0..23 on the campaign's clock" }) hour!: number;
  @Field(() => Int, { description: 'Chats that entered the queue' }) received!: number;
  @Field(() => Int, { description: 'Of those, answered by an agent' }) answered!: number;
  @Field(() => Int, { description: "Of those, answered within the campaign's service level" }) answeredWithinLevel!: number;
  @Field(() => Int, { description: 'Of those, closed without an agent' }) abandoned!: number;
  @Field(() => Float, { nullable: true, description: 'Share (0..1) answered within the level, as the monitor counts it; null when nothing counts yet' })
  serviceLevel!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class MonitorCampaignToday {
  @Field(() => CampaignRef) campaign!: CampaignRef;
  @Field(() => Int) serviceLevelSeconds!: number;
  @Field(() => String, { description: "The campaign's local date, YYYY-MM-DD" }) date!: string;
  @Field(() => [MonitorHour], { description: 'Hours 0 to 23' }) hours!: MonitorHour[];
}

@ObjectType({ simpleResolvers: true, description: "Today's volumes and service level per hour, each campaign on its own clock" })
export class MonitorToday {
  @Field(() => DateTime) generatedAt!: Date;
  @Field(() => [MonitorHour], { description: "The shown campaigns' hours added up, hour by hour" }) hours!: MonitorHour[];
  @Field(() => [MonitorCampaignToday]) campaigns!: MonitorCampaignToday[];
}

@InputType()
export class MonitorTodayFilterInput {
  @Field(() => [ID], { nullable: true, description: 'Empty or absent: every campaign' }) campaignIds?: string[];
}
