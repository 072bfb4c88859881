import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { Topic } from '../../shared/topics.js';
import { notFound } from '../../shared/errors.js';
import { requireAdmin } from '../auth/guards.js';
import { canUseCampaign } from '../auth/viewer.js';
import { campaignsFor, findCampaign, fromMessageSets } from './campaign.queries.js';
import { createCampaign, updateCampaign } from './campaign.service.js';
import { Campaign, CreateCampaignInput, UpdateCampaignInput } from './campaign.type.js';

@Resolver()
export class CampaignResolver {
  @Query(() => [Campaign])
  campaigns(@Ctx() ctx: Context): Promise<Campaign[]> {
    return campaignsFor(ctx.em, ctx.viewer);
  }

  @Query(() => Campaign, { description: 'Public: the widget reads its campaign before the customer writes' })
  async campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Campaign> {
    const campaign = await findCampaign(ctx.em, id);
    if (!campaign || !canUseCampaign(ctx.viewer, id)) throw notFound('Campaign');
    return campaign;
  }

  @Mutation(() => Campaign, { description: 'Administrators: also makes its General and Closed trays' })
  async createCampaign(@Arg('input', () => CreateCampaignInput) input: CreateCampaignInput, @Ctx() ctx: Context): Promise<Campaign> {
    requireAdmin(ctx.viewer);
    const created = await createCampaign(ctx.em, { ...input, messages: input.messages ? fromMessageSets(input.messages) : undefined });
    await ctx.deps.topics.publish(Topic.DIRECTORY, undefined, { what: 'CAMPAIGN' });
    return (await findCampaign(ctx.em, created.id))!;
  }

  @Mutation(() => Campaign, { description: 'Administrators: changes the settings given; messages given replace those of their languages, members given replace the members' })
  async updateCampaign(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateCampaignInput) input: UpdateCampaignInput, @Ctx() ctx: Context): Promise<Campaign> {
    requireAdmin(ctx.viewer);
    await updateCampaign(ctx.em, id, { ...input, messages: input.messages ? fromMessageSets(input.messages) : undefined });
    await ctx.deps.topics.publish(Topic.DIRECTORY, undefined, { what: 'CAMPAIGN' });
    return (await findCampaign(ctx.em, id))!;
  }
}
