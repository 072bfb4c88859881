import { describe, expect, it } from 'vitest';
import { appendPage, contactLabel } from '../contactRules';

describe('the contacts list', () => {
  it('appends a next page, keeping once a contact that moved between the two reads', () => {
    const shown = [
      { id: 'a', v: 1 },
      { id: 'b', v: 1 },
    ];
    const next = [
      { id: 'b', v: 2 },
      { id: 'c', v: 1 },
    ];
    expect(appendPage(shown, next)).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
      { id: 'c', v: 1 },
    ]);
  });

  it('names a contact by its name, else its e-mail, else its phone', () => {
    expect(contactLabel({ name: 'Ana', email: 'a@x.dev', phone: '1' })).toBe('Ana');
    expect(contactLabel({ name: null, email: 'a@x.dev', phone: '1' })).toBe('a@x.dev');
    expect(contactLabel({ name: null, email: null, phone: '+34 600' })).toBe('+34 600');
    expect(contactLabel({ name: null, email: null, phone: null })).toBe('—');
  });
});
