import { AuthorKind } from '../messages/message.enums.js';
import { Role } from '../users/user.enums.js';
import { InteractionResult, Phase } from './interaction.enums.js';

/** The outcome of a rule: allowed, or the reason a client can act on. */
export type Decision<T = true> = { ok: true; value: T } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT'; reason: string };

const allow = <T>(value: T): Decision<T> => ({ ok: true, value });
const deny = (code: 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT', reason: string): Decision<never> => ({ ok: false, code, reason });

/** The actor of a write, reduced to what the rules need. */
export type Actor =
  | { kind: 'USER'; userId: string; role: Role }
  | { kind: 'BOT' }
  | { kind: 'INTEGRATOR' }
  | { kind: 'VISITOR'; interactionId: string };

export interface InteractionState {
  id: string;
  phase: Phase;
  agentId: string | null;
}

/** A chat starts with a bot when a bot started it or the campaign puts a bot first; otherwise it waits in a tray. */
export function startingPhase(startedByBot: boolean, campaignBotFirst: boolean): Phase.BOT | Phase.WAITING {
  return startedByBot || campaignBotFirst ? Phase.BOT : Phase.WAITING;
}

/** Who may write into a chat, and as which author. */
export function authorFor(actor: Actor, chat: InteractionState, internal: boolean): Decision<AuthorKind> {
  if (chat.phase === Phase.CLOSED) return deny('CONFLICT', 'The interaction is closed');
  switch (actor.kind) {
    case 'VISITOR':
      if (actor.interactionId !== chat.id) return deny('FORBIDDEN', 'Not your interaction');
      return internal ? deny('FORBIDDEN', 'Customers cannot write internal messages') : allow(AuthorKind.CONTACT);
    case 'BOT':
      if (chat.phase !== Phase.BOT) return deny('CONFLICT', 'The bot no longer holds this interaction');
      return internal ? deny('FORBIDDEN', 'Bots cannot write internal messages') : allow(AuthorKind.BOT);
    case 'INTEGRATOR':
      // A bridged channel writes the customer's side of the conversation.
      return internal ? deny('FORBIDDEN', 'Integrators cannot write internal messages') : allow(AuthorKind.CONTACT);
    case 'USER':
      if (actor.role === Role.AGENT) {
        if (chat.phase !== Phase.IN_SERVICE || chat.agentId !== actor.userId) {
          return deny('FORBIDDEN', 'Take the interaction before answering it');
        }
        return allow(AuthorKind.AGENT);
      }
      if (!internal && chat.phase !== Phase.IN_SERVICE) return deny('CONFLICT', 'Nobody is serving this interaction yet');
      return allow(AuthorKind.SUPERVISOR);
  }
}

/** Whether an agent may take a waiting chat, given how many it already holds. */
export function mayTake(chat: InteractionState, activeChats: number, maxConcurrentChats: number): Decision {
  if (chat.phase !== Phase.WAITING) return deny('CONFLICT', 'The interaction is not waiting in a tray');
  if (activeChats >= maxConcurrentChats) return deny('CONFLICT', `You already hold ${activeChats} of your ${maxConcurrentChats} chats`);
  return allow(true);
}

/** Who may close: the agent who holds it, a supervisor, or a bot while it serves. */
export function mayClose(actor: Actor, chat: InteractionState, result: InteractionResult): Decision {
  if (chat.phase === Phase.CLOSED) return deny('CONFLICT', 'The interaction is already closed');
  if (actor.kind === 'VISITOR') return deny('FORBIDDEN', 'Customers cannot close interactions');
  if (actor.kind === 'BOT' || actor.kind === 'INTEGRATOR') {
    return chat.phase === Phase.BOT ? allow(true) : deny('FORBIDDEN', 'A human holds this interaction');
  }
  if (actor.role !== Role.AGENT) return allow(true);
  if (chat.phase !== Phase.IN_SERVICE || chat.agentId !== actor.userId) return deny('FORBIDDEN', 'Only the agent who holds it can close it');
  if (result === InteractionResult.ESCALATED) return deny('BAD_USER_INPUT', 'ESCALATED is set by another operator');
  return allow(true);
}

/** A bot hands a chat it serves to a tray of the same campaign. */
export function mayHandOff(chat: InteractionState, trayCampaignId: string | null, chatCampaignId: string, trayIsQueue: boolean): Decision {
  if (chat.phase !== Phase.BOT) return deny('CONFLICT', 'Only an interaction with a bot can be handed off');
  if (!trayIsQueue) return deny('BAD_USER_INPUT', 'Hand off to a general or custom tray');
  if (trayCampaignId !== null && trayCampaignId !== chatCampaignId) return deny('BAD_USER_INPUT', 'The tray belongs to another campaign');
  return allow(true);
}
