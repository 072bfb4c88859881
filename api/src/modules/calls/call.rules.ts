import { Phase } from '../interactions/interaction.enums.js';
import { allow, type Decision, deny } from '../interactions/interaction.rules.js';

export enum CallKind {
  AUDIO = 'AUDIO',
  VIDEO = 'VIDEO',
  /** A supervisor watching an agent's screen. */
  SCREEN = 'SCREEN',
}

export enum CallState {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  ENDED = 'ENDED',
}

/** What one party's browser tells the other's (WebRTC). */
export enum CallSignalKind {
  OFFER = 'OFFER',
  ANSWER = 'ANSWER',
  ICE_CANDIDATE = 'ICE_CANDIDATE',
}

export enum CallEventType {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  ENDED = 'ENDED',
  SIGNAL = 'SIGNAL',
}

/** Who a call event comes from. */
export enum CallParty {
  CUSTOMER = 'CUSTOMER',
  AGENT = 'AGENT',
  SUPERVISOR = 'SUPERVISOR',
}

export enum CallAction {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  END = 'END',
}

/** A customer may ask for a call the campaign allows, while an agent serves the chat. */
export function mayRequestCall(campaign: { allowAudio: boolean; allowVideo: boolean }, kind: CallKind, phase: Phase): Decision {
  if (kind === CallKind.AUDIO && !campaign.allowAudio) return deny('FORBIDDEN', 'This campaign takes no audio calls');
  if (kind === CallKind.VIDEO && !campaign.allowVideo) return deny('FORBIDDEN', 'This campaign takes no video calls');
  if (phase !== Phase.IN_SERVICE) return deny('CONFLICT', 'A call can be asked for once an agent serves the chat');
  return allow(true);
}

/** Calls are between a widget's customer and people: no API key takes part in one, whatever its scopes. */
export function mayTakePart(caller: 'ANONYMOUS' | 'USER' | 'API_KEY' | 'VISITOR'): Decision {
  return caller === 'API_KEY' ? deny('FORBIDDEN', 'API keys take no part in calls') : allow(true);
}

/** A supervisor may watch only the screen of an agent who allows it. */
export function mayMonitorScreen(target: { role: string; mayMonitorScreen: boolean } | null): Decision {
  if (!target || target.role !== 'AGENT') return deny('BAD_USER_INPUT', 'Only an agent’s screen can be watched');
  return target.mayMonitorScreen ? allow(true) : deny('FORBIDDEN', 'This agent does not allow screen monitoring');
}

/** Where a call goes on an action: ringing is accepted or declined by the agent, and either side ends it. */
export function nextCallState(state: CallState, action: CallAction): Decision<CallState> {
  if (state === CallState.REQUESTED) {
    if (action === CallAction.ACCEPT) return allow(CallState.ACCEPTED);
    if (action === CallAction.DECLINE) return allow(CallState.DECLINED);
    return allow(CallState.ENDED);
  }
  if (state === CallState.ACCEPTED && action === CallAction.END) return allow(CallState.ENDED);
  return deny('CONFLICT', state === CallState.ACCEPTED ? 'The call is already going on' : 'The call is over');
}

/** Signals (offer, answer, candidates) travel while the call rings or goes on. */
export function maySignal(state: CallState): Decision {
  return state === CallState.REQUESTED || state === CallState.ACCEPTED ? allow(true) : deny('CONFLICT', 'The call is over');
}

/** How long a call went on, in whole seconds; a call never accepted lasted 0. */
export function callSeconds(startedAt: Date | null, endedAt: Date): number {
  return startedAt ? Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000)) : 0;
}

/** Who listens to call events: the customer of a chat, or a person (an agent or a supervisor). */
export type CallListener = { kind: 'CUSTOMER'; interactionId: string } | { kind: 'USER'; userId: string };

/** Nobody hears their own signals: only the other party needs an offer, answer or candidate. */
export function isOwnSignal(listener: CallListener, event: { type: string; from: string | null; call: { agentId: string; supervisorId: string | null } }): boolean {
  if (event.type !== 'SIGNAL') return false;
  if (listener.kind === 'CUSTOMER') return event.from === 'CUSTOMER';
  return (event.from === 'AGENT' && event.call.agentId === listener.userId) || (event.from === 'SUPERVISOR' && event.call.supervisorId === listener.userId);
}

/** Why a call ended. */
export enum CallEndReason {
  /** A party hung up, or the customer gave up while it rang. */
  HUNG_UP = 'HUNG_UP',
  DECLINED = 'DECLINED',
  /** A party's connection stayed away longer than the grace period (`endedBy` says whose). */
  CONNECTION_LOST = 'CONNECTION_LOST',
  /** The chat was closed, returned or transferred. */
  CHAT_LEFT = 'CHAT_LEFT',
}

/** Why a call ends on a party's action. */
export const endReasonOf = (action: CallAction): CallEndReason | null => (action === CallAction.DECLINE ? CallEndReason.DECLINED : action === CallAction.END ? CallEndReason.HUNG_UP : null);

/** One side of a call and the key its event stream is known by (the same as its channel id). */
export interface CallSide {
  party: CallParty;
  key: string;
}

/** The two sides of a call: the customer of the chat or the watching supervisor, and the agent. */
export function sidesOf(call: { interactionId: string | null; agentId: string; supervisorId: string | null }): CallSide[] {
  const other = call.supervisorId !== null ? { party: CallParty.SUPERVISOR, key: `user:${call.supervisorId}` } : { party: CallParty.CUSTOMER, key: `interaction:${call.interactionId}` };
  return [other, { party: CallParty.AGENT, key: `user:${call.agentId}` }];
}

/** The key a listener's stream is known by. */
export const listenerKey = (listener: CallListener): string => (listener.kind === 'CUSTOMER' ? `interaction:${listener.interactionId}` : `user:${listener.userId}`);

/**
 * The side whose connection has been away longer than the grace period, if any. A side is away
 * since its last stream was last seen, or since the call began when it never followed it (a party
 * may ask or answer over HTTP before its socket is back); the customer is named first.
 */
export function lostSide(awayMs: (number | null)[], callAgeMs: number, graceMs: number): number | null {
  const index = awayMs.findIndex((away) => Math.min(away ?? Infinity, callAgeMs) > graceMs);
  return index === -1 ? null : index;
}

/** A resume point of `callEvents`: the decimal `cursor` of an event. */
export function parseCursor(cursor: string): Decision<string> {
  return /^\d{1,18}$/.test(cursor) ? allow(cursor) : deny('BAD_USER_INPUT', 'after is the cursor of a call event');
}
