import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import { elapsedMs, reachedLimit, RECORDING_MIME, recordingName } from './recording';

/** Why no recording could start: the person (or the browser) refused the microphone, or there is none. */
export type RecorderFailure = 'denied' | 'unavailable';

export type RecorderState = { phase: 'idle' } | { phase: 'starting' } | { phase: 'recording'; startedAt: number } | { phase: 'failed'; reason: RecorderFailure };

const TICK_MS = 250;

/** Recording needs both; an old browser or a page without a secure context has neither. */
export const canRecord = (): boolean => typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

/**
 * Records an audio message from the microphone. `onRecorded` gets the finished file when the
 * person stops or the ten-minute limit does; a cancelled recording is dropped.
 */
export function useRecorder(onRecorded: (file: File) => void) {
  const state = shallowRef<RecorderState>({ phase: 'idle' });
  const now = ref(Date.now());
  /** The recording under way; `keep` is false once cancelled, so its data is dropped when it stops. */
  let current: { recorder: MediaRecorder; keep: boolean } | null = null;
  let timer: number | undefined;

  function end(keep: boolean): void {
    window.clearInterval(timer);
    if (current) {
      current.keep = keep;
      if (current.recorder.state !== 'inactive') current.recorder.stop();
      current.recorder.stream.getTracks().forEach((track) => track.stop());
      current = null;
    }
    state.value = { phase: 'idle' };
  }

  async function start(): Promise<void> {
    if (state.value.phase === 'starting' || state.value.phase === 'recording') return;
    state.value = { phase: 'starting' };
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      const denied = error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
      state.value = { phase: 'failed', reason: denied ? 'denied' : 'unavailable' };
      return;
    }
    // Cancelled (or the composer left) while the browser was asking for the microphone.
    if (state.value.phase !== 'starting') {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    const mimeType = MediaRecorder.isTypeSupported(RECORDING_MIME) ? RECORDING_MIME : undefined;
    const session = { recorder: new MediaRecorder(stream, mimeType ? { mimeType } : undefined), keep: true };
    const chunks: Blob[] = [];
    session.recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
    // The last data arrives just before 'stop', after stop() has returned: deliver only then.
    session.recorder.addEventListener('stop', () => {
      if (!session.keep || chunks.length === 0) return;
      const type = session.recorder.mimeType || chunks[0]!.type || 'audio/webm';
      onRecorded(new File(chunks, recordingName(new Date(), type), { type }));
    });
    current = session;
    session.recorder.start();
    const startedAt = Date.now();
    now.value = startedAt;
    state.value = { phase: 'recording', startedAt };
    timer = window.setInterval(() => {
      now.value = Date.now();
      if (reachedLimit(startedAt, now.value)) stop();
    }, TICK_MS);
  }

  /** Ends the recording and hands the file over. */
  const stop = (): void => end(true);

  /** Ends the recording (or the wait for the microphone) and throws it away. */
  const cancel = (): void => end(false);

  onScopeDispose(cancel);

  return {
    state,
    /** Milliseconds recorded so far (0 when not recording). */
    elapsed: computed(() => (state.value.phase === 'recording' ? elapsedMs(state.value.startedAt, now.value) : 0)),
    start,
    stop,
    cancel,
  };
}
