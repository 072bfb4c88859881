import { useApolloClient, useMutation } from '@vue/apollo-composable';
import { onScopeDispose, ref, shallowRef } from 'vue';
import { IceServersDocument, SendCallSignalDocument, type CallKind } from '../../gql/graphql';
import type { CallSignalKind } from '../../gql/graphql';
import { carriedMedia, mediaFor, parseSignal, peerPhase, SCREEN_MEDIA, type CallRole, type PeerPhase } from './callRules';

export interface IncomingSignal {
  kind: string;
  payload: string;
}

export interface PeerCallOptions {
  /** The capture stopped from outside the app: the browser's "Stop sharing", an unplugged device. */
  onCaptureEnded?: () => void;
}

/**
 * One side of a WebRTC call, signalled through the API: capture, connect, mute, camera, hang up.
 * Both the agent and the customer use it; `role` says which side offers (see `CallRole`).
 * A screen share is the same call one way: the agent captures its screen and offers, the supervisor
 * captures nothing and only answers.
 * Signals that arrive before `start` are kept and replayed, since the other side may be quicker.
 */
export function usePeerCall(options: PeerCallOptions = {}) {
  const phase = ref<PeerPhase>('idle');
  const local = shallowRef<MediaStream | null>(null);
  const remote = shallowRef<MediaStream | null>(null);
  const muted = ref(false);
  const cameraOff = ref(false);
  /** The capture was refused or no device exists: the call goes on receive-only. */
  const mediaDenied = ref(false);
  /** When the peers first connected (this machine's clock), for the running time. */
  const connectedAt = ref<number | null>(null);

  const { resolveClient } = useApolloClient();
  const { mutate: signal } = useMutation(SendCallSignalDocument, { throws: 'never' });

  let pc: RTCPeerConnection | null = null;
  let callId: string | null = null;
  let early: IncomingSignal[] = [];
  // Candidates can outrun the description they belong to; they wait for it.
  let waitingCandidates: RTCIceCandidateInit[] = [];
  // Signals are applied one at a time: setRemoteDescription must finish before candidates are added.
  let queue: Promise<void> = Promise.resolve();
  // Bumped by every start and stop: a start that finds it moved after an await was overtaken.
  let attempts = 0;

  /**
   * Asks for the microphone (and camera for video), or for a screen through the browser's picker;
   * a refusal is remembered, not thrown.
   */
  async function capture(kind: CallKind): Promise<void> {
    if (local.value) return;
    try {
      const stream = kind === 'SCREEN' ? await navigator.mediaDevices.getDisplayMedia(SCREEN_MEDIA) : await navigator.mediaDevices.getUserMedia(mediaFor(kind));
      // `ended` fires only when the browser stops a track, never on our own stop().
      for (const track of stream.getTracks()) track.addEventListener('ended', () => local.value === stream && options.onCaptureEnded?.());
      local.value = stream;
      mediaDenied.value = false;
    } catch {
      mediaDenied.value = true;
    }
  }

  function send(kind: CallSignalKind, payload: unknown): void {
    if (callId) void signal({ callId, kind, payload: JSON.stringify(payload) });
  }

  async function iceServers(): Promise<RTCIceServer[]> {
    try {
      const { data } = await resolveClient().query({ query: IceServersDocument, fetchPolicy: 'cache-first' });
      return data.iceServers.map((s) => ({ urls: s.urls, username: s.username ?? undefined, credential: s.credential ?? undefined }));
    } catch {
      // Without STUN a call still connects on the same network; failing here would end it for nothing.
      return [];
    }
  }

  /**
   * Opens the peer connection for a call; the offerer sends its offer at once. A second start, or
   * a stop while the ICE servers load, wins over this one: each await is followed by a check that
   * this attempt is still the current one, so no connection is left open that nobody closes.
   */
  async function start(id: string, kind: CallKind, role: CallRole): Promise<void> {
    if (pc || callId) return;
    const attempt = ++attempts;
    callId = id;
    phase.value = 'connecting';
    const servers = await iceServers();
    if (attempt !== attempts) return;
    const connection = new RTCPeerConnection({ iceServers: servers });
    pc = connection;
    connection.onicecandidate = ({ candidate }) => {
      if (candidate) send('ICE_CANDIDATE', candidate.toJSON());
    };
    connection.ontrack = ({ streams, track }) => {
      remote.value = streams[0] ?? new MediaStream([track]);
    };
    connection.onconnectionstatechange = () => {
      if (pc !== connection) return;
      phase.value = peerPhase(connection.connectionState);
      if (phase.value === 'connected' && connectedAt.value === null) connectedAt.value = Date.now();
    };
    const stream = local.value;
    for (const track of stream?.getTracks() ?? []) connection.addTrack(track, stream!);
    if (role === 'offerer') {
      // Receive what the call carries even when this side could not capture it.
      for (const media of carriedMedia(kind)) if (!stream?.getTracks().some((t) => t.kind === media)) connection.addTransceiver(media, { direction: 'recvonly' });
      try {
        await connection.setLocalDescription(await connection.createOffer());
      } catch {
        // A stop meanwhile closed the connection: nothing to report. Otherwise the call cannot start.
        if (pc === connection) phase.value = 'failed';
        return;
      }
      if (pc !== connection) return;
      send('OFFER', connection.localDescription);
    }
    const replay = early;
    early = [];
    replay.forEach(receive);
  }

  async function apply(connection: RTCPeerConnection, incoming: IncomingSignal): Promise<void> {
    const body = parseSignal(incoming.payload);
    if (!body) return;
    if (incoming.kind === 'ICE_CANDIDATE') {
      if (connection.remoteDescription) await connection.addIceCandidate(body as RTCIceCandidateInit);
      else waitingCandidates.push(body as RTCIceCandidateInit);
      return;
    }
    await connection.setRemoteDescription(body as unknown as RTCSessionDescriptionInit);
    if (incoming.kind === 'OFFER') {
      await connection.setLocalDescription(await connection.createAnswer());
      send('ANSWER', connection.localDescription);
    }
    for (const candidate of waitingCandidates) await connection.addIceCandidate(candidate);
    waitingCandidates = [];
  }

  /** Applies an offer, answer or candidate from the other side. */
  function receive(incoming: IncomingSignal): void {
    const connection = pc;
    if (!connection) {
      early.push(incoming);
      return;
    }
    // A bad candidate must not stop the ones after it; the connection state tells if the call suffers.
    queue = queue.then(() => apply(connection, incoming)).catch(() => undefined);
  }

  function toggleMute(): void {
    muted.value = !muted.value;
    local.value?.getAudioTracks().forEach((track) => (track.enabled = !muted.value));
  }

  function toggleCamera(): void {
    cameraOff.value = !cameraOff.value;
    local.value?.getVideoTracks().forEach((track) => (track.enabled = !cameraOff.value));
  }

  /** Closes the connection and frees the devices; safe to call more than once. */
  function stop(): void {
    attempts++;
    pc?.close();
    pc = null;
    callId = null;
    early = [];
    waitingCandidates = [];
    local.value?.getTracks().forEach((track) => track.stop());
    local.value = null;
    remote.value = null;
    muted.value = false;
    cameraOff.value = false;
    connectedAt.value = null;
    if (phase.value !== 'idle') phase.value = 'ended';
  }

  onScopeDispose(stop);

  return { phase, local, remote, muted, cameraOff, mediaDenied, connectedAt, capture, start, receive, toggleMute, toggleCamera, stop };
}

export type PeerCall = ReturnType<typeof usePeerCall>;
