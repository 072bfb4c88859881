import { describe, expect, it } from 'vitest';
import { attachmentKind } from '../attachmentKind';

describe('how the thread shows an attachment', () => {
  it('shows images as pictures and audio as a player', () => {
    expect(attachmentKind({ mime: 'image/png', name: 'shot.png' })).toBe('image');
    expect(attachmentKind({ mime: 'audio/mpeg', name: 'song.mp3' })).toBe('audio');
  });

  it('plays a recording made in the composer, which the server types as video/webm', () => {
    expect(attachmentKind({ mime: 'video/webm', name: 'audio-20261121-090507.webm' })).toBe('audio');
  });

  it('offers any other file, videos included, as a download', () => {
    expect(attachmentKind({ mime: 'video/webm', name: 'clip.webm' })).toBe('file');
    expect(attachmentKind({ mime: 'application/pdf', name: 'invoice.pdf' })).toBe('file');
  });
});
