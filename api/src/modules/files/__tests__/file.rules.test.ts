import { describe, expect, it } from 'vitest';
import { acceptedType, cleanFileName, inlineType, looksLikeText, recordingRefusal, signDownload, soundOnlyType, verifyDownload } from '../file.rules.js';

describe('file rules', () => {
  it('accept images, PDFs, recordings and text, never SVG or HTML', () => {
    expect(['image/png', 'application/pdf', 'audio/ogg', 'text/plain'].every(acceptedType)).toBe(true);
    expect(['image/svg+xml', 'text/html', 'application/x-msdownload'].some(acceptedType)).toBe(false);
  });

  it('call content text only when it is UTF-8 without NUL bytes', () => {
    expect(looksLikeText(new TextEncoder().encode('olá, <b>mundo</b>'))).toBe(true);
    expect(looksLikeText(new Uint8Array([0x4d, 0x5a, 0x00, 0x01]))).toBe(false);
    expect(looksLikeText(new Uint8Array([0xff, 0xfe, 0xfd]))).toBe(false);
  });

  it('refuse recordings over ten minutes or of unknown length', () => {
    expect(recordingRefusal(599.9)).toBeNull();
    expect(recordingRefusal(600)).toBeNull();
    expect(recordingRefusal(600.5)).toMatch(/10 minutes/);
    expect(recordingRefusal(undefined)).toMatch(/Could not read/);
  });

  it('call a WebM or MP4 that holds only sound audio, as browsers record audio messages', () => {
    expect(soundOnlyType('video/webm', false)).toBe('audio/webm');
    expect(soundOnlyType('video/mp4', false)).toBe('audio/mp4');
    expect(soundOnlyType('video/webm', true)).toBe('video/webm');
    expect(soundOnlyType('video/webm', undefined)).toBe('video/webm');
    expect(soundOnlyType('audio/ogg', false)).toBe('audio/ogg');
  });

  it('keep names to a plain file name', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\a\\photo.png')).toBe('photo.png');
    expect(cleanFileName('\u0000')).toBe('file');
  });

  it('show only types that cannot run script inline', () => {
    expect(inlineType('image/png')).toBe(true);
    expect(inlineType('text/plain')).toBe(false);
  });

  it('sign download links for one file until a time', () => {
    const sig = signDownload('s3cret', 'f1', 2000);
    expect(verifyDownload('s3cret', 'f1', 2000, sig, 1999)).toBe(true);
    expect(verifyDownload('s3cret', 'f1', 2000, sig, 2001)).toBe(false);
    expect(verifyDownload('s3cret', 'f2', 2000, sig, 1000)).toBe(false);
    expect(verifyDownload('other', 'f1', 2000, sig, 1000)).toBe(false);
  });
});
