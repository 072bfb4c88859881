/** Audio messages last at most ten minutes (the server's MAX_RECORDING_SECONDS refuses longer ones). */
export const MAX_RECORDING_MS = 10 * 60 * 1000;

/** The format asked of MediaRecorder; the server accepts audio/webm and reads its length. */
export const RECORDING_MIME = 'audio/webm;codecs=opus';

/** "mm:ss" for a length in milliseconds, counting whole seconds. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** How long a recording has run, never past the limit (the timer stops there with the recorder). */
export const elapsedMs = (startedAt: number, now: number): number => Math.min(MAX_RECORDING_MS, Math.max(0, now - startedAt));

/** The recording has reached the limit and must stop by itself. */
export const reachedLimit = (startedAt: number, now: number): boolean => now - startedAt >= MAX_RECORDING_MS;

/** The file name a recording is sent under: `audio-<local time>.webm`, safe in any file system. */
export function recordingName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `audio-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}.webm`;
}

/** Whether a file name is one `recordingName` gives. */
export const isRecordingName = (name: string): boolean => /^audio-\d{8}-\d{6}\.webm$/.test(name);
