import { AuthorKind } from '../messages/message.enums.js';
import { Role } from '../users/user.enums.js';
import { InteractionResult, InteractionStatus, Phase } from './interaction.enums.js';

/** The outcome of a rule: allowed, or the reason a client can act on. */
export type Decision<T = true> = { ok: true; value: T } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT'; reason: string };

export const allow = <T>(value: T): Decision<T> => ({ ok: true, value });
export const deny = (code: 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT', reason: string): Decision<never> => ({ ok: false, code, reason });

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

const isSupervisor = (actor: Actor) => actor.kind === 'USER' && actor.role !== Role.AGENT;
const isHolder = (actor: Actor, chat: InteractionState) => actor.kind === 'USER' && chat.phase === Phase.IN_SERVICE && chat.agentId === actor.userId;

/** The agent who holds a chat, or a supervisor, may act on it while it is in service. */
export function mayActOnHeld(actor: Actor, chat: InteractionState): Decision {
  if (chat.phase === Phase.CLOSED) return deny('CONFLICT', 'The interaction is closed');
  if (chat.phase !== Phase.IN_SERVICE) return deny('CONFLICT', 'Nobody is serving this interaction');
  return isHolder(actor, chat) || isSupervisor(actor) ? allow(true) : deny('FORBIDDEN', 'Only the agent who holds it, or a supervisor, can do this');
}

/** A held chat goes back to its tray; a supervisor may also move a waiting one. */
export function mayTransfer(actor: Actor, chat: InteractionState): Decision {
  if (chat.phase === Phase.WAITING && isSupervisor(actor)) return allow(true);
  return mayActOnHeld(actor, chat);
}

/** Where a transfer may go: exactly one of a tray, an agent or a team. */
export function transferTarget(to: { trayId?: string | null; agentId?: string | null; teamId?: string | null }): Decision<'TRAY' | 'AGENT' | 'TEAM'> {
  const given = (['trayId', 'agentId', 'teamId'] as const).filter((k) => !!to[k]);
  if (given.length !== 1) return deny('BAD_USER_INPUT', 'Transfer to exactly one of a tray, an agent or a team');
  return allow(given[0] === 'trayId' ? 'TRAY' : given[0] === 'agentId' ? 'AGENT' : 'TEAM');
}

/** Anyone with sight of a chat that asks for help may join it; joining answers the call. */
export function mayJoin(actor: Actor, chat: InteractionState & { status: InteractionStatus }): Decision {
  if (actor.kind !== 'USER') return deny('FORBIDDEN', 'Only people join conversations');
  if (chat.phase !== Phase.IN_SERVICE || chat.status !== InteractionStatus.NEEDS_HELP) return deny('CONFLICT', 'This interaction is not asking for help');
  if (isHolder(actor, chat)) return deny('CONFLICT', 'You already hold this interaction');
  return allow(true);
}

/**
 * Notes, tags and expertise are for people, on chats they may see. A closed chat is everyone's to
 * read, so only supervisors (and the agent who served it) may still annotate it.
 */
export function mayAnnotate(actor: Actor, chat: InteractionState): Decision {
  if (actor.kind !== 'USER') return deny('FORBIDDEN', 'Only people annotate interactions');
  if (chat.phase === Phase.CLOSED && actor.role === Role.AGENT && chat.agentId !== actor.userId) {
    return deny('FORBIDDEN', 'Only supervisors and the agent who served it annotate a closed interaction');
  }
  return allow(true);
}

export const BULK_LIMIT = 5;

/** Bulk actions take one to five distinct interactions; anything else changes nothing. */
export function bulkIds(ids: readonly string[]): Decision<string[]> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return deny('BAD_USER_INPUT', 'Select at least one interaction');
  if (distinct.length !== ids.length) return deny('BAD_USER_INPUT', 'An interaction is selected twice');
  if (distinct.length > BULK_LIMIT) return deny('BAD_USER_INPUT', `Select at most ${BULK_LIMIT} interactions at once`);
  return allow(distinct);
}

/** A chat handed on between operators that then ends well ends ESCALATED: it was derived to another operator. */
export function closingResult(requested: InteractionResult, transferCount: number): InteractionResult {
  return requested === InteractionResult.SUCCESS && transferCount > 0 ? InteractionResult.ESCALATED : requested;
}

export const MAX_LABEL_LENGTH = 50;

/** A tag's or skill's stored form: trimmed and lower-case, so "VIP " and "vip" are one label. */
export const labelName = (value: string): string => value.trim().toLowerCase();

/** Cleans a list of tags or skills: trimmed, lower-case, unique, bounded. */
export function cleanLabels(values: readonly string[], field: string): Decision<string[]> {
  const cleaned = [...new Set(values.map(labelName).filter(Boolean))];
  if (cleaned.length > 30) return deny('BAD_USER_INPUT', `At most 30 ${field}`);
  if (cleaned.some((v) => v.length > MAX_LABEL_LENGTH)) return deny('BAD_USER_INPUT', `Each of the ${field} holds at most ${MAX_LABEL_LENGTH} characters`);
  return allow(cleaned);
}
