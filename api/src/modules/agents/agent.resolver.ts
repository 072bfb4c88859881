import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { requireAdmin, requireInstallationAdmin, requireSupervisor, requireUser } from '../auth/guards.js';
import { scopeOf } from '../auth/viewer.js';
import { type AgentStatusView, listStatuses, loadStatus } from './agent.queries.js';
import { agentStatus, pauseAgent, resumeAgent, setMyState } from './agent.service.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { myStatusStream } from './agent.stream.js';
import { AgentStatus, MyState, PauseReason } from './agent.type.js';
import { createPauseReason, listPauseReasons } from './pause-reason.service.js';

@Resolver()
export class AgentResolver {
  @Query(() => AgentStatus, { nullable: true, description: "The signed-in agent's own state" })
  myStatus(@Ctx() ctx: Context): Promise<AgentStatus | null> {
    const viewer = requireUser(ctx.viewer);
    return loadStatus(ctx.em, viewer.userId, ctx.deps.config.PRESENCE_GRACE_MS);
  }

  @Query(() => [AgentStatus], { description: 'Supervisors: every agent and its state' })
  agents(@Ctx() ctx: Context): Promise<AgentStatus[]> {
    requireSupervisor(ctx.viewer);
    return listStatuses(ctx.em, ctx.deps.config.PRESENCE_GRACE_MS, scopeOf(ctx.viewer));
  }

  @Query(() => [PauseReason], { description: 'The reasons one may pause with; administrators may ask for the retired ones too' })
  pauseReasons(@Ctx() ctx: Context, @Arg('includeRetired', () => Boolean, { defaultValue: false }) includeRetired = false): Promise<PauseReason[]> {
    requireUser(ctx.viewer);
    if (includeRetired) requireAdmin(ctx.viewer);
    return listPauseReasons(ctx.em, includeRetired);
  }

  @Mutation(() => PauseReason, { description: 'Administrators without a security group: every group is offered it' })
  createPauseReason(@Arg('name', () => String) name: string, @Arg('icon', () => String) icon: string, @Ctx() ctx: Context): Promise<PauseReason> {
    requireInstallationAdmin(ctx.viewer);
    return dispatched(ctx.deps, createPauseReason(ctx.em, name, icon));
  }

  @Mutation(() => AgentStatus, { description: 'AVAILABLE, or PAUSED with a reason: no new chats are routed, open ones go on' })
  async setMyState(@Arg('state', () => MyState) state: MyState, @Ctx() ctx: Context, @Arg('pauseReasonId', () => ID, { nullable: true }) pauseReasonId?: string): Promise<AgentStatus> {
    return agentStatus(ctx.deps, await dispatched(ctx.deps, setMyState(ctx, state, pauseReasonId)));
  }

  @Mutation(() => AgentStatus, { description: 'Supervisors' })
  async pauseAgent(@Arg('userId', () => ID) userId: string, @Arg('pauseReasonId', () => ID) pauseReasonId: string, @Ctx() ctx: Context): Promise<AgentStatus> {
    return agentStatus(ctx.deps, await dispatched(ctx.deps, pauseAgent(ctx, userId, pauseReasonId)));
  }

  @Mutation(() => AgentStatus, { description: 'Supervisors' })
  async resumeAgent(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<AgentStatus> {
    return agentStatus(ctx.deps, await dispatched(ctx.deps, resumeAgent(ctx, userId)));
  }

  @Subscription(() => AgentStatus, {
    description: "The signed-in person's own state: now, then after every change (a supervisor's pause included)",
    subscribe: ({ context }) => myStatusStream(context as Context),
  })
  myStatusChanged(@Root() status: AgentStatusView): AgentStatus {
    return status as AgentStatus;
  }
}
