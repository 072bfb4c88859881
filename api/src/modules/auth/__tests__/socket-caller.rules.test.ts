import { describe, expect, it } from 'vitest';
import { Role } from '../../users/user.enums.js';
import { ALL, type Scope } from '../scope.rules.js';
import { Refresh, refreshOf } from '../socket-caller.rules.js';
import { ApiScope, type Viewer } from '../viewer.js';

const north: Scope = { kind: 'LIMITED', campaignIds: new Set(['c1']), securityGroupId: 'g' };
const person = (over: Partial<Extract<Viewer, { kind: 'USER' }>> = {}): Viewer => ({
  kind: 'USER',
  userId: 'u',
  role: Role.SUPERVISOR,
  sessionId: 's',
  name: 'Ana',
  customTrayIds: ['t1'],
  scope: ALL,
  ...over,
});
const key = (over: Partial<Extract<Viewer, { kind: 'API_KEY' }>> = {}): Viewer => ({ kind: 'API_KEY', keyId: 'k', name: 'bot', avatarUrl: null, scopes: [ApiScope.BOT], scope: north, ...over });

describe('an open socket whose caller is resolved again', () => {
  it('goes on untouched when nothing about its caller changed', () => {
    expect(refreshOf(person(), person())).toBe(Refresh.KEEP);
    expect(refreshOf(key(), key({ scope: { ...north, campaignIds: new Set(['c1']) } }))).toBe(Refresh.KEEP);
  });

  it('takes its new trays, teams or name in place', () => {
    expect(refreshOf(person(), person({ customTrayIds: [] }))).toBe(Refresh.REPLACE);
    expect(refreshOf(person(), person({ name: 'Ana Maria' }))).toBe(Refresh.REPLACE);
    // A key's display (what it writes carries) is replaced in place, as a person's name is.
    expect(refreshOf(key(), key({ name: 'Acme Assistant' }))).toBe(Refresh.REPLACE);
    expect(refreshOf(key(), key({ avatarUrl: 'https://cdn.example.com/a.png' }))).toBe(Refresh.REPLACE);
  });

  it('reconnects when its role, its scope or its key scopes changed', () => {
    expect(refreshOf(person(), person({ role: Role.AGENT }))).toBe(Refresh.RECONNECT);
    expect(refreshOf(person(), person({ scope: north }))).toBe(Refresh.RECONNECT);
    expect(refreshOf(person({ scope: north }), person({ scope: { ...north, campaignIds: new Set(['c1', 'c2']) } }))).toBe(Refresh.RECONNECT);
    expect(refreshOf(key(), key({ scopes: [ApiScope.BOT, ApiScope.ADMIN] }))).toBe(Refresh.RECONNECT);
  });

  it('is revoked when its session or key is gone', () => {
    expect(refreshOf(person(), null)).toBe(Refresh.REVOKE);
    expect(refreshOf(key(), null)).toBe(Refresh.REVOKE);
  });

  it('leaves visitors and the anonymous alone', () => {
    expect(refreshOf({ kind: 'VISITOR', interactionId: 'i', contactId: 'c' }, null)).toBe(Refresh.KEEP);
    expect(refreshOf({ kind: 'ANONYMOUS' }, null)).toBe(Refresh.KEEP);
  });
});
