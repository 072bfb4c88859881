import { Topic } from '../../shared/topics.js';
import type { Listener } from '../domain-events/dispatcher.js';
import type { MessageView } from './message.view.js';

/**
 * A commit's messages reach the chat's subscribers in sequence within a chat (chats apart need no
 * order between them), before the commit's changes are published.
 */
export const publishMessagesListener: Listener = async (deps, events) => {
  const perChat = new Map<string, MessageView[]>();
  for (const e of events) if (e.kind === 'MESSAGE_POSTED') perChat.set(e.message.interactionId, [...(perChat.get(e.message.interactionId) ?? []), e.message]);
  await Promise.all(
    [...perChat.values()].map(async (messages) => {
      for (const message of messages) await deps.topics.publish(Topic.INTERACTION, message.interactionId, { type: 'MESSAGE_ADDED', message });
    }),
  );
};
