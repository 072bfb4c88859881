import type { CallKind } from '../../gql/graphql';

/**
 * Who sends the WebRTC offer: the agent, right after its `answerCall(accept: true)` succeeds. Only
 * then are both sides known to be ready: the customer captured its camera or microphone before
 * asking for the call and has listened to `callEvents` for its chat ever since, while the agent
 * captures its own on Accept. Had the customer offered with the request, the offer would reach an
 * agent who has no peer connection yet (signals are passed on, never stored).
 */
export type CallRole = 'offerer' | 'answerer';

/** Where a peer connection stands, as the call screen tells it. */
export type PeerPhase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'ended';

/** The browser's connection state in the call screen's words; "disconnected" often heals by itself. */
export function peerPhase(state: RTCPeerConnectionState): PeerPhase {
  switch (state) {
    case 'connected':
      return 'connected';
    case 'disconnected':
      return 'reconnecting';
    case 'failed':
      return 'failed';
    case 'closed':
      return 'ended';
    default:
      return 'connecting';
  }
}

/** What to capture for a call: a microphone always, a camera for video. */
export function mediaFor(kind: CallKind): MediaStreamConstraints {
  return { audio: true, video: kind === 'VIDEO' };
}


/** A signal's payload as the browser gave it; a malformed one is dropped, never thrown into the call. */
export function parseSignal(payload: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
