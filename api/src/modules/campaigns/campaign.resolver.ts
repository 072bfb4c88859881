import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { ALL } from '../auth/scope.rules.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { notFound } from '../../shared/errors.js';
import { requireAdmin } from '../auth/guards.js';
import { scopeOf } from '../auth/viewer.js';
import { campaignFor, campaignsFor, findCampaign, fromMessageSets } from './campaign.queries.js';
import { createCampaign, updateCampaign } from './campaign.service.js';
import { Campaign, CreateCampaignInput, UpdateCampaignInput } from './campaign.type.js';
import { requirePeopleInScope } from '../users/people.access.js';
import { createSecurityGroup, listSecurityGroups, renameSecurityGroup, requireCampaignInScope, requireGroupManager } from './security-group.service.js';
import { SecurityGroup } from './security-group.type.js';
import { CampaignAvailability } from './availability.type.js';
import { availabilityNow, requireCampaignToStart } from '../interactions/admission.service.js';

@Resolver()
export class CampaignResolver {
  @Query(() => [Campaign], { description: 'The campaigns you may see; a grouped administrator, those of its security group' })
  campaigns(@Ctx() ctx: Context): Promise<Campaign[]> {
    return campaignsFor(ctx.em, ctx.viewer);
  }

  @Query(() => Campaign, { description: 'Public: the widget reads its campaign before the customer writes' })
  async campaign(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Campaign> {
    const campaign = await findCampaign(ctx.em, id, scopeOf(ctx.viewer));
    if (!campaign) throw notFound('Campaign');
    return campaignFor(ctx.viewer, campaign);
  }

  @Query(() => CampaignAvailability, { description: 'Public: whether a chat started now would be let in, so the widget says no before it asks anything' })
  async campaignAvailability(@Arg('campaignId', () => ID) campaignId: string, @Ctx() ctx: Context): Promise<CampaignAvailability> {
    return availabilityNow(ctx.em, await requireCampaignToStart(ctx.em, ctx.viewer, campaignId));
  }

  @Mutation(() => Campaign, { description: 'Administrators: also makes its General and Closed trays' })
  async createCampaign(@Arg('input', () => CreateCampaignInput) input: CreateCampaignInput, @Ctx() ctx: Context): Promise<Campaign> {
    requireAdmin(ctx.viewer);
    const scope = scopeOf(ctx.viewer);
    await requirePeopleInScope(ctx.em, ctx.viewer, input.memberIds, 'input.memberIds');
    const made = await createCampaign(ctx.em, { ...input, messages: input.messages ? fromMessageSets(input.messages) : undefined }, scope);
    // Its group's people reach it from now: this process forgets their viewers at once, the others at the NOTIFY.
    ctx.deps.viewers.forget();
    const created = await dispatched(ctx.deps, made);
    // What the caller was allowed to make, it reads back (even a campaign it just placed beyond its group).
    return (await findCampaign(ctx.em, created.id, ALL))!;
  }

  @Mutation(() => Campaign, { description: 'Administrators: changes the settings given; messages given replace those of their languages, members given replace the members' })
  async updateCampaign(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateCampaignInput) input: UpdateCampaignInput, @Ctx() ctx: Context): Promise<Campaign> {
    requireAdmin(ctx.viewer);
    const scope = scopeOf(ctx.viewer);
    requireCampaignInScope(scope, id);
    await requirePeopleInScope(ctx.em, ctx.viewer, input.memberIds, 'input.memberIds');
    const updated = await updateCampaign(ctx.em, id, { ...input, messages: input.messages ? fromMessageSets(input.messages) : undefined }, scope);
    if (input.securityGroupId !== undefined) ctx.deps.viewers.forget();
    await dispatched(ctx.deps, updated);
    return (await findCampaign(ctx.em, id, ALL))!;
  }

  @Query(() => [SecurityGroup], { description: 'Administrators: every security group by name; a grouped administrator, its own' })
  async securityGroups(@Ctx() ctx: Context): Promise<SecurityGroup[]> {
    requireAdmin(ctx.viewer);
    return listSecurityGroups(ctx.em, scopeOf(ctx.viewer));
  }

  @Mutation(() => SecurityGroup, { description: 'Administrators without a security group' })
  async createSecurityGroup(@Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<SecurityGroup> {
    requireAdmin(ctx.viewer);
    requireGroupManager(scopeOf(ctx.viewer));
    return dispatched(ctx.deps, createSecurityGroup(ctx.em, name));
  }

  @Mutation(() => SecurityGroup, { description: 'Administrators without a security group' })
  async renameSecurityGroup(@Arg('id', () => ID) id: string, @Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<SecurityGroup> {
    requireAdmin(ctx.viewer);
    requireGroupManager(scopeOf(ctx.viewer));
    return dispatched(ctx.deps, renameSecurityGroup(ctx.em, id, name));
  }
}
