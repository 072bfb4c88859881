import { describe, expect, it } from 'vitest';
import { mergeContact, parseContact } from '../contactMemory';

describe('the details a returning visitor finds filled in', () => {
  it('keeps what was given last, and an earlier answer to a field not asked this time', () => {
    const kept = { name: 'Ana', email: 'ana@example.com', phone: '' };
    expect(mergeContact(kept, { name: ' Ana María ', email: null, phone: '+34 600 000 000' })).toEqual({ name: 'Ana María', email: 'ana@example.com', phone: '+34 600 000 000' });
  });

  it('does not forget an answer for a blank one', () => {
    expect(mergeContact({ name: 'Ana', email: '', phone: '' }, { name: '  ' })).toEqual({ name: 'Ana', email: '', phone: '' });
  });

  it('reads back what it wrote and only strings of known fields from anything else', () => {
    const draft = { name: 'Ana', email: 'ana@example.com', phone: '600000000' };
    expect(parseContact(JSON.stringify(draft))).toEqual(draft);
    expect(parseContact('{"name": 1, "email": "a@b.co", "token": "x"}')).toEqual({ name: '', email: 'a@b.co', phone: '' });
    expect(parseContact('not json')).toEqual({ name: '', email: '', phone: '' });
    expect(parseContact(null)).toEqual({ name: '', email: '', phone: '' });
  });
});
