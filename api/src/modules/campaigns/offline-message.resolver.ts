import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { answerOfflineByEmail, countUnhandled, leaveOfflineMessage, listOfflineMessages } from './offline-message.service.js';
import { turnIntoConversation } from './offline-conversation.service.js';
import { unhandledCountStream } from './offline-message.stream.js';
import { LeaveOfflineMessageInput, OfflineMessage } from './offline-message.type.js';

@Resolver()
export class OfflineMessageResolver {
  @Mutation(() => OfflineMessage, { description: 'Public: what a customer leaves out of hours' })
  leaveOfflineMessage(@Arg('input', () => LeaveOfflineMessageInput) input: LeaveOfflineMessageInput, @Ctx() ctx: Context): Promise<OfflineMessage> {
    return dispatched(ctx.deps, leaveOfflineMessage(ctx.em, input));
  }

  @Query(() => [OfflineMessage], {
    description: 'People, and keys with SUPERVISE or ADMIN: newest first, of the campaigns they reach (an agent: the campaigns it works on); `handled` false lists what still waits',
  })
  offlineMessages(
    @Ctx() ctx: Context,
    @Arg('campaignId', () => ID, { nullable: true }) campaignId?: string,
    @Arg('handled', () => Boolean, { nullable: true }) handled?: boolean,
  ): Promise<OfflineMessage[]> {
    return listOfflineMessages(ctx, campaignId ?? null, handled ?? null);
  }

  @Query(() => Int, { description: 'How many offline messages the caller reaches still wait for someone' })
  unhandledOfflineMessages(@Ctx() ctx: Context): Promise<number> {
    return countUnhandled(ctx.em, ctx.viewer);
  }

  @Mutation(() => OfflineMessage, {
    description:
      "Answers by e-mail to the customer's address and marks it handled; EMAIL_NOT_CONFIGURED without SMTP_URL, EMAIL_NOT_SENT (left unhandled) when the mail server does not take it, CONFLICT when already handled",
  })
  answerOfflineMessage(@Arg('id', () => ID) id: string, @Arg('body', () => String) body: string, @Ctx() ctx: Context): Promise<OfflineMessage> {
    return dispatched(ctx.deps, answerOfflineByEmail(ctx, id, body));
  }

  @Mutation(() => OfflineMessage, {
    description: "Starts a conversation whose first message is the customer's, held by the caller (or waiting in the general tray), and marks it handled; CONFLICT when already handled",
  })
  offlineMessageToConversation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<OfflineMessage> {
    return dispatched(ctx.deps, turnIntoConversation(ctx, id));
  }

  @Subscription(() => Int, {
    description: 'How many offline messages the caller reaches still wait: now, then whenever that changes (one left or handled)',
    subscribe: ({ context }) => unhandledCountStream(context as Context),
  })
  unhandledOfflineMessagesChanged(@Root() count: number): number {
    return count;
  }
}
