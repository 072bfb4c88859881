import { ApiScope } from '../auth/viewer.js';
import { AuthorKind } from '../messages/message.enums.js';
import { Role } from '../users/user.enums.js';
import { Channel, InteractionResult, InteractionStatus, Phase } from './interaction.enums.js';

/** The outcome of a rule: allowed, or the reason a client can act on. */
export type Decision<T = true> = { ok: true; value: T } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT'; reason: string };

export const allow = <T>(value: T): Decision<T> => ({ ok: true, value });
export const deny = (code: 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT', reason: string): Decision<never> => ({ ok: false, code, reason });

/**
 * The actor of a write, reduced to what the rules need. A key acts by its scopes and by nothing else:
 * BOT speaks as the bot, CHANNEL as the customer of the chats it bridges, SUPERVISE as a supervisor;
 * READ lets it read and grants no write at all.
 */
export type Actor = { kind: 'USER'; userId: string; role: Role } | { kind: 'KEY'; keyId: string; scopes: readonly ApiScope[] } | { kind: 'VISITOR'; interactionId: string };

export interface InteractionState {
  id: string;
  phase: Phase;
  agentId: string | null;
  /** People who joined besides the holder and have not left. */
  participantIds?: readonly string[];
  channel: Channel;
  /** The API key that started it, if one did. */
  startedByKeyId: string | null;
}

const holds = (actor: Actor, scope: ApiScope): boolean => actor.kind === 'KEY' && actor.scopes.includes(scope);

/** Supervisors and administrators, and SUPERVISE keys: they act on any chat they see, as a supervisor. */
const isSupervisor = (actor: Actor): boolean => (actor.kind === 'USER' && actor.role !== Role.AGENT) || holds(actor, ApiScope.SUPERVISE);

/**
 * A CHANNEL key is the customer's side of an external channel's chats that it started. The webchat's
 * customer is the widget's visitor, so no key ever writes its side.
 */
const bridges = (actor: Actor, chat: InteractionState): boolean => actor.kind === 'KEY' && holds(actor, ApiScope.CHANNEL) && chat.startedByKeyId === actor.keyId && chat.channel !== Channel.WEBCHAT;

/**
 * A chat starts with a bot when its starter chose so (`withBot`, a key's choice for this one chat),
 * else when a bot started it or the campaign puts a bot first; otherwise it waits in a tray.
 */
export function startingPhase(startedByBot: boolean, campaignBotFirst: boolean, withBot: boolean | null = null): Phase.BOT | Phase.WAITING {
  if (withBot !== null) return withBot ? Phase.BOT : Phase.WAITING;
  return startedByBot || campaignBotFirst ? Phase.BOT : Phase.WAITING;
}

/**
 * Which keys start chats, and whether the chat then starts with them as its bot: a BOT key (its bot
 * serves it), a SUPERVISE key (as a supervisor would), a CHANNEL key on an external channel only
 * (the widget starts the webchat's chats). READ and ADMIN alone start nothing.
 */
export function keyMayStart(scopes: readonly ApiScope[], channel: Channel): Decision<{ asBot: boolean }> {
  if (scopes.includes(ApiScope.BOT) || scopes.includes(ApiScope.SUPERVISE)) return allow({ asBot: scopes.includes(ApiScope.BOT) });
  if (!scopes.includes(ApiScope.CHANNEL)) return deny('FORBIDDEN', 'This key may not start interactions');
  if (channel === Channel.WEBCHAT) return deny('BAD_USER_INPUT', 'A CHANNEL key bridges external channels; the widget starts webchat conversations');
  return allow({ asBot: false });
}

/** Who may write into a chat, and as which author. */
export function authorFor(actor: Actor, chat: InteractionState, internal: boolean): Decision<AuthorKind> {
  if (actor.kind === 'KEY') return keyAuthor(actor, chat, internal);
  if (chat.phase === Phase.CLOSED) return deny('CONFLICT', 'The interaction is closed');
  switch (actor.kind) {
    case 'VISITOR':
      if (actor.interactionId !== chat.id) return deny('FORBIDDEN', 'Not your interaction');
      return internal ? deny('FORBIDDEN', 'Customers cannot write internal messages') : allow(AuthorKind.CONTACT);
    case 'USER':
      if (actor.role === Role.AGENT) {
        if (chat.phase !== Phase.IN_SERVICE || (chat.agentId !== actor.userId && !isParticipant(actor, chat))) {
          return deny('FORBIDDEN', 'Take or join the interaction before answering it');
        }
        return allow(AuthorKind.AGENT);
      }
      if (!internal && chat.phase !== Phase.IN_SERVICE) return deny('CONFLICT', 'Nobody is serving this interaction yet');
      return allow(AuthorKind.SUPERVISOR);
  }
}

/**
 * What a key writes as, by its scopes; a key with no scope that writes here is refused before anything
 * about the chat is said. Internal messages are a supervisor's (SUPERVISE). In public: the bridge
 * writes its own chats' customer side whatever their phase, a BOT key speaks while a bot serves the
 * chat, a SUPERVISE key once someone serves it. A key holding several scopes is the customer in the
 * chats it bridges and the bot elsewhere: to be both sides of one chat, an integrator uses two keys.
 */
function keyAuthor(key: Extract<Actor, { kind: 'KEY' }>, chat: InteractionState, internal: boolean): Decision<AuthorKind> {
  const supervise = holds(key, ApiScope.SUPERVISE);
  const bot = holds(key, ApiScope.BOT);
  const bridge = bridges(key, chat);
  if (internal && !supervise) return deny('FORBIDDEN', 'Only a SUPERVISE key writes internal messages');
  if (!internal && !(supervise || bot || bridge)) return deny('FORBIDDEN', 'This key may not write in this interaction');
  if (chat.phase === Phase.CLOSED) return deny('CONFLICT', 'The interaction is closed');
  if (internal) return allow(AuthorKind.SUPERVISOR);
  if (bridge) return allow(AuthorKind.CONTACT);
  if (bot && chat.phase === Phase.BOT) return allow(AuthorKind.BOT);
  if (supervise) return chat.phase === Phase.IN_SERVICE ? allow(AuthorKind.SUPERVISOR) : deny('CONFLICT', 'Nobody is serving this interaction yet');
  return deny('CONFLICT', 'The bot no longer holds this interaction');
}

/** Whether an agent may take a waiting chat, given how many it already holds. */
export function mayTake(chat: InteractionState, activeChats: number, maxConcurrentChats: number): Decision {
  if (chat.phase !== Phase.WAITING) return deny('CONFLICT', 'The interaction is not waiting in a tray');
  if (activeChats >= maxConcurrentChats) return deny('CONFLICT', `You already hold ${activeChats} of your ${maxConcurrentChats} chats`);
  return allow(true);
}

/** Who may close: the agent who holds it, a supervisor (or SUPERVISE key), or a BOT key while a bot serves it. */
export function mayClose(actor: Actor, chat: InteractionState, result: InteractionResult): Decision {
  if (actor.kind === 'VISITOR') return deny('FORBIDDEN', 'Customers cannot close interactions');
  if (actor.kind === 'KEY' && !isSupervisor(actor) && !holds(actor, ApiScope.BOT)) return deny('FORBIDDEN', 'This key may not close interactions');
  if (chat.phase === Phase.CLOSED) return deny('CONFLICT', 'The interaction is already closed');
  // A SUPERVISE key acts on chats in human hands; a chat with a bot is the bot's to end or hand off.
  if (actor.kind === 'KEY' && chat.phase === Phase.BOT && !holds(actor, ApiScope.BOT)) return deny('FORBIDDEN', 'A bot serves this interaction');
  if (isSupervisor(actor)) return allow(true);
  if (actor.kind === 'KEY') return chat.phase === Phase.BOT ? allow(true) : deny('FORBIDDEN', 'A human holds this interaction');
  if (chat.phase !== Phase.IN_SERVICE || chat.agentId !== actor.userId) return deny('FORBIDDEN', 'Only the agent who holds it can close it');
  if (result === InteractionResult.ESCALATED) return deny('BAD_USER_INPUT', 'ESCALATED is set by another operator');
  return allow(true);
}

/**
 * Who hands a chat off: a BOT key (the chat must be its bot's, see mayHandOff), or a supervisor in
 * person. A SUPERVISE key leaves a bot's chats to the bot, as it does when closing (mayClose).
 */
export function mayHandOffAs(actor: Actor): Decision {
  if (holds(actor, ApiScope.BOT)) return allow(true);
  if (actor.kind === 'KEY' && isSupervisor(actor)) return deny('FORBIDDEN', 'A bot serves this interaction');
  return isSupervisor(actor) ? allow(true) : deny('FORBIDDEN', 'Only a bot or a supervisor can hand off');
}

/** A bot hands a chat it serves to a tray of the same campaign. */
export function mayHandOff(chat: InteractionState, trayHoldsCampaign: boolean, trayIsQueue: boolean): Decision {
  if (chat.phase !== Phase.BOT) return deny('CONFLICT', 'Only an interaction with a bot can be handed off');
  if (!trayIsQueue) return deny('BAD_USER_INPUT', 'Hand off to a general or custom tray');
  if (!trayHoldsCampaign) return deny('BAD_USER_INPUT', "The tray cannot hold this campaign's chats");
  return allow(true);
}

const isHolder = (actor: Actor, chat: InteractionState) => actor.kind === 'USER' && chat.phase === Phase.IN_SERVICE && chat.agentId === actor.userId;

/** The agent who holds a chat, or a supervisor, may act on it while it is in service. */
export function mayActOnHeld(actor: Actor, chat: InteractionState): Decision {
  if (actor.kind !== 'USER' && !isSupervisor(actor)) return deny('FORBIDDEN', 'Only the agent who holds it, or a supervisor, can do this');
  if (chat.phase === Phase.CLOSED) return deny('CONFLICT', 'The interaction is closed');
  if (chat.phase !== Phase.IN_SERVICE) return deny('CONFLICT', 'Nobody is serving this interaction');
  return isHolder(actor, chat) || isSupervisor(actor) ? allow(true) : deny('FORBIDDEN', 'Only the agent who holds it, or a supervisor, can do this');
}

/** Bulk actions (closing, transferring up to five) are a supervisor's. */
export function mayActInBulk(actor: Actor): Decision {
  return isSupervisor(actor) ? allow(true) : deny('FORBIDDEN', 'Only supervisors can do this');
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

const isParticipant = (actor: Actor, chat: InteractionState) => actor.kind === 'USER' && (chat.participantIds ?? []).includes(actor.userId);

/**
 * Who may join a chat someone holds, becoming a participant beside the holder: an agent with sight
 * of a chat that asks for help (joining answers the call), a supervisor any time. Keys are no people.
 */
export function mayJoin(actor: Actor, chat: InteractionState & { status: InteractionStatus }): Decision {
  if (actor.kind !== 'USER') return deny('FORBIDDEN', 'Only people join conversations');
  if (chat.phase !== Phase.IN_SERVICE) return deny('CONFLICT', 'Nobody is serving this interaction');
  if (isHolder(actor, chat)) return deny('CONFLICT', 'You already hold this interaction');
  if (isParticipant(actor, chat)) return deny('CONFLICT', 'You already joined this interaction');
  if (actor.role === Role.AGENT && chat.status !== InteractionStatus.NEEDS_HELP) return deny('CONFLICT', 'This interaction is not asking for help');
  return allow(true);
}

/** A participant leaves whenever it likes; the holder cannot leave its own chat (it returns or transfers it). */
export function mayLeave(actor: Actor, chat: InteractionState): Decision {
  if (!isParticipant(actor, chat)) return deny('CONFLICT', 'You are not a participant of this interaction');
  return allow(true);
}

/**
 * Notes, tags and expertise are for staff, on chats they may see: people, and SUPERVISE keys as the
 * supervisors they stand for. A closed chat is everyone's to read, so only supervisors (and the agent
 * who served it) may still annotate it.
 */
export function mayAnnotate(actor: Actor, chat: InteractionState): Decision {
  if (isSupervisor(actor)) return allow(true);
  if (actor.kind !== 'USER') return deny('FORBIDDEN', 'Only staff annotate interactions');
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
