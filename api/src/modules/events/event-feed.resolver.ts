import { Repeater } from '@repeaterjs/repeater';
import { Arg, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { badInput, forbidden, unauthenticated } from '../../shared/errors.js';
import { scopeOf } from '../auth/viewer.js';
import type { FeedEvent } from './event-feed.js';
import { decodeCursor, encodeCursor, mayReadFeed, unknownEventTypes } from './event-feed.rules.js';
import { InteractionFeedEvent, InteractionFeedFilter } from './event-feed.type.js';

@Resolver()
export class EventFeedResolver {
  @Subscription(() => InteractionFeedEvent, {
    description: 'Supervisors and SUPERVISE or ADMIN keys: every interaction event of your campaigns in order, from `after` (a cursor) or from now; resumable, none lost or repeated',
    subscribe: async ({ args, context }) => {
      const { viewer, deps } = context as Context;
      if (viewer.kind === 'ANONYMOUS') throw unauthenticated();
      if (!mayReadFeed(viewer)) throw forbidden('Only supervisors and SUPERVISE keys read the event feed');
      const cursor = args.after == null ? null : decodeCursor(args.after);
      if (args.after != null && !cursor) throw badInput('This cursor was not given out by Parley', 'after');
      const start = cursor ? { position: cursor } : await deps.feed.now();
      const filter = args.filter ?? {};
      const unknown = unknownEventTypes(filter.types ?? []);
      if (unknown.length) throw badInput(`Unknown event type: ${unknown.join(', ')}`, 'filter.types');
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
  ): InteractionFeedEvent {
    return { ...event, cursor: encodeCursor(event.position) };
  }
}
