import { describe, expect, it } from 'vitest';
import { isEmail, normalizeLanguages, normalizeSkills, roleChangeRefusal, validMaxChats, validPassword } from '../user.rules.js';

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
