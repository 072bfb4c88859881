import type { InteractionResult, InteractionStatus, InteractionSummaryFragment } from '../../gql/graphql';
import { replyState } from './composables/useConversation';

type Chat = Pick<InteractionSummaryFragment, 'phase' | 'status' | 'agent'>;
type Viewer = { id: string; role: string } | null;

/** Which header actions to offer. The server decides; this mirrors its rules so no button is sure to be refused. */
export interface ChatActions {
  setStatus: boolean;
  join: boolean;
  returnToTray: boolean;
  transfer: boolean;
  close: boolean;
}

/** The statuses a person sets by hand, in the order the selector lists them. */
export const SETTABLE_STATUSES: readonly InteractionStatus[] = ['IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'NEEDS_HELP'];

const isSupervisor = (me: Viewer) => me !== null && me.role !== 'AGENT';

/**
 * The holder of a chat in service, or a supervisor, changes its status, returns, transfers or closes
 * it; a supervisor may also move a chat still waiting. Anyone else who sees a chat asking for help
 * may join it.
 */
export function chatActions(chat: Chat, me: Viewer): ChatActions {
  const acts = replyState(chat, me) === 'open';
  const holds = chat.phase === 'IN_SERVICE' && me !== null && chat.agent?.id === me.id;
  return {
    setStatus: acts,
    join: me !== null && chat.phase === 'IN_SERVICE' && chat.status === 'NEEDS_HELP' && !holds,
    returnToTray: acts,
    transfer: acts || (chat.phase === 'WAITING' && isSupervisor(me)),
    close: acts,
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
 * Notes, tags and expertise: anyone who sees an open chat; on a closed one only supervisors and the
 * agent who served it (everyone may read a closed chat, so not everyone may write on it).
 */
export function mayAnnotate(chat: Pick<InteractionSummaryFragment, 'phase' | 'agent'>, me: Viewer): boolean {
  if (me === null) return false;
  return chat.phase !== 'CLOSED' || isSupervisor(me) || chat.agent?.id === me.id;
}
