/** How the thread shows an attachment: images inline, audio as a player, anything else as a download. */
export type AttachmentKind = 'image' | 'audio' | 'file';

/** The server types files by their bytes (an audio-only WebM or MP4 comes back as audio/*), so the type decides. */
export function attachmentKind(attachment: { mime: string }): AttachmentKind {
  if (attachment.mime.startsWith('image/')) return 'image';
  if (attachment.mime.startsWith('audio/')) return 'audio';
  return 'file';
}
