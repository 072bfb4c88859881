import { isRecordingName } from './recording';

/** How the thread shows an attachment: images inline, audio as a player, anything else as a download. */
export type AttachmentKind = 'image' | 'audio' | 'file';

/**
 * The server types files by their bytes, and every WebM reads as video/webm, even the audio-only
 * ones MediaRecorder makes here; those are known by the name the composer gives them.
 */
export function attachmentKind(attachment: { mime: string; name: string }): AttachmentKind {
  if (attachment.mime.startsWith('image/')) return 'image';
  if (attachment.mime.startsWith('audio/')) return 'audio';
  if (attachment.mime === 'video/webm' && isRecordingName(attachment.name)) return 'audio';
  return 'file';
}
