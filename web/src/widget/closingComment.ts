import type { WidgetConversationStateFragment } from '../gql/graphql';
import type { ChatMessage } from '../shared/messages/messageList';

export type ConversationState = WidgetConversationStateFragment;

/** The thread as the visitor reads it, with the campaign's closing comment taken out to end it. */
export interface ClosedThread {
  thread: ChatMessage[];
  closing: ChatMessage | null;
}

/**
 * The server posts the closing comment as a SYSTEM message in the same statement that closes the
 * chat (api close.service.ts), and nobody may write after: so it is a SYSTEM message written at or
 * after `closedAt`. A "joined" notice or the welcome is older, so it is never mistaken for it.
 */
export function splitClosing(messages: readonly ChatMessage[], state: ConversationState | null): ClosedThread {
  const last = messages.at(-1);
  const closedAt = state?.phase === 'CLOSED' && state.closedAt ? Date.parse(state.closedAt) : null;
  if (!last || closedAt === null || last.author.kind !== 'SYSTEM' || Date.parse(last.createdAt) < closedAt) {
    return { thread: [...messages], closing: null };
  }
  return { thread: messages.slice(0, -1), closing: last };
}
