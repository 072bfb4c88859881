// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addLabel, chatOrigin, displayName, labelChoices, removeLabel, showsStatus, suggestLabels } from '../labels';

describe('tags and skills in the info panel', () => {
  it('are added as the server stores them, once', () => {
    expect(addLabel(['vip'], '  Refund ')).toEqual(['vip', 'refund']);
    expect(addLabel(['vip'], 'VIP')).toEqual(['vip']);
    expect(addLabel(['vip'], '   ')).toEqual(['vip']);
  });

  it('are removed one at a time', () => {
    expect(removeLabel(['vip', 'refund'], 'vip')).toEqual(['refund']);
  });

  it('are suggested from the known ones: prefix matches first, chosen ones left out', () => {
    expect(suggestLabels(['billing', 'rebill', 'bug', 'vip'], ['bug'], 'bi')).toEqual(['billing', 'rebill']);
    expect(suggestLabels(['b', 'a'], [], '')).toEqual(['a', 'b']);
  });

  it('offer what is typed first when it would be a new label, so Enter creates it', () => {
    expect(labelChoices(['billing'], [], 'Bil')).toEqual(['bil', 'billing']);
    expect(labelChoices(['billing'], [], 'billing')).toEqual(['billing']);
    expect(labelChoices([], ['vip'], 'vip')).toEqual([]);
  });
});

describe('country and language', () => {
  it('read in the reader’s language, falling back to the code', () => {
    expect(displayName('br', 'region', 'en')).toBe('Brazil');
    expect(displayName('pt', 'language', 'en')).toBe('Portuguese');
    expect(displayName('not a code!', 'region', 'en')).toBe('not a code!');
    expect(displayName(null, 'region', 'en')).toBeNull();
  });
});

describe('where the customer writes from', () => {
  it('is what the chat reported, else what is known of the contact', () => {
    expect(chatOrigin({ country: 'ar', language: null, contact: { country: 'br', language: 'pt' } }, 'en')).toEqual({ country: 'Argentina', language: 'Portuguese' });
    expect(chatOrigin({ country: null, language: null, contact: { country: null, language: null } }, 'en')).toEqual({ country: null, language: null });
  });
});

describe('the status tag', () => {
  it('shows only on a chat someone serves', () => {
    expect(showsStatus({ phase: 'IN_SERVICE' })).toBe(true);
    for (const phase of ['BOT', 'WAITING', 'CLOSED']) expect(showsStatus({ phase })).toBe(false);
  });
});
