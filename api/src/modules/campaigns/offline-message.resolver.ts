import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { requireUser } from '../auth/guards.js';
import { leaveOfflineMessage, listOfflineMessages } from './offline-message.service.js';
import { LeaveOfflineMessageInput, OfflineMessage } from './offline-message.type.js';
import { scopeOf } from '../auth/viewer.js';
import { requireCampaignInScope } from './security-group.service.js';

@Resolver()
export class OfflineMessageResolver {
  @Mutation(() => OfflineMessage, { description: 'Public: what a customer leaves out of hours' })
  leaveOfflineMessage(@Arg('input', () => LeaveOfflineMessageInput) input: LeaveOfflineMessageInput, @Ctx() ctx: Context): Promise<OfflineMessage> {
    return leaveOfflineMessage(ctx.em, input);
  }

  @Query(() => [OfflineMessage], { description: 'Agents and supervisors: newest first' })
  async offlineMessages(@Ctx() ctx: Context, @Arg('campaignId', () => ID, { nullable: true }) campaignId?: string): Promise<OfflineMessage[]> {
    requireUser(ctx.viewer);
    const scope = scopeOf(ctx.viewer);
    if (campaignId) requireCampaignInScope(scope, campaignId);
    return listOfflineMessages(ctx.em, campaignId ?? null, scope);
  }
}
