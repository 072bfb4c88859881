import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { unauthenticated } from '../../shared/errors.js';
import type { CallEventMessage } from '../../shared/topics.js';
import { enforce } from '../interactions/interaction.access.js';
import { CallAction, CallKind, CallSignalKind, mayTakePart } from './call.rules.js';
import { actOnCall, requestCall, requestScreen, sendCallSignal } from './call.service.js';
import { latestCursor } from './call.log.js';
import { callEvents } from './call.stream.js';
import { Call, CallEvent, IceServer } from './call.type.js';

@Resolver()
export class CallResolver {
  @Query(() => [IceServer], { description: 'STUN and TURN servers for calls (ICE_SERVERS)' })
  iceServers(@Ctx() ctx: Context): IceServer[] {
    if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
    return ctx.deps.config.ICE_SERVERS.map((s) => ({
      urls: Array.isArray(s.urls) ? s.urls : [s.urls],
      username: s.username ?? null,
      credential: s.credential ?? null,
    }));
  }

  @Query(() => String, { description: 'Where `callEvents` stands now: subscribe with it as `after`, and a reconnection with the last cursor heard misses nothing' })
  callCursor(@Ctx() ctx: Context): Promise<string> {
    if (ctx.viewer.kind === 'ANONYMOUS') throw unauthenticated();
    enforce(mayTakePart(ctx.viewer.kind));
    return latestCursor(ctx.em);
  }

  @Mutation(() => Call, { description: 'The customer asks the agent serving the chat for an audio or video call, if the campaign allows it' })
  requestCall(@Arg('interactionId', () => ID) interactionId: string, @Arg('kind', () => CallKind) kind: CallKind, @Ctx() ctx: Context): Promise<Call> {
    return dispatched(ctx.deps, requestCall(ctx, interactionId, kind)) as Promise<Call>;
  }

  @Mutation(() => Call, { description: "Supervisors: ask to watch an agent's screen, if the agent allows it; the agent accepts or declines like a call, and the same signalling carries it" })
  requestScreen(@Arg('agentId', () => ID) agentId: string, @Ctx() ctx: Context): Promise<Call> {
    return dispatched(ctx.deps, requestScreen(ctx, agentId)) as Promise<Call>;
  }

  @Mutation(() => Call, { description: 'The agent accepts or declines a ringing call' })
  answerCall(@Arg('callId', () => ID) callId: string, @Arg('accept', () => Boolean) accept: boolean, @Ctx() ctx: Context): Promise<Call> {
    return dispatched(ctx.deps, actOnCall(ctx, callId, accept ? CallAction.ACCEPT : CallAction.DECLINE)) as Promise<Call>;
  }

  @Mutation(() => Call, { description: 'Either party hangs up' })
  endCall(@Arg('callId', () => ID) callId: string, @Ctx() ctx: Context): Promise<Call> {
    return dispatched(ctx.deps, actOnCall(ctx, callId, CallAction.END)) as Promise<Call>;
  }

  @Mutation(() => Boolean, { description: 'WebRTC signalling: an OFFER, ANSWER or ICE_CANDIDATE for the other party only' })
  sendCallSignal(
    @Arg('callId', () => ID) callId: string,
    @Arg('kind', () => CallSignalKind) kind: CallSignalKind,
    @Arg('payload', () => String) payload: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return sendCallSignal(ctx, callId, kind, payload);
  }

  @Subscription(() => CallEvent, {
    description: "The two parties' call events: requests, answers, signals from the other side, the end. Those after `after` (a cursor) first, then live ones",
    subscribe: ({ args, context }) => callEvents(context as Context, args.interactionId ?? null, args.after ?? null),
  })
  callEvents(
    @Root() event: CallEventMessage,
    @Arg('interactionId', () => ID, { nullable: true }) _interactionId?: string | null,
    @Arg('after', () => String, { nullable: true }) _after?: string | null,
  ): CallEvent {
    return event as CallEvent;
  }
}
