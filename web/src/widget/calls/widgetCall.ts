import type { CallFieldsFragment, CallKind, Phase } from '../../gql/graphql';

/** The customer's side of a call, one phase at a time, each with only its own data. */
export type WidgetCallState =
  | { kind: 'idle' }
  /** Capturing the microphone or camera, then asking. */
  | { kind: 'asking'; callKind: CallKind }
  | { kind: 'ringing'; call: CallFieldsFragment }
  | { kind: 'active'; call: CallFieldsFragment }
  /** The agent said no, the call ended, or a connection was lost too long: a short note until the customer calls again. */
  | { kind: 'over'; why: 'declined' | 'ended' | 'dropped' | 'agentLost' };

/** Why the customer's call ended, as the widget says it: whose connection was lost, if that ended it. */
export function endedWhy(call: Pick<CallFieldsFragment, 'endReason' | 'endedBy'>): 'ended' | 'dropped' | 'agentLost' {
  if (call.endReason !== 'CONNECTION_LOST') return 'ended';
  return call.endedBy === 'CUSTOMER' ? 'dropped' : 'agentLost';
}

/** The call kinds the customer may ask for now: the campaign's, once an agent holds the chat. */
export function callKindsOffered(campaign: { allowAudio: boolean; allowVideo: boolean } | null, phase: Phase | null): CallKind[] {
  if (!campaign || phase !== 'IN_SERVICE') return [];
  return [...(campaign.allowAudio ? (['AUDIO'] as const) : []), ...(campaign.allowVideo ? (['VIDEO'] as const) : [])];
}

/** Whether a call may be started from this state (one call at a time). */
export const canCall = (state: WidgetCallState): boolean => state.kind === 'idle' || state.kind === 'over';
