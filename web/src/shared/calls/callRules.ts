import type { CallKind, CallState } from '../../gql/graphql';

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

/** A screen share carries the picture alone: the agent's microphone and the tab's sound stay private. */
export const SCREEN_MEDIA: DisplayMediaStreamOptions = { video: true, audio: false };

/**
 * What a call carries, which the offerer receives even where it could not capture it. A screen is
 * only sent: the agent who offers it shares its picture and receives nothing from the supervisor.
 */
export function carriedMedia(kind: CallKind): ('audio' | 'video')[] {
  if (kind === 'SCREEN') return ['video'];
  return kind === 'VIDEO' ? ['audio', 'video'] : ['audio'];
}

/** What a supervisor's screen viewer shows. */
export type ScreenWatchState = 'asking' | 'refused' | 'declined' | 'connecting' | 'live' | 'failed' | 'ended';

/**
 * The viewer's state from the call's (null while the request is on its way; `refused` when the API
 * said no) and the peer connection's: the picture is live once the peers connect, and stays on
 * screen while a dropped connection tries to heal.
 */
export function screenWatchState(call: CallState | 'REFUSED' | null, phase: PeerPhase): ScreenWatchState {
  switch (call) {
    case null:
    case 'REQUESTED':
      return 'asking';
    case 'REFUSED':
      return 'refused';
    case 'DECLINED':
      return 'declined';
    case 'ENDED':
      return 'ended';
    default:
      if (phase === 'connected' || phase === 'reconnecting') return 'live';
      if (phase === 'failed') return 'failed';
      return phase === 'ended' ? 'ended' : 'connecting';
  }
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
