import { describe, expect, it } from 'vitest';
import { attachmentKind } from '../attachmentKind';

describe('how the thread shows an attachment', () => {
  it('shows images as pictures and audio as a player', () => {
    expect(attachmentKind({ mime: 'image/png' })).toBe('image');
    expect(attachmentKind({ mime: 'audio/mpeg' })).toBe('audio');
  });

  it('plays a recording made in the composer, WebM or MP4', () => {
    expect(attachmentKind({ mime: 'audio/webm' })).toBe('audio');
    expect(attachmentKind({ mime: 'audio/mp4' })).toBe('audio');
  });

  it('offers any other file, videos included, as a download', () => {
    expect(attachmentKind({ mime: 'video/webm' })).toBe('file');
    expect(attachmentKind({ mime: 'application/pdf' })).toBe('file');
  });
});
