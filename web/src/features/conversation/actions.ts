import type { InteractionResult, InteractionStatus, InteractionSummaryFragment } from '../../gql/graphql';

type Chat = Pick<InteractionSummaryFragment, 'phase' | 'status' | 'agent' | 'participants'>;
type Viewer = { id: string; role: string } | null;

export type ReplyState = 'open' | 'closed' | 'take' | 'heldByOther';

/** Whether the person joined the chat beside its holder (and has not left). */
export const joined = (chat: Pick<InteractionSummaryFragment, 'participants'>, me: Viewer): boolean => me !== null && (chat.participants ?? []).some((p) => p.id === me.id);

/**
 * Whether the composer is offered, mirroring the server's rule (it decides; this only avoids a
 * composer that would be refused): an agent answers a chat it holds or joined, a supervisor any
 * chat in service.
 */
export function replyState(chat: Pick<InteractionSummaryFragment, 'phase' | 'agent' | 'participants'>, me: Viewer): ReplyState {
  if (chat.phase === 'CLOSED') return 'closed';
  if (chat.phase !== 'IN_SERVICE') return 'take';
  return me && (me.role !== 'AGENT' || chat.agent?.id === me.id || joined(chat, me)) ? 'open' : 'heldByOther';
}

/** The text key that says why there is no composer, or null when there is one. */
export function replyHintKey(state: ReplyState): string | null {
  switch (state) {
    case 'open':
      return null;
    case 'closed':
      return 'conversation.closed';
    case 'heldByOther':
      return 'conversation.heldByOther';
    case 'take':
      return 'conversation.takeToReply';
  }
}

/** Which header actions to offer. The server decides; this mirrors its rules so no button is sure to be refused. */
export interface ChatActions {
  setStatus: boolean;
  join: boolean;
  leave: boolean;
  returnToTray: boolean;
  transfer: boolean;
  close: boolean;
}

/** The statuses a person sets by hand, in the order the selector lists them. */
export const SETTABLE_STATUSES: readonly InteractionStatus[] = ['IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'NEEDS_HELP'];

const isSupervisor = (me: Viewer) => me !== null && me.role !== 'AGENT';

/**
 * The server's interaction rules, seen from one person: the holder of a chat in service, or a
 * supervisor, changes its status, returns or transfers it (mayActOnHeld); a supervisor may also
 * transfer a waiting chat (mayTransfer) and close any open one, with the bot or in a tray
 * (mayClose), while an agent closes only the chat it holds. Anyone else who sees a chat asking for
 * help may join it, a supervisor any chat in service (mayJoin); whoever joined writes in it and may
 * leave, but the holder stays the owner (mayLeave).
 */
export function chatActions(chat: Chat, me: Viewer): ChatActions {
  const holds = chat.phase === 'IN_SERVICE' && me !== null && chat.agent?.id === me.id;
  const acts = chat.phase === 'IN_SERVICE' && (holds || isSupervisor(me));
  const participant = joined(chat, me);
  return {
    setStatus: acts,
    join: me !== null && chat.phase === 'IN_SERVICE' && !holds && !participant && (chat.status === 'NEEDS_HELP' || isSupervisor(me)),
    leave: participant,
    returnToTray: acts,
    transfer: acts || (chat.phase === 'WAITING' && isSupervisor(me)),
    close: acts || (chat.phase !== 'CLOSED' && isSupervisor(me)),
  };
}

/**
 * The results a person may close with. NOBODY_AVAILABLE is Parley's own (the waiting limit), and
 * ESCALATED, "handed to another operator", is for supervisors: the server refuses it from agents
 * and turns an agent's SUCCESS after a transfer into ESCALATED itself.
 */
export function closeResults(me: Viewer): InteractionResult[] {
  return isSupervisor(me) ? ['SUCCESS', 'NO_ANSWER', 'ESCALATED'] : ['SUCCESS', 'NO_ANSWER'];
}

/**
 * The result the server will store for the one asked, and why when it differs: a chat handed on
 * between operators that ends well is stored ESCALATED (the server's closingResult).
 */
export function storedResult(requested: InteractionResult, transferCount: number): { result: InteractionResult; becauseTransferred: boolean } {
  const escalated = requested === 'SUCCESS' && transferCount > 0;
  return { result: escalated ? 'ESCALATED' : requested, becauseTransferred: escalated };
}

/**
 * Notes, tags and expertise: anyone who sees an open chat; on a closed one only supervisors and the
 * agent who served it (everyone may read a closed chat, so not everyone may write on it).
 */
export function mayAnnotate(chat: Pick<InteractionSummaryFragment, 'phase' | 'agent'>, me: Viewer): boolean {
  if (me === null) return false;
  return chat.phase !== 'CLOSED' || isSupervisor(me) || chat.agent?.id === me.id;
}
