import type { GraphQLResolveInfo } from 'graphql';
import { dispatched } from '../domain-events/dispatcher.js';
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { connectionOf } from '../../shared/connection.js';
import { selects } from '../../shared/selection.js';
import { InteractionResult } from './interaction.enums.js';
import { encodeCursor, InteractionOrder, listInteractions } from './interaction.queries.js';
import { findByProtocol, requireVisible } from './interaction.access.js';
import { closeInteraction, handOff, takeInteraction } from './interaction.service.js';
import { startInteraction } from './start.service.js';
import { type InteractionChangeView, interactionChanges } from './interaction.stream.js';
import {
  HandOffInput,
  Interaction,
  InteractionChange,
  InteractionChangedFilter,
  InteractionConnection,
  InteractionFilterInput,
  StartInteractionInput,
  StartInteractionPayload,
} from './interaction.type.js';

@Resolver()
export class InteractionResolver {
  @Query(() => Interaction)
  interaction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Interaction> {
    return requireVisible(ctx, id);
  }

  @Query(() => Interaction)
  interactionByProtocol(@Arg('protocol', () => String) protocol: string, @Ctx() ctx: Context): Promise<Interaction> {
    return findByProtocol(ctx, protocol);
  }

  @Query(() => InteractionConnection, { description: 'The interactions you may see, newest first unless told otherwise' })
  async interactions(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => InteractionFilterInput, { nullable: true }) filter?: InteractionFilterInput,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('order', () => InteractionOrder, { defaultValue: InteractionOrder.NEWEST_FIRST }) order = InteractionOrder.NEWEST_FIRST,
  ): Promise<InteractionConnection> {
    return connectionOf(await listInteractions(ctx, filter ?? {}, first, after ?? null, order, { count: selects(info, 'totalCount') }), encodeCursor);
  }

  @Mutation(() => StartInteractionPayload, { description: 'The widget (anonymous), a bot or an integrator starts a conversation' })
  async startInteraction(@Arg('input', () => StartInteractionInput) input: StartInteractionInput, @Ctx() ctx: Context): Promise<StartInteractionPayload> {
    const { view, ...rest } = await dispatched(ctx.deps, startInteraction(ctx, input));
    return { interaction: view, ...rest };
  }

  @Mutation(() => Interaction, { description: 'A bot hands the chat to a tray with the answers it collected' })
  handOff(@Arg('input', () => HandOffInput) input: HandOffInput, @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, handOff(ctx, input));
  }

  @Mutation(() => Interaction, { description: 'Take a waiting chat; CONFLICT if someone else was first' })
  takeInteraction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, takeInteraction(ctx, id));
  }

  @Mutation(() => Interaction)
  closeInteraction(@Arg('id', () => ID) id: string, @Arg('result', () => InteractionResult) result: InteractionResult, @Ctx() ctx: Context): Promise<Interaction> {
    return dispatched(ctx.deps, closeInteraction(ctx, id, result));
  }

  @Subscription(() => InteractionChange, {
    description: "Interactions you may see as they change; REMOVED when one leaves your sight. A customer's token hears its own interaction as it stands first, then its changes",
    subscribe: ({ args, context }) => interactionChanges(context as Context, args.filter ?? {}),
  })
  interactionChanged(@Root() change: InteractionChangeView, @Arg('filter', () => InteractionChangedFilter, { nullable: true }) _filter?: InteractionChangedFilter): InteractionChange {
    return change;
  }
}
