/** Audio messages last at most ten minutes (the server's MAX_RECORDING_SECONDS refuses longer ones). */
export const MAX_RECORDING_MS = 10 * 60 * 1000;

/** The format asked of MediaRecorder; the server accepts audio/webm and reads its length. */
export const RECORDING_MIME = 'audio/webm;codecs=opus';

/** How long a recording has run, never past the limit (the timer stops there with the recorder). */
export const elapsedMs = (startedAt: number, now: number): number => Math.min(MAX_RECORDING_MS, Math.max(0, now - startedAt));

/** The recording has reached the limit and must stop by itself. */
export const reachedLimit = (startedAt: number, now: number): boolean => now - startedAt >= MAX_RECORDING_MS;

/**
 * The file extension for what the recorder made: a browser without WebM recording (Safari) falls
 * back to MP4, and the name should say so.
 */
export function recordingExtension(mimeType: string): string {
  const type = mimeType.split(';')[0]!.trim().toLowerCase();
  if (type.endsWith('/mp4')) return 'm4a';
  if (type.endsWith('/ogg')) return 'ogg';
  return 'webm';
}

/** The file name a recording is sent under: `audio-<local time>.<extension>`, safe in any file system. */
export function recordingName(at: Date, mimeType: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `audio-${stamp}.${recordingExtension(mimeType)}`;
}
