import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { requireSupervisor, requireUser } from '../auth/guards.js';
import { createCannedResponse, listCannedResponses } from './canned-response.service.js';
import { CannedResponse, CreateCannedResponseInput } from './canned-response.type.js';
import { scopeOf } from '../auth/viewer.js';
import { requireCampaignInScope } from './security-group.service.js';

@Resolver()
export class CannedResponseResolver {
  @Query(() => [CannedResponse], { description: "A campaign's canned responses, for its agents" })
  async cannedResponses(@Arg('campaignId', () => ID) campaignId: string, @Ctx() ctx: Context): Promise<CannedResponse[]> {
    requireUser(ctx.viewer);
    requireCampaignInScope(scopeOf(ctx.viewer), campaignId);
    return listCannedResponses(ctx.em, campaignId);
  }

  @Mutation(() => CannedResponse, { description: 'Supervisors and administrators' })
  async createCannedResponse(@Arg('input', () => CreateCannedResponseInput) input: CreateCannedResponseInput, @Ctx() ctx: Context): Promise<CannedResponse> {
    requireSupervisor(ctx.viewer);
    requireCampaignInScope(scopeOf(ctx.viewer), input.campaignId);
    return dispatched(ctx.deps, createCannedResponse(ctx.em, input));
  }
}
