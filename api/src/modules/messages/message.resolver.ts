import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { badInput } from '../../shared/errors.js';
import { requireVisible } from '../interactions/interaction.access.js';
import { postMessage } from './send.service.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { canReadInternal, listMessages } from './message.service.js';
import { messageStream } from './message.stream.js';
import { Message, PostMessageInput } from './message.type.js';
import type { MessageView } from './message.view.js';

@Resolver()
export class MessageResolver {
  @Query(() => [Message], { description: 'Messages in sequence order after a cursor: how a client catches up' })
  async messages(
    @Arg('interactionId', () => ID) interactionId: string,
    @Ctx() ctx: Context,
    @Arg('afterSequence', () => Int, { defaultValue: 0 }) afterSequence = 0,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<Message[]> {
    if (first < 1 || first > 500) throw badInput('first is between 1 and 500', 'first');
    if (afterSequence < 0) throw badInput('afterSequence is 0 or more', 'afterSequence');
    await requireVisible(ctx, interactionId);
    return listMessages(ctx.em, interactionId, afterSequence, first, canReadInternal(ctx.viewer.kind));
  }

  @Mutation(() => Message, { description: 'Idempotent per author and clientMessageId' })
  postMessage(@Arg('input', () => PostMessageInput) input: PostMessageInput, @Ctx() ctx: Context): Promise<Message> {
    return dispatched(ctx.deps, postMessage(ctx, input));
  }

  @Subscription(() => Message, {
    description: 'Stored messages after afterSequence, then live ones: no gap, no duplicate',
    subscribe: ({ args, context }) => messageStream(context as Context, args.interactionId, args.afterSequence ?? null),
  })
  messageAdded(@Root() message: MessageView, @Arg('interactionId', () => ID) _interactionId: string, @Arg('afterSequence', () => Int, { nullable: true }) _afterSequence?: number): Message {
    return message;
  }
}
