import { Repeater } from '@repeaterjs/repeater';
import { Arg, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { DateTime } from '../../shared/scalars.js';
import { badInput, forbidden, unauthenticated } from '../../shared/errors.js';
import { scopeOf } from '../auth/viewer.js';
import { type FeedEvent, resumeAfter, startAt } from './event-feed.js';
import { decodeCursor, encodeCursor, mayReadFeed, unknownEventTypes } from './event-feed.rules.js';
import { InteractionFeedEvent, InteractionFeedFilter } from './event-feed.type.js';

@Resolver()
export class EventFeedResolver {
  @Subscription(() => InteractionFeedEvent, {
    description:
      'Supervisors and SUPERVISE or ADMIN keys: every interaction event of your campaigns in order, after `after` (a cursor), from `since` (a moment, as far back as FEED_RETENTION_DAYS: an earlier one starts there), or from now; resumable, none lost or repeated. A cursor stays valid while it lies within the retention',
    subscribe: async ({ args, context }) => {
      const { viewer, deps, em } = context as Context;
      if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
      if (!mayReadFeed(viewer)) throw forbidden('Only supervisors and SUPERVISE keys read the event feed');
      const filter = args.filter ?? {};
      const unknown = unknownEventTypes(filter.types ?? []);
      if (unknown.length) throw badInput(`Unknown event type: ${unknown.join(', ')}`, 'filter.types');
      if (args.after != null && args.since != null) throw badInput('Give either after (a cursor) or since (a moment), not both', 'since');
      const cursor = args.after == null ? null : decodeCursor(args.after as string);
      if (args.after != null && !cursor) throw badInput('This cursor was not given out by Parley', 'after');
      const retention = deps.config.FEED_RETENTION_DAYS;
      const start = args.since != null ? { position: await startAt(em, args.since as Date, retention) } : cursor ? { position: await resumeAfter(em, cursor, retention) } : await deps.feed.now();
      const campaigns = scopeOf(viewer);
      return new Repeater<FeedEvent>(async (push, stop) => {
        const remove = deps.feed.add({ campaignIds: filter.campaignIds ?? [], channels: filter.channels ?? [], types: filter.types ?? [] }, campaigns, start, push);
        await stop;
        remove();
      });
    },
  })
  interactionEvents(
    @Root() event: FeedEvent,
    @Arg('filter', () => InteractionFeedFilter, { nullable: true }) _filter?: InteractionFeedFilter,
    @Arg('after', () => String, { nullable: true }) _after?: string,
    @Arg('since', () => DateTime, { nullable: true }) _since?: Date,
  ): InteractionFeedEvent {
    return { ...event, cursor: encodeCursor(event.position) };
  }
}
