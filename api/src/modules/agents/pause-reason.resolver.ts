import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { requireInstallationAdmin } from '../auth/guards.js';
import { PauseReason } from './agent.type.js';
import { UpdatePauseReasonInput } from './pause-reason.inputs.js';
import { isPauseReasonActive, setPauseReasonActive, updatePauseReason } from './pause-reason.service.js';

/** Administrators keep the pause reasons: edit, retire, restore. */
@Resolver(() => PauseReason)
export class PauseReasonResolver {
  @FieldResolver(() => Boolean, { description: 'False once retired: no longer offered, though agents already paused with it keep it' })
  active(@Root() reason: PauseReason & { active?: boolean }, @Ctx() ctx: Context): boolean | Promise<boolean> {
    // Lists carry the flag; a reason read through an agent's state does not, and is looked up only when asked for.
    return reason.active ?? isPauseReasonActive(ctx.em, reason.id);
  }

  @Mutation(() => PauseReason, { description: 'Administrators: change the name or the icon; agents paused with it show the change' })
  updatePauseReason(@Arg('id', () => ID) id: string, @Arg('input', () => UpdatePauseReasonInput) input: UpdatePauseReasonInput, @Ctx() ctx: Context): Promise<PauseReason> {
    requireInstallationAdmin(ctx.viewer);
    return dispatched(ctx.deps, updatePauseReason(ctx.deps, ctx.em, id, input));
  }

  @Mutation(() => PauseReason, { description: 'Administrators: false retires the reason (no longer offered; agents in it stay paused), true restores it' })
  setPauseReasonActive(@Arg('id', () => ID) id: string, @Arg('active', () => Boolean) active: boolean, @Ctx() ctx: Context): Promise<PauseReason> {
    requireInstallationAdmin(ctx.viewer);
    return dispatched(ctx.deps, setPauseReasonActive(ctx.em, id, active));
  }
}
