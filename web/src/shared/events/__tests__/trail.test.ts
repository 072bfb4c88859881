import { describe, expect, it } from 'vitest';
import { trailLines, type TrailEvent } from '../trail';

const names = new Map([
  ['u-ana', 'Ana'],
  ['u-sup', 'Sara'],
  ['tray-1', 'General'],
]);
const event = (id: number, type: string, actorKind: string, actorId: string | null, data: Record<string, unknown>, second = id): TrailEvent => ({
  id: String(id),
  type,
  actorKind,
  actorId,
  createdAt: new Date(Date.UTC(2026, 0, 1, 10, 0, second)).toISOString(),
  data,
});

describe('a chat’s history', () => {
  it('lists the events oldest first, whatever order they came in', () => {
    const lines = trailLines([event(2, 'TAKEN', 'USER', 'u-ana', { agentId: 'u-ana' }), event(1, 'STARTED', 'CONTACT', 'c-1', {})], names);
    expect(lines.map((l) => l.key)).toEqual(['STARTED', 'TAKEN']);
  });

  it('names who did it: a person by name, else the customer, an integration or the system', () => {
    const lines = trailLines(
      [
        event(1, 'STARTED', 'CONTACT', 'c-1', {}),
        event(2, 'TAKEN', 'USER', 'u-ana', {}),
        event(3, 'NOTE_ADDED', 'USER', 'u-gone', {}),
        event(4, 'TAGS_SET', 'API_KEY', 'k', {}),
        event(5, 'TAKEN', 'SYSTEM', null, {}),
      ],
      names,
    );
    expect(lines.map((l) => l.actor)).toEqual([{ kind: 'customer' }, { kind: 'person', name: 'Ana' }, { kind: 'unknownPerson' }, { kind: 'apiKey' }, { kind: 'system' }]);
  });

  it('says whom a chat was given to and where it was transferred, with the note', () => {
    const [taken, moved] = trailLines([event(1, 'TAKEN', 'SYSTEM', null, { agentId: 'u-ana', trayId: 'tray-1' }), event(2, 'TRANSFERRED', 'USER', 'u-sup', { trayId: 'tray-1', note: 'VIP' })], names);
    expect(taken!.params).toEqual({ agent: 'Ana' });
    expect(moved!.params).toEqual({ to: 'General', note: 'VIP' });
  });

  it('keeps the codes of a status change and of the result for the screen to word', () => {
    const [status, closed] = trailLines([event(1, 'STATUS_CHANGED', 'USER', 'u-ana', { from: 'IN_PROGRESS', to: 'NEEDS_HELP' }), event(2, 'CLOSED', 'USER', 'u-ana', { result: 'SUCCESS' })], names);
    expect(status!.params).toEqual({ from: 'IN_PROGRESS', to: 'NEEDS_HELP' });
    expect(closed!.params).toEqual({ value: 'SUCCESS' });
  });

  it('counts a chat started without a token (the widget’s first step) as started by the customer', () => {
    expect(trailLines([event(1, 'STARTED', 'SYSTEM', null, {})], names)[0]!.actor).toEqual({ kind: 'customer' });
  });

  it('tells a chat returned because its agent was signed out from one handed back', () => {
    const lines = trailLines([event(1, 'RETURNED', 'USER', 'u-sup', { reason: 'LOGGED_OUT' }), event(2, 'RETURNED', 'USER', 'u-ana', {})], names);
    expect(lines.map((l) => l.key)).toEqual(['RETURNED_LOGGED_OUT', 'RETURNED']);
  });

  it('names the participant a sign-out took out of the chat, apart from one who left', () => {
    const lines = trailLines([event(1, 'LEFT', 'USER', 'u-sup', { agentId: 'u-ana', reason: 'LOGGED_OUT' }), event(2, 'LEFT', 'USER', 'u-ana', {})], names);
    expect(lines.map((l) => [l.key, l.params])).toEqual([
      ['LEFT_LOGGED_OUT', { agent: 'Ana' }],
      ['LEFT', {}],
    ]);
  });

  it('reads details an event lacks as none rather than failing', () => {
    const [line] = trailLines([event(1, 'CLOSED', 'SYSTEM', null, {})], names);
    expect(line!.params).toEqual({ value: '' });
  });
});
