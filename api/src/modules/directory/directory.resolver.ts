import { Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import type { DirectoryChange as Change } from './directory.rules.js';
import { directoryStream } from './directory.stream.js';
import { DirectoryChange } from './directory.type.js';

@Resolver()
export class DirectoryResolver {
  @Subscription(() => DirectoryChange, {
    description:
      'People and keys: people, teams, campaigns, security groups, pause reasons, trays and their access, tags, skills and canned responses were created or changed; a change of a campaign you do not reach is not told',
    subscribe: ({ context }) => directoryStream(context as Context),
  })
  directoryChanged(@Root() change: Change): DirectoryChange {
    return { parts: [...change.parts], campaignId: change.campaignId };
  }
}
