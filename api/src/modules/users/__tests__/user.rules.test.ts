import { describe, expect, it } from 'vitest';
import { checkNewPeople, checkNewPerson, isEmail, normalizeLanguages, normalizeSkills, roleChangeRefusal, validMaxChats, validPassword } from '../user.rules.js';

describe('profile rules', () => {
  it('narrows languages to es, en, pt once each, and refuses others', () => {
    expect(normalizeLanguages(['pt-BR', 'es', 'pt'])).toEqual(['pt', 'es']);
    expect(normalizeLanguages(['fr'])).toBeNull();
  });

  it('stores skills trimmed, lower-case and once', () => {
    expect(normalizeSkills([' Billing', 'billing', '', 'Refunds'])).toEqual(['billing', 'refunds']);
  });

  it('keeps the maximum of chats between 1 and 50, and passwords at 10 characters or more', () => {
    expect([0, 1, 50, 51, 2.5].map(validMaxChats)).toEqual([false, true, true, false, false]);
    expect([validPassword('123456789'), validPassword('1234567890')]).toEqual([false, true]);
  });

  it('tells a plausible e-mail address', () => {
    expect([isEmail('a@b.co'), isEmail('not-an-email'), isEmail('a b@c.d')]).toEqual([true, false, false]);
  });
});

describe('changing a role', () => {
  it('lets an agent without chats, and anyone else, change role', () => {
    expect(roleChangeRefusal('AGENT', 'SUPERVISOR', 0)).toBeNull();
    expect(roleChangeRefusal('SUPERVISOR', 'AGENT', 0)).toBeNull();
    expect(roleChangeRefusal('AGENT', 'AGENT', 3)).toBeNull();
  });

  it('refuses while the agent still holds chats', () => {
    expect(roleChangeRefusal('AGENT', 'ADMIN', 2)).toMatch(/2 chat/);
  });
});

describe('a new person', () => {
  const person = (extra = {}) => ({ email: ' Ana@Example.COM ', name: ' Ana ', password: 'long-enough-1', ...extra });

  it('is stored normalised, with three chats at once unless told', () => {
    expect(checkNewPerson(person({ languages: ['pt-BR'], skills: [' Billing'] }))).toEqual({
      ok: true,
      person: { email: 'ana@example.com', name: 'Ana', languages: ['pt'], skills: ['billing'], maxConcurrentChats: 3 },
    });
  });

  it('names the first field at fault', () => {
    expect(checkNewPerson(person({ email: 'ana' }))).toMatchObject({ ok: false, field: 'email' });
    expect(checkNewPerson(person({ password: 'short' }))).toMatchObject({ ok: false, field: 'password' });
    expect(checkNewPerson(person({ maxConcurrentChats: 0 }))).toMatchObject({ ok: false, field: 'maxConcurrentChats' });
    expect(checkNewPerson(person({ languages: ['fr'] }))).toMatchObject({ ok: false, field: 'languages' });
  });
});

describe('a list of new people', () => {
  const row = (email: string, extra = {}) => ({ email, name: 'Someone', password: 'long-enough-1', ...extra });

  it('names every row at fault at once, an e-mail an earlier row has (in any case) among them', () => {
    const checked = checkNewPeople([row('a@x.co'), row('bad'), row('A@X.CO'), row('c@x.co', { name: ' ' })]);
    expect(checked).toEqual({
      ok: false,
      problems: [
        { row: 1, field: 'email', message: 'Enter a valid e-mail address' },
        { row: 2, field: 'email', message: 'Row 0 has the same e-mail address' },
        { row: 3, field: 'name', message: 'Enter a name' },
      ],
    });
  });

  it('answers the people in the order given when every row is right', () => {
    const checked = checkNewPeople([row('b@x.co'), row('a@x.co')]);
    expect(checked.ok && checked.people.map((p) => p.email)).toEqual(['b@x.co', 'a@x.co']);
  });
});
