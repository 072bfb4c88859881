import { describe, expect, it } from 'vitest';
import { addToThread, correspondent, inThread } from '../staffThread';

const msg = (id: string, from: string, to: string, createdAt = '2026-01-01T10:00:00.000Z') => ({
  id,
  fromUserId: from,
  fromName: `${from} name`,
  toUserId: to,
  toName: `${to} name`,
  createdAt,
});

describe('internal message threads', () => {
  it('names the other person, whoever wrote', () => {
    expect(correspondent(msg('1', 'sup', 'me'), 'me')).toEqual({ id: 'sup', name: 'sup name' });
    expect(correspondent(msg('2', 'me', 'sup'), 'me')).toEqual({ id: 'sup', name: 'sup name' });
  });

  it('keeps a thread to the two people in it', () => {
    expect(inThread(msg('1', 'sup', 'me'), 'me', 'sup')).toBe(true);
    expect(inThread(msg('2', 'me', 'sup'), 'me', 'sup')).toBe(true);
    expect(inThread(msg('3', 'other', 'me'), 'me', 'sup')).toBe(false);
  });

  it('adds a message once and keeps the thread oldest first', () => {
    const later = msg('b', 'sup', 'me', '2026-01-01T10:05:00.000Z');
    const earlier = msg('a', 'me', 'sup', '2026-01-01T10:01:00.000Z');
    const thread = addToThread(addToThread([later], earlier), later);
    expect(thread.map((m) => m.id)).toEqual(['a', 'b']);
  });
});
