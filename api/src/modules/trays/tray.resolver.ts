import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { requireSupervisor } from '../auth/guards.js';
import { createTray, visibleTrays } from './tray.service.js';
import { CreateTrayInput, Tray } from './tray.type.js';

@Resolver()
export class TrayResolver {
  @Query(() => [Tray], { description: 'The trays you may open' })
  async trays(@Ctx() ctx: Context): Promise<Tray[]> {
    return visibleTrays(ctx.em, await ctx.onlooker());
  }

  @Mutation(() => Tray, { description: 'Supervisors: a custom tray with access for agents and teams' })
  async createTray(@Arg('input', () => CreateTrayInput) input: CreateTrayInput, @Ctx() ctx: Context): Promise<Tray> {
    requireSupervisor(ctx.viewer);
    return createTray(ctx.em, input);
  }
}
