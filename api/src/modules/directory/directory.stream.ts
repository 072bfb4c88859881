import type { Context } from '../../shared/context.js';
import { OVERFLOW, streamChannels } from '../../shared/bus.js';
import { Topic, type TopicPayloads } from '../../shared/topics.js';
import type { Listener } from '../domain-events/dispatcher.js';
import { EVERY_PART } from './directory.enums.js';
import { type DirectoryChange, requireDirectoryReader, tells } from './directory.rules.js';

/** Tells every process which directories a commit changed, each part of each campaign once. */
type Published = TopicPayloads[Topic.DIRECTORY];

export const directoryListener: Listener = async (deps, events) => {
  const seen = new Map<string, Published>();
  for (const e of events) if (e.kind === 'DIRECTORY_CHANGED') seen.set(`${e.what}:${e.campaignId ?? ''}`, { what: e.what, campaignId: e.campaignId });
  await Promise.all([...seen.values()].map((change) => deps.topics.publish(Topic.DIRECTORY, undefined, change)));
};

/**
 * The directory changes the caller may hear, as they commit. Each is judged with the socket's viewer
 * as it stands then (its scope may have moved). Events lost on the way (a slow reader, the broker
 * reconnecting) become one change of every part, so the reader reads everything again.
 */
export async function* directoryStream(ctx: Context): AsyncGenerator<DirectoryChange> {
  requireDirectoryReader(ctx.viewer);
  const { deps } = ctx;
  const live = await streamChannels<Published>(deps.topics.bus, [deps.topics.channel(Topic.DIRECTORY)], deps.config.SUBSCRIBER_BUFFER);
  try {
    for await (const event of live) {
      const change: DirectoryChange = event === OVERFLOW ? { parts: EVERY_PART, campaignId: null } : { parts: [event.what], campaignId: event.campaignId };
      if (tells(ctx.viewer, change)) yield change;
    }
  } finally {
    live.close();
  }
}
