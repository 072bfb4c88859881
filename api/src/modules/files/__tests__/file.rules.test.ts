import { describe, expect, it } from 'vitest';
import { Phase } from '../../interactions/interaction.enums.js';
import { acceptedType, cleanFileName, inlineType, looksLikeText, recordingRefusal, signDownload, soundOnlyType, takesUploads, verifyDownload } from '../file.rules.js';

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

  it('drop control characters from names: C0, DEL and C1', () => {
    expect(cleanFileName('re\u0000port\u0007\u001b[31m.pdf')).toBe('report[31m.pdf');
    expect(cleanFileName('a\u007fb\u0085c\u009b.png')).toBe('abc.png');
    expect(cleanFileName('line\nbreak\r.txt')).toBe('linebreak.txt');
  });

  it('drop the invisible marks that reorder how a name reads', () => {
    // Shown as "invoiceexe.pdf" with the override left in.
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    for (const mark of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(cleanFileName(`photo${mark}.png`)).toBe('photo.png');
    }
    expect(cleanFileName('\u202E')).toBe('file');
    // Letters of right-to-left scripts stay: only the marks go.
    expect(cleanFileName('صورة.png')).toBe('صورة.png');
  });

  it('take uploads for a conversation until it is closed', () => {
    expect([Phase.BOT, Phase.WAITING, Phase.IN_SERVICE].every(takesUploads)).toBe(true);
    expect(takesUploads(Phase.CLOSED)).toBe(false);
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
