import 'reflect-metadata';
import './schema-enums.js';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AgentResolver } from '../modules/agents/agent.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { EventFeedResolver } from '../modules/events/event-feed.resolver.js';
import { WebhookResolver } from '../modules/webhooks/webhook.resolver.js';
import { TranscriptResolver } from '../modules/transcripts/transcript.resolver.js';
import { CallResolver } from '../modules/calls/call.resolver.js';
import { AttachmentResolver } from '../modules/files/attachment.resolver.js';
import { CampaignResolver } from '../modules/campaigns/campaign.resolver.js';
import { CannedResponseResolver } from '../modules/campaigns/canned-response.resolver.js';
import { OfflineMessageResolver } from '../modules/campaigns/offline-message.resolver.js';
import { InternalMessageResolver } from '../modules/internal-messages/internal-message.resolver.js';
import { InboxResolver } from '../modules/inbox/inbox.resolver.js';
import { InteractionResolver } from '../modules/interactions/interaction.resolver.js';
import { InteractionOptionsResolver } from '../modules/interactions/options.resolver.js';
import { LifecycleResolver } from '../modules/interactions/lifecycle.resolver.js';
import { MessageResolver } from '../modules/messages/message.resolver.js';
import { MonitorResolver } from '../modules/monitor/monitor.resolver.js';
import { TrayResolver } from '../modules/trays/tray.resolver.js';
import { UserResolver } from '../modules/users/user.resolver.js';
import { PauseReasonResolver } from '../modules/agents/pause-reason.resolver.js';
import { LabelResolver } from '../modules/labels/label.resolver.js';
import { ContactResolver } from '../modules/contacts/contact.resolver.js';
import { DirectoryResolver } from '../modules/directory/directory.resolver.js';

/**
 * The public schema. Subscriptions bring their own streams, so no type-graphql PubSub is wired.
 * Object types are declared with `simpleResolvers: true`: their fields are plain properties and
 * Parley uses no type-graphql middlewares or auth checker, so graphql-js reads them directly
 * instead of through a wrapper per field (a monitor snapshot has a hundred thousand fields).
 */
export function buildParleySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      AuthResolver,
      AgentResolver,
      UserResolver,
      CampaignResolver,
      CannedResponseResolver,
      OfflineMessageResolver,
      TrayResolver,
      DirectoryResolver,
      InteractionResolver,
      InboxResolver,
      ContactResolver,
      LifecycleResolver,
      MessageResolver,
      MonitorResolver,
      EventFeedResolver,
      WebhookResolver,
      TranscriptResolver,
      CallResolver,
      AttachmentResolver,
      InternalMessageResolver,
      InteractionOptionsResolver,
      PauseReasonResolver,
      LabelResolver,
    ],
    validate: false,
    // type-graphql insists on a PubSub; every subscription here has its own `subscribe`, so this one is never used.
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('Subscriptions must declare their own subscribe function');
      },
    },
    emitSchemaFile: false,
  });
}
