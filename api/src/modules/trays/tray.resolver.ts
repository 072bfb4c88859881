import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { requireSupervisor } from '../auth/guards.js';
import { scopeOf } from '../auth/viewer.js';
import { requireCampaignInScope, requireTrayInScope } from '../campaigns/security-group.service.js';
import { requirePeopleInScope, requireTeamsInScope } from '../users/people.access.js';
import { createTray, setTrayAccess, trayAccess, visibleTrays } from './tray.service.js';
import { CreateTrayInput, Tray, TrayAccess } from './tray.type.js';

@Resolver()
export class TrayResolver {
  @Query(() => [Tray], { description: 'The trays you may open' })
  async trays(@Ctx() ctx: Context): Promise<Tray[]> {
    return visibleTrays(ctx.em, ctx.onlooker());
  }

  @Query(() => TrayAccess, { description: 'Supervisors: who may see a custom tray' })
  async trayAccess(@Arg('trayId', () => ID) trayId: string, @Ctx() ctx: Context): Promise<TrayAccess> {
    requireSupervisor(ctx.viewer);
    await requireTrayInScope(ctx.em, scopeOf(ctx.viewer), trayId);
    return trayAccess(ctx.em, scopeOf(ctx.viewer), trayId);
  }

  @Mutation(() => Tray, { description: 'Supervisors: a custom tray with access for agents and teams' })
  async createTray(@Arg('input', () => CreateTrayInput) input: CreateTrayInput, @Ctx() ctx: Context): Promise<Tray> {
    requireSupervisor(ctx.viewer);
    requireCampaignInScope(scopeOf(ctx.viewer), input.campaignId);
    await requirePeopleInScope(ctx.em, ctx.viewer, input.userIds, 'input.userIds');
    await requireTeamsInScope(ctx.em, ctx.viewer, input.teamIds, 'input.teamIds');
    return dispatched(ctx.deps, createTray(ctx.em, input));
  }

  @Mutation(() => Tray, { description: 'Supervisors: replaces who may see a custom tray; live sessions follow at once' })
  async setTrayAccess(
    @Arg('trayId', () => ID) trayId: string,
    @Ctx() ctx: Context,
    @Arg('userIds', () => [ID], { defaultValue: [] }) userIds: string[],
    @Arg('teamIds', () => [ID], { defaultValue: [] }) teamIds: string[],
  ): Promise<Tray> {
    requireSupervisor(ctx.viewer);
    await requireTrayInScope(ctx.em, scopeOf(ctx.viewer), trayId);
    await requirePeopleInScope(ctx.em, ctx.viewer, userIds, 'userIds');
    await requireTeamsInScope(ctx.em, ctx.viewer, teamIds, 'teamIds');
    return dispatched(ctx.deps, setTrayAccess(ctx.em, scopeOf(ctx.viewer), trayId, userIds, teamIds));
  }
}
