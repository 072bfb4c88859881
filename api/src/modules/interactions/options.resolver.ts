import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';
import { knownSkills, knownTags } from './labels.queries.js';
import { transferTargets } from './transfer-targets.js';
import { TransferTargets } from './transfer-targets.type.js';

/** What the agent's screen offers to choose from: tags, skills, where a chat may go. */
@Resolver()
export class InteractionOptionsResolver {
  @Query(() => [String], { description: 'Every known tag, for agents to pick before creating a new one' })
  tags(@Ctx() ctx: Context): Promise<string[]> {
    requireStaffOrKey(ctx);
    return knownTags(ctx.em);
  }

  @Query(() => [String], { description: 'Every skill an active person has: the expertise a chat can ask for' })
  skills(@Ctx() ctx: Context): Promise<string[]> {
    requireStaffOrKey(ctx);
    return knownSkills(ctx.em);
  }

  @Query(() => TransferTargets, { description: 'Where a chat you see may be transferred: trays, agents with their state, teams' })
  transferTargets(@Arg('interactionId', () => ID) interactionId: string, @Ctx() ctx: Context): Promise<TransferTargets> {
    requireStaffOrKey(ctx);
    return transferTargets(ctx, interactionId);
  }
}

function requireStaffOrKey(ctx: Context): void {
  if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
  if (ctx.viewer.kind === 'VISITOR') throw forbidden('Not for customers');
}
