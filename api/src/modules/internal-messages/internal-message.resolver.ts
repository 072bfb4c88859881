import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { DateTime } from '../../shared/scalars.js';
import { listInternalMessages, sendInternalMessage, type InternalMessageView } from './internal-message.service.js';
import { internalMessageStream } from './internal-message.stream.js';
import { InternalMessage } from './internal-message.type.js';

@Resolver()
export class InternalMessageResolver {
  @Mutation(() => InternalMessage, { description: 'Staff to staff: supervisors to anyone, agents to supervisors; idempotent per clientMessageId' })
  sendInternalMessage(
    @Arg('toUserId', () => ID) toUserId: string,
    @Arg('body', () => String) body: string,
    @Ctx() ctx: Context,
    @Arg('clientMessageId', () => String, { nullable: true }) clientMessageId?: string | null,
  ): Promise<InternalMessage> {
    return dispatched(ctx.deps, sendInternalMessage(ctx, toUserId, body, clientMessageId ?? null));
  }

  @Query(() => [InternalMessage], { description: 'The latest messages between you and another person, oldest first' })
  internalMessages(@Arg('withUserId', () => ID) withUserId: string, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 100 }) first = 100): Promise<InternalMessage[]> {
    return listInternalMessages(ctx, withUserId, first);
  }

  @Subscription(() => InternalMessage, {
    description: 'Messages to or from you: those after `after` first, then live ones',
    subscribe: ({ args, context }) => internalMessageStream(context as Context, args.after ?? null),
  })
  internalMessageAdded(@Root() message: InternalMessageView, @Arg('after', () => DateTime, { nullable: true }) _after?: Date | null): InternalMessage {
    return message;
  }
}
