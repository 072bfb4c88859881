import { Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { requireUser } from '../auth/guards.js';
import type { InboxUpdateView } from './inbox.hub.js';
import { InboxUpdate } from './inbox.type.js';

@Resolver()
export class InboxResolver {
  @Subscription(() => InboxUpdate, {
    description:
      'People: what your inbox shows, live. Agents: their own chats (held, joined, in their personal tray), those asking for help, and the oldest waiting chats of each tray they pick from (campaigns that route MANUAL); the other queues as counts, told at most every INBOX_COUNTS_EVERY_MS. Supervisors: every open chat they may see. Changes within a frame are told once, as the chat stands at its end',
    subscribe: ({ context }) => {
      const ctx = context as Context;
      const person = requireUser(ctx.viewer);
      return ctx.deps.inbox.open(person.userId, person.role, () => ctx.onlooker());
    },
  })
  inboxUpdates(@Root() update: InboxUpdateView): InboxUpdate {
    return update as InboxUpdate;
  }
}
