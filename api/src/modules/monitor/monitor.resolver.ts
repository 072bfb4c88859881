import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { requireSupervisor } from '../auth/guards.js';
import { scopeOf } from '../auth/viewer.js';
import type { Scope } from '../auth/scope.rules.js';
import type { MonitorUpdateView } from './monitor.delta.js';
import type { MonitorFilter } from './monitor.rules.js';
import type { MonitorSnapshot } from './monitor.snapshot.js';
import { monitorStream, monitorUpdateStream } from './monitor.stream.js';
import { Monitor, MonitorFilterInput, MonitorUpdate } from './monitor.type.js';
import { monitorToday, monitorTodayStream, type MonitorTodayView } from './monitor-today.service.js';
import { MonitorToday, MonitorTodayFilterInput } from './monitor-today.type.js';

/** The dashboard's filter within the supervisor's scope. */
const toFilter = (ctx: Context, f?: MonitorFilterInput | null): MonitorFilter => ({
  within: monitorScope(scopeOf(ctx.viewer)),
  publicOnly: seesPublicOnly(ctx),
  campaignIds: f?.campaignIds ?? [],
  agentIds: f?.agentIds ?? [],
  teamIds: f?.teamIds ?? [],
  channels: f?.channels ?? [],
  contact: f?.contact?.trim() || null,
  protocol: f?.protocol?.trim() || null,
});

/** Whether the visibility table gives the caller only the chats everyone may see (a key that does not supervise). */
const seesPublicOnly = (ctx: Context): boolean => {
  const who = ctx.onlooker();
  return who.kind === 'KEY' && !who.supervise;
};

/** The scope as the monitor's filter holds it: plain, sorted lists, so equal scopes share snapshots. */
const monitorScope = (scope: Scope): MonitorFilter['within'] => (scope.kind === 'ALL' ? null : { campaignIds: [...scope.campaignIds].sort(), securityGroupId: scope.securityGroupId });

/** The snapshot a supervisor's `monitor` query reads: shared by every caller with the same filter and scope for a moment (see server/shared-queries.ts). */
export function monitorSnapshotFor(ctx: Context, filter?: MonitorFilterInput | null): Promise<MonitorSnapshot> {
  requireSupervisor(ctx.viewer);
  return ctx.deps.monitor.snapshot(toFilter(ctx, filter));
}

@Resolver()
export class MonitorResolver {
  @Query(() => Monitor, { description: 'Supervisors: the live picture of the contact center' })
  async monitor(@Ctx() ctx: Context, @Arg('filter', () => MonitorFilterInput, { nullable: true }) filter?: MonitorFilterInput): Promise<Monitor> {
    return (await monitorSnapshotFor(ctx, filter)) as Monitor;
  }

  @Subscription(() => Monitor, {
    description: 'Supervisors: the snapshot, then a new one after every change',
    subscribe: ({ args, context }) => {
      requireSupervisor((context as Context).viewer);
      return monitorStream(context as Context, toFilter(context as Context, args.filter));
    },
  })
  monitorChanged(@Root() snapshot: MonitorSnapshot, @Arg('filter', () => MonitorFilterInput, { nullable: true }) _filter?: MonitorFilterInput): Monitor {
    return snapshot as Monitor;
  }

  @Subscription(() => MonitorUpdate, {
    description: "Supervisors: everything once, then only what changed after every burst of changes (the dashboard's feed)",
    subscribe: ({ args, context }) => {
      requireSupervisor((context as Context).viewer);
      return monitorUpdateStream(context as Context, toFilter(context as Context, args.filter));
    },
  })
  monitorUpdates(@Root() update: MonitorUpdateView, @Arg('filter', () => MonitorFilterInput, { nullable: true }) _filter?: MonitorFilterInput): MonitorUpdate {
    return update as MonitorUpdate;
  }

  @Query(() => MonitorToday, { description: "Supervisors: today's volumes and service level per hour, each campaign on its own clock" })
  async monitorToday(@Ctx() ctx: Context, @Arg('filter', () => MonitorTodayFilterInput, { nullable: true }) filter?: MonitorTodayFilterInput): Promise<MonitorToday> {
    requireSupervisor(ctx.viewer);
    return monitorToday(ctx, filter?.campaignIds ?? []);
  }

  @Subscription(() => MonitorToday, {
    description: "Supervisors: today's figures, then new ones after changes (coalesced over 2 s) and when time alone moves them",
    subscribe: ({ args, context }) => {
      requireSupervisor((context as Context).viewer);
      return monitorTodayStream(context as Context, (args.filter as MonitorTodayFilterInput | undefined)?.campaignIds ?? []);
    },
  })
  monitorTodayChanged(@Root() today: MonitorTodayView, @Arg('filter', () => MonitorTodayFilterInput, { nullable: true }) _filter?: MonitorTodayFilterInput): MonitorToday {
    return today;
  }
}
