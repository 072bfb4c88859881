import { describe, expect, it } from 'vitest';
import { filterCanned, moveActive, slashQueryAt } from '../cannedRules';

describe('typing a slash', () => {
  it('opens the list at the start of the draft', () => {
    expect(slashQueryAt('/gre', 4)).toEqual({ start: 0, query: 'gre' });
  });

  it('opens the list after a space or a line break', () => {
    expect(slashQueryAt('Hi /th', 6)).toEqual({ start: 3, query: 'th' });
    expect(slashQueryAt('Hi\n/', 4)).toEqual({ start: 3, query: '' });
  });

  it('does not open it inside a word or a link', () => {
    expect(slashQueryAt('and/or', 6)).toBeNull();
    expect(slashQueryAt('https://x.io/a', 14)).toBeNull();
  });

  it('closes it once a space follows the query', () => {
    expect(slashQueryAt('/thanks ', 8)).toBeNull();
  });

  it('reads only up to the cursor', () => {
    expect(slashQueryAt('/thanks a lot', 4)).toEqual({ start: 0, query: 'tha' });
  });
});

describe('filtering canned responses', () => {
  const responses = [
    { shortcut: 'thanks', body: 'Thank you for waiting.' },
    { shortcut: 'hello', body: 'Hello! How can I help?' },
    { shortcut: 'bye', body: 'Thanks for contacting us.' },
    { shortcut: 'gracias', body: 'Muchas gracias por esperar.' },
  ];
  const shortcuts = (query: string) => filterCanned(responses, query).map((r) => r.shortcut);

  it('lists them all by shortcut when nothing is typed', () => {
    expect(shortcuts('')).toEqual(['bye', 'gracias', 'hello', 'thanks']);
  });

  it('puts shortcuts that start with the query before texts that contain it', () => {
    expect(shortcuts('than')).toEqual(['thanks', 'bye']);
  });

  it('ignores case and accents', () => {
    expect(shortcuts('GRACÍAS')).toEqual(['gracias']);
  });

  it('finds nothing when nothing matches', () => {
    expect(shortcuts('zzz')).toEqual([]);
  });
});

describe('moving through the options', () => {
  it('wraps around at both ends', () => {
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(0);
  });
});

describe("the chat's language", () => {
  const responses = [
    { shortcut: 'bye', body: 'Goodbye', language: 'en' },
    { shortcut: 'chau', body: 'Adiós', language: 'es' },
    { shortcut: 'hola', body: 'Hola', language: 'es' },
    { shortcut: 'sig', body: '— Acme', language: null },
  ];

  it('comes first, then responses for every language, then the rest', () => {
    expect(filterCanned(responses, '', 'es-ES').map((r) => r.shortcut)).toEqual(['chau', 'hola', 'sig', 'bye']);
    expect(filterCanned(responses, '', 'en').map((r) => r.shortcut)).toEqual(['bye', 'sig', 'chau', 'hola']);
  });

  it('orders matches within the same rank', () => {
    expect(filterCanned(responses, 'o', 'es').map((r) => r.shortcut)).toEqual(['hola', 'chau', 'bye']);
  });
});
