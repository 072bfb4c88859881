import { describe, expect, it } from 'vitest';
import { chatNotice, missedChats, titleWithCount, worthTelling } from '../notices';

const change = (phase: string, agentId: string | null = null, kind = 'UPDATED') => ({
  kind,
  interactionId: 'c1',
  interaction: { id: 'c1', phase, agent: agentId ? { id: agentId } : null },
});

describe('new chat notices', () => {
  it('tells about a chat that starts waiting in a tray the agent sees', () => {
    expect(chatNotice(change('WAITING', null, 'CREATED'), 'me', new Map())).toBe('WAITING');
  });

  it('tells about a chat given to the agent', () => {
    expect(chatNotice(change('IN_SERVICE', 'me'), 'me', new Map())).toBe('ASSIGNED');
  });

  it('stays quiet about a chat another agent holds', () => {
    expect(chatNotice(change('IN_SERVICE', 'someone-else'), 'me', new Map())).toBeNull();
  });

  it('tells about each chat once per reason', () => {
    const told = new Map();
    expect(chatNotice(change('WAITING'), 'me', told)).toBe('WAITING');
    expect(chatNotice(change('WAITING'), 'me', told)).toBeNull();
    expect(chatNotice(change('IN_SERVICE', 'me'), 'me', told)).toBe('ASSIGNED');
    expect(chatNotice(change('IN_SERVICE', 'me'), 'me', told)).toBeNull();
  });

  it('tells about a chat transferred to the agent by name as given to it, and not again when it takes it', () => {
    const told = new Map();
    const personal = { kind: 'UPDATED', interactionId: 'c1', interaction: { id: 'c1', phase: 'WAITING', agent: null, tray: { kind: 'PERSONAL' } } };
    expect(chatNotice(personal, 'me', told)).toBe('ASSIGNED');
    expect(chatNotice(change('IN_SERVICE', 'me'), 'me', told)).toBeNull();
  });

  it('tells about a chat routed to the agent after it was announced waiting (a routed chat never arrives silently)', () => {
    const told = new Map();
    chatNotice(change('WAITING', null, 'CREATED'), 'me', told);
    expect(chatNotice(change('IN_SERVICE', 'me'), 'me', told)).toBe('ASSIGNED');
  });

  it('tells again about a chat that comes back after leaving sight', () => {
    const told = new Map();
    chatNotice(change('WAITING'), 'me', told);
    expect(chatNotice({ kind: 'REMOVED', interactionId: 'c1', interaction: null }, 'me', told)).toBeNull();
    expect(chatNotice(change('WAITING'), 'me', told)).toBe('WAITING');
  });

  it('tells again about a chat returned to a tray after another agent held it', () => {
    const told = new Map();
    chatNotice(change('WAITING'), 'me', told);
    chatNotice(change('IN_SERVICE', 'someone-else'), 'me', told);
    expect(chatNotice(change('WAITING'), 'me', told)).toBe('WAITING');
  });
});

describe('chats missed during a gap', () => {
  const chat = (id: string, phase: string, agentId: string | null = null) => ({ id, phase, agent: agentId ? { id: agentId } : null });

  it('tells about the chats that arrived meanwhile, not the ones already told', () => {
    const told = new Map([['old', 'WAITING' as const]]);
    const missed = missedChats([chat('old', 'WAITING'), chat('new', 'WAITING'), chat('mine', 'IN_SERVICE', 'me'), chat('theirs', 'IN_SERVICE', 'x')], 'me', told);
    expect(missed.map((m) => [m.chat.id, m.reason])).toEqual([
      ['new', 'WAITING'],
      ['mine', 'ASSIGNED'],
    ]);
  });

  it('forgets chats that are gone, so they are told again when they come back', () => {
    const told = new Map([['gone', 'WAITING' as const]]);
    expect(missedChats([], 'me', told)).toEqual([]);
    expect(told.size).toBe(0);
  });
});

describe('the tab title', () => {
  it('carries the count only when something waits', () => {
    expect(titleWithCount('Parley', 0)).toBe('Parley');
    expect(titleWithCount('Parley', 3)).toBe('(3) Parley');
  });
});

describe('which arriving chats are worth a notice', () => {
  const away = { openChatId: null, inboxInView: false, takingIt: false };
  it('not the chat on screen, nor one the agent is taking', () => {
    expect(worthTelling('c1', 'ASSIGNED', { ...away, openChatId: 'c1' })).toBe(false);
    expect(worthTelling('c1', 'ASSIGNED', { ...away, takingIt: true })).toBe(false);
    expect(worthTelling('c1', 'ASSIGNED', { ...away, inboxInView: true })).toBe(true);
  });

  it('a waiting chat only when the inbox that lists it is out of view', () => {
    expect(worthTelling('c1', 'WAITING', away)).toBe(true);
    expect(worthTelling('c1', 'WAITING', { ...away, inboxInView: true })).toBe(false);
  });
});
