import { describe, expect, it } from 'vitest';
import { AVATAR_URL_MAX, DISPLAY_NAME_MAX, keyDisplay } from '../api-key.rules.js';

describe('what customers and agents see of a key', () => {
  it('leaves out what was left out, trims, and clears what is blank', () => {
    expect(keyDisplay({})).toEqual({ ok: true, display: {} });
    expect(keyDisplay({ displayName: '  Acme Helper ' })).toEqual({ ok: true, display: { displayName: 'Acme Helper' } });
    expect(keyDisplay({ displayName: '   ', avatarUrl: null })).toEqual({ ok: true, display: { displayName: null, avatarUrl: null } });
    expect(keyDisplay({ avatarUrl: ' https://cdn.example.com/a.png ' })).toEqual({ ok: true, display: { avatarUrl: 'https://cdn.example.com/a.png' } });
  });

  it('takes a short name and an https image address only', () => {
    expect(keyDisplay({ displayName: 'x'.repeat(DISPLAY_NAME_MAX) }).ok).toBe(true);
    expect(keyDisplay({ displayName: 'x'.repeat(DISPLAY_NAME_MAX + 1) })).toMatchObject({ ok: false, field: 'displayName' });
    for (const avatarUrl of [
      'http://cdn.example.com/a.png',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      '//cdn.example.com/a.png',
      'https://',
      'https://u:p@cdn.example.com/a.png',
      `https://cdn.example.com/${'a'.repeat(AVATAR_URL_MAX)}`,
    ]) {
      expect(keyDisplay({ avatarUrl }), avatarUrl).toMatchObject({ ok: false, field: 'avatarUrl' });
    }
  });
});
