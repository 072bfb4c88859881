import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { requireSupervisor } from '../auth/guards.js';
import type { MonitorFilter } from './monitor.rules.js';
import type { MonitorSnapshot } from './monitor.snapshot.js';
import { monitorStream } from './monitor.stream.js';
import { Monitor, MonitorFilterInput } from './monitor.type.js';

const toFilter = (f?: MonitorFilterInput | null): MonitorFilter => ({
  campaignIds: f?.campaignIds ?? [],
  agentIds: f?.agentIds ?? [],
  teamIds: f?.teamIds ?? [],
  channels: f?.channels ?? [],
  contact: f?.contact?.trim() || null,
  protocol: f?.protocol?.trim() || null,
});

@Resolver()
export class MonitorResolver {
  @Query(() => Monitor, { description: 'Supervisors: the live picture of the contact center' })
  async monitor(@Ctx() ctx: Context, @Arg('filter', () => MonitorFilterInput, { nullable: true }) filter?: MonitorFilterInput): Promise<Monitor> {
    requireSupervisor(ctx.viewer);
    return (await ctx.deps.monitor.snapshot(toFilter(filter))) as Monitor;
  }

  @Subscription(() => Monitor, {
    description: 'Supervisors: the snapshot, then a new one after every change',
    subscribe: ({ args, context }) => {
      requireSupervisor((context as Context).viewer);
      return monitorStream(context as Context, toFilter(args.filter));
    },
  })
  monitorChanged(@Root() snapshot: MonitorSnapshot, @Arg('filter', () => MonitorFilterInput, { nullable: true }) _filter?: MonitorFilterInput): Monitor {
    return snapshot as Monitor;
  }
}
