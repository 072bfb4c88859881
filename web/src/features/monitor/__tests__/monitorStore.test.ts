import { describe, expect, it } from 'vitest';
import { applyUpdates, keepSame, monitorPicture, type MonitorAgentSummary, type MonitorChatRow, type MonitorUpdate } from '../monitorStore';

const agent = (userId: string, extra: Partial<MonitorAgentSummary> = {}): MonitorAgentSummary => ({
  userId,
  name: `Agent ${userId}`,
  state: 'FREE',
  onCall: false,
  pauseReason: null,
  stateChangedAt: '2026-01-01T10:00:00.000Z',
  channels: [],
  activeChats: 0,
  completedToday: 0,
  maxConcurrentChats: 3,
  alert: false,
  teamIds: [],
  bands: { green: 0, yellow: 0, red: 0 },
  ...extra,
});

const chat = (id: string, phase: MonitorChatRow['phase'], agentId: string | null = null, since = '2026-01-01T10:00:00.000Z'): MonitorChatRow => ({
  id,
  protocol: `P-${id}`,
  phase,
  status: 'OPEN' as MonitorChatRow['status'],
  channel: 'WEBCHAT',
  since,
  waitingSince: phase === 'BOT' ? null : since,
  band: phase === 'IN_SERVICE' ? 'GREEN' : null,
  alert: false,
  agentId,
  campaign: { id: 'c1', name: 'Sales', timeZone: 'UTC' },
  contact: { name: `Contact ${id}`, email: null, phone: null, state: 'AGENT' },
});

const update = (parts: Partial<MonitorUpdate>, generatedAt = '2026-01-01T10:00:00.000Z'): MonitorUpdate => ({
  full: false,
  generatedAt,
  totals: { open: 0, bot: 0, waiting: 0, inService: 0 },
  campaigns: [],
  teams: [],
  agents: [],
  removedAgentIds: [],
  chats: [],
  removedChatIds: [],
  ...parts,
});

const full = () => update({ full: true, agents: [agent('a1'), agent('a2')], chats: [chat('w1', 'WAITING'), chat('s1', 'IN_SERVICE', 'a1'), chat('b1', 'BOT')] });

describe('applying updates', () => {
  it('ignores changes until a full update, which then holds every agent and chat', () => {
    expect(applyUpdates(null, [update({ agents: [agent('a1')] })])).toBeNull();
    const store = applyUpdates(null, [full()])!;
    expect([...store.agents.keys()]).toEqual(['a1', 'a2']);
    expect([...store.chats.keys()]).toEqual(['w1', 's1', 'b1']);
  });

  it('upserts and removes rows in the order the updates came, keeping the objects of rows no update names', () => {
    const store = applyUpdates(null, [full()])!;
    const taken = chat('w1', 'IN_SERVICE', 'a2');
    const next = applyUpdates(store, [
      update({ chats: [chat('w2', 'WAITING')], totals: { open: 4, bot: 1, waiting: 2, inService: 1 } }, '2026-01-01T10:00:01.000Z'),
      update({ chats: [taken], removedChatIds: ['s1'], agents: [agent('a2', { state: 'BUSY' })], removedAgentIds: ['a1'] }, '2026-01-01T10:00:02.000Z'),
    ])!;
    expect([...next.chats.keys()]).toEqual(['w1', 'b1', 'w2']);
    expect(next.chats.get('w1')).toBe(taken);
    expect(next.chats.get('b1')).toBe(store.chats.get('b1'));
    expect([...next.agents.keys()]).toEqual(['a2']);
    expect(next.agents.get('a2')!.state).toBe('BUSY');
    expect(next.generatedAt).toBe('2026-01-01T10:00:02.000Z');
    // The old store is left as it was: the previous picture stays consistent.
    expect(store.chats.has('s1')).toBe(true);
  });

  it('starts again from a full update, whatever came before it in the batch', () => {
    const store = applyUpdates(null, [full()])!;
    const fresh = update({ full: true, agents: [agent('a9')], chats: [chat('x', 'BOT')] });
    const next = applyUpdates(store, [update({ chats: [chat('w3', 'WAITING')] }), fresh, update({ chats: [chat('y', 'WAITING')] })])!;
    expect([...next.agents.keys()]).toEqual(['a9']);
    expect([...next.chats.keys()]).toEqual(['x', 'y']);
  });
});

describe('the picture the tables draw', () => {
  it('sorts chats into phases, longest wait first, and gives each agent its chats in service', () => {
    const store = applyUpdates(null, [
      update({
        full: true,
        agents: [agent('a1'), agent('a2')],
        chats: [chat('w-late', 'WAITING', null, '2026-01-01T10:05:00.000Z'), chat('w-early', 'WAITING', null, '2026-01-01T10:01:00.000Z'), chat('s1', 'IN_SERVICE', 'a1'), chat('b1', 'BOT')],
      }),
    ])!;
    const picture = monitorPicture(store, null);
    expect(picture.waiting.map((c) => c.id)).toEqual(['w-early', 'w-late']);
    expect(picture.bot.map((c) => c.id)).toEqual(['b1']);
    expect(picture.inService.map((c) => c.id)).toEqual(['s1']);
    expect(picture.agents.map((a) => [a.userId, a.chats.map((c) => c.id)])).toEqual([
      ['a1', ['s1']],
      ['a2', []],
    ]);
    expect([...picture.openIds].sort()).toEqual(['b1', 's1', 'w-early', 'w-late']);
  });

  it('keeps the rows and lists nothing changed, so only the changed agent is drawn again', () => {
    const store = applyUpdates(null, [full()])!;
    const first = monitorPicture(store, null);
    const paused = applyUpdates(store, [update({ agents: [agent('a2', { state: 'FREE_IN_BREAK' })] })])!;
    const second = monitorPicture(paused, first);
    expect(second.agents[0]).toBe(first.agents[0]);
    expect(second.agents[1]).not.toBe(first.agents[1]);
    expect(second.agents[1]!.state).toBe('FREE_IN_BREAK');
    expect(second.waiting).toBe(first.waiting);
    expect(second.inService).toBe(first.inService);
    expect(second.openIds).toBe(first.openIds);
  });

  it('draws an agent again when one of its chats changes, though its own row did not', () => {
    const store = applyUpdates(null, [full()])!;
    const first = monitorPicture(store, null);
    const banded = applyUpdates(store, [update({ chats: [{ ...chat('s1', 'IN_SERVICE', 'a1'), band: 'RED' }] })])!;
    const second = monitorPicture(banded, first);
    expect(second.agents[0]).not.toBe(first.agents[0]);
    expect(second.agents[0]!.chats[0]!.band).toBe('RED');
    expect(second.agents[1]).toBe(first.agents[1]);
    expect(second.waiting).toBe(first.waiting);
    expect(second.inService).not.toBe(first.inService);
  });
});

describe('keepSame', () => {
  it('answers the previous list when it holds the very same items, else the new one', () => {
    const [x, y] = [{ n: 1 }, { n: 2 }];
    const previous = [x, y];
    expect(keepSame(previous, [x, y])).toBe(previous);
    const changed = [x, { n: 2 }];
    expect(keepSame(previous, changed)).toBe(changed);
    expect(keepSame(undefined, changed)).toBe(changed);
  });
});
