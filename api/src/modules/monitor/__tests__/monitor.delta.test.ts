import { describe, expect, it } from 'vitest';
import { AgentState } from '../../agents/agent-state.rules.js';
import { Channel, InteractionStatus, Phase } from '../../interactions/interaction.enums.js';
import { ContactState } from '../../contacts/contact.enums.js';
import { monitorPicture, monitorUpdate, sameValue, type MonitorUpdateView } from '../monitor.delta.js';
import type { MonitorAgentRow, OpenChatRow } from '../monitor.queries.js';
import type { MonitorFilter } from '../monitor.rules.js';
import { type MonitorData, monitorSnapshot } from '../monitor.snapshot.js';

const none: MonitorFilter = { campaignIds: [], agentIds: [], teamIds: [], channels: [], contact: null, protocol: null };
const T0 = new Date('2026-01-01T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const campaign = { id: 'c1', name: 'Sales', timeZone: 'UTC' };

function chat(id: string, phase: Phase, agentId: string | null = null, assignedAt: Date | null = null): OpenChatRow {
  return {
    id,
    protocol: `P-${id}`,
    channel: Channel.WEBCHAT,
    phase,
    status: InteractionStatus.IN_PROGRESS,
    campaignId: campaign.id,
    campaign,
    thresholds: [60, 120, 180],
    agentId,
    createdAt: T0,
    queuedAt: phase === Phase.BOT ? null : T0,
    assignedAt,
    contactName: `Contact ${id}`,
    contactEmail: null,
    contactPhone: null,
    contact: { name: `Contact ${id}`, email: null, phone: null, state: ContactState.AGENT },
  };
}

function agent(userId: string, state = AgentState.FREE, activeChats = 0): MonitorAgentRow {
  return {
    userId,
    name: `Agent ${userId}`,
    state,
    stateChangedAt: T0.toISOString(),
    connected: true,
    paused: state === AgentState.FREE_IN_BREAK,
    pauseReason: null,
    activeChats,
    maxConcurrentChats: 3,
    teamIds: [],
    completedToday: 0,
    onCall: false,
  };
}

const data = (chats: OpenChatRow[], agents: MonitorAgentRow[]): MonitorData => ({ chats, agents, days: [], teams: [] });
const ids = (update: MonitorUpdateView) => ({
  agents: update.agents.map((a) => a.userId),
  chats: update.chats.map((c) => c.id),
  removedChatIds: update.removedChatIds,
  removedAgentIds: update.removedAgentIds,
});

const start = data([chat('w1', Phase.WAITING), chat('w2', Phase.WAITING), chat('s1', Phase.IN_SERVICE, 'a1', T0), chat('b1', Phase.BOT)], [agent('a1', AgentState.BUSY, 1), agent('a2'), agent('a3')]);

describe('monitor updates', () => {
  it('send everything first, every open chat once with its phase and agent, and agents without chats', () => {
    const first = monitorUpdate(null, monitorSnapshot(start, none, at(1)));
    expect(first.full).toBe(true);
    expect(ids(first)).toEqual({ agents: ['a1', 'a2', 'a3'], chats: ['b1', 'w1', 'w2', 's1'], removedChatIds: [], removedAgentIds: [] });
    expect(first.chats.find((c) => c.id === 's1')).toMatchObject({ phase: Phase.IN_SERVICE, agentId: 'a1', band: 'GREEN' });
    expect(first.agents[0]).not.toHaveProperty('chats');
    expect(first.totals).toEqual({ open: 4, bot: 1, waiting: 2, inService: 1 });
  });

  it('then only the chat taken and the agent who took it, and a closed chat by its id', () => {
    const before = monitorSnapshot(start, none, at(1));
    const taken = data(
      [chat('w2', Phase.WAITING), chat('s1', Phase.IN_SERVICE, 'a1', T0), chat('w1', Phase.IN_SERVICE, 'a2', at(2)), chat('b1', Phase.BOT)],
      [agent('a1', AgentState.BUSY, 1), agent('a2', AgentState.BUSY, 1), agent('a3')],
    );
    const update = monitorUpdate(monitorPicture(before), monitorSnapshot(taken, none, at(3)));
    expect(update.full).toBe(false);
    expect(ids(update)).toEqual({ agents: ['a2'], chats: ['w1'], removedChatIds: [], removedAgentIds: [] });
    expect(update.totals).toEqual({ open: 4, bot: 1, waiting: 1, inService: 2 });

    const closed = data([chat('w2', Phase.WAITING), chat('w1', Phase.IN_SERVICE, 'a2', at(2)), chat('b1', Phase.BOT)], [agent('a1'), agent('a2', AgentState.BUSY, 1)]);
    const next = monitorUpdate(monitorPicture(monitorSnapshot(taken, none, at(3))), monitorSnapshot(closed, none, at(4)));
    expect(ids(next)).toEqual({ agents: ['a1'], chats: [], removedChatIds: ['s1'], removedAgentIds: ['a3'] });
  });

  it('send nothing but the totals when nothing changed, and a chat again once the clock moves its band', () => {
    const previous = monitorPicture(monitorSnapshot(start, none, at(1)));
    expect(ids(monitorUpdate(previous, monitorSnapshot(start, none, at(2))))).toEqual({ agents: [], chats: [], removedChatIds: [], removedAgentIds: [] });
    const later = monitorUpdate(previous, monitorSnapshot(start, none, at(61)));
    expect(later.chats.map((c) => [c.id, c.band])).toEqual([['s1', 'YELLOW']]);
    expect(later.agents.map((a) => [a.userId, a.bands])).toEqual([['a1', { green: 0, yellow: 1, red: 0 }]]);
  });

  it('follow the filter: a chat that leaves it is removed', () => {
    const mine: MonitorFilter = { ...none, agentIds: ['a1'] };
    const previous = monitorPicture(monitorSnapshot(start, mine, at(1)));
    expect([...previous.chats.keys()]).toEqual(['s1']);
    const moved = data([chat('s1', Phase.IN_SERVICE, 'a2', at(1))], start.agents);
    expect(monitorUpdate(previous, monitorSnapshot(moved, mine, at(2))).removedChatIds).toEqual(['s1']);
  });
});

describe('sameValue', () => {
  it('compares plain data deeply, dates by instant', () => {
    expect(sameValue({ a: [1, { b: new Date(0) }] }, { a: [1, { b: new Date(0) }] })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [1, 3] })).toBe(false);
    expect(sameValue({ a: null }, { a: undefined })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue(new Date(0), new Date(1))).toBe(false);
  });
});

describe('one diff per burst', () => {
  it('is shared by the subscribers holding the same picture', () => {
    const previous = monitorPicture(monitorSnapshot(start, none, at(1)));
    const next = monitorSnapshot(start, none, at(61));
    expect(monitorUpdate(previous, next)).toBe(monitorUpdate(previous, next));
    expect(monitorUpdate(previous, monitorSnapshot(start, none, at(62)))).not.toBe(monitorUpdate(previous, next));
  });
});
