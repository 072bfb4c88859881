import { describe, expect, it } from 'vitest';
import { RoutingStrategy } from '../../campaigns/campaign.enums.js';
import { eligible, orderQueue, pickAgent, planPass, type RoutingCandidate, type WaitingChat } from '../routing.rules.js';

const now = new Date('2026-05-04T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

const agent = (agentId: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  agentId,
  connected: true,
  paused: false,
  activeChats: 0,
  maxConcurrentChats: 3,
  languages: ['es', 'en'],
  skills: [],
  lastAssignedAt: minutesAgo(10),
  idleSince: minutesAgo(10),
  assignedToday: 0,
  ...over,
});
const chat = (over: Partial<WaitingChat> = {}): WaitingChat => ({ id: 'i1', queuedAt: secondsAgo(5), language: null, requiredSkills: [], ...over });
const opts = { skillsWideningSeconds: 60 };
const pick = (strategy: RoutingStrategy, candidates: RoutingCandidate[], waiting: WaitingChat = chat()) => pickAgent(strategy, waiting, candidates, now, opts);

describe('eligibility', () => {
  it('takes a connected, unpaused agent below its maximum', () => {
    expect(eligible(agent('a', { activeChats: 2 }))).toBe(true);
  });

  it('excludes agents at their maximum, paused or disconnected', () => {
    expect(eligible(agent('a', { activeChats: 3 }))).toBe(false);
    expect(eligible(agent('a', { paused: true }))).toBe(false);
    expect(eligible(agent('a', { connected: false }))).toBe(false);
  });

  it('never routes to an ineligible agent, whatever the strategy', () => {
    const unavailable = [agent('full', { activeChats: 3, lastAssignedAt: null, idleSince: null }), agent('paused', { paused: true }), agent('gone', { connected: false })];
    for (const strategy of Object.values(RoutingStrategy)) expect(pick(strategy, unavailable)).toBeNull();
  });
});

describe('MANUAL', () => {
  it('leaves every chat in the tray for agents to pick', () => {
    expect(pick(RoutingStrategy.MANUAL, [agent('a')])).toBeNull();
  });
});

describe('ROUND_ROBIN', () => {
  it('gives the chat to the agent assigned least recently', () => {
    expect(pick(RoutingStrategy.ROUND_ROBIN, [agent('a', { lastAssignedAt: minutesAgo(1) }), agent('b', { lastAssignedAt: minutesAgo(5), activeChats: 2 })])).toBe('b');
  });

  it('serves an agent never assigned before anyone else', () => {
    expect(pick(RoutingStrategy.ROUND_ROBIN, [agent('a', { lastAssignedAt: minutesAgo(60) }), agent('b', { lastAssignedAt: null })])).toBe('b');
  });

  it('breaks ties by agent id', () => {
    expect(pick(RoutingStrategy.ROUND_ROBIN, [agent('b'), agent('a'), agent('c')])).toBe('a');
  });

  it('skips the least recently assigned agent when it is full', () => {
    expect(pick(RoutingStrategy.ROUND_ROBIN, [agent('a', { lastAssignedAt: null, activeChats: 3 }), agent('b')])).toBe('b');
  });
});

describe('LEAST_BUSY', () => {
  it('gives the chat to the agent with the fewest active chats', () => {
    expect(pick(RoutingStrategy.LEAST_BUSY, [agent('a', { activeChats: 2, lastAssignedAt: null }), agent('b', { activeChats: 1, lastAssignedAt: minutesAgo(1) })])).toBe('b');
  });

  it('breaks ties by the least recent assignment, then by agent id', () => {
    expect(pick(RoutingStrategy.LEAST_BUSY, [agent('a', { activeChats: 1, lastAssignedAt: minutesAgo(1) }), agent('b', { activeChats: 1, lastAssignedAt: minutesAgo(2) })])).toBe('b');
    expect(pick(RoutingStrategy.LEAST_BUSY, [agent('b', { activeChats: 1 }), agent('a', { activeChats: 1 })])).toBe('a');
  });

  it('does not pick an agent at its maximum, however low that maximum is', () => {
    expect(pick(RoutingStrategy.LEAST_BUSY, [agent('a', { activeChats: 1, maxConcurrentChats: 1 }), agent('b', { activeChats: 2 })])).toBe('b');
  });
});

describe('LONGEST_IDLE', () => {
  it('gives the chat to the free agent idle the longest', () => {
    const candidates = [agent('a', { idleSince: minutesAgo(3) }), agent('b', { idleSince: minutesAgo(9) }), agent('c', { idleSince: minutesAgo(6) })];
    expect(pick(RoutingStrategy.LONGEST_IDLE, candidates)).toBe('b');
  });

  it('prefers a free agent to a busy one, however long ago the busy one was idle', () => {
    expect(pick(RoutingStrategy.LONGEST_IDLE, [agent('a', { activeChats: 1, idleSince: minutesAgo(90) }), agent('b', { idleSince: minutesAgo(1) })])).toBe('b');
  });

  it('ignores a free agent who is paused', () => {
    expect(pick(RoutingStrategy.LONGEST_IDLE, [agent('a', { paused: true, idleSince: minutesAgo(90) }), agent('b', { idleSince: minutesAgo(1) })])).toBe('b');
  });

  it('falls back to the least busy when nobody is free', () => {
    const candidates = [agent('a', { activeChats: 2 }), agent('b', { activeChats: 1, lastAssignedAt: minutesAgo(1) }), agent('c', { activeChats: 1, lastAssignedAt: minutesAgo(2) })];
    expect(pick(RoutingStrategy.LONGEST_IDLE, candidates)).toBe('c');
  });

  it('breaks ties by agent id', () => {
    expect(pick(RoutingStrategy.LONGEST_IDLE, [agent('b'), agent('a')])).toBe('a');
  });
});

describe('SKILLS', () => {
  const billing = chat({ language: 'pt-BR', requiredSkills: ['billing'] });

  it('gives the chat to the least busy agent with every skill who speaks its language', () => {
    const candidates = [
      agent('a', { skills: ['billing'], languages: ['es'] }),
      agent('b', { skills: ['sales'], languages: ['pt'] }),
      agent('c', { skills: ['billing', 'sales'], languages: ['pt'], activeChats: 2 }),
      agent('d', { skills: ['billing'], languages: ['PT-pt', 'en'], activeChats: 1 }),
    ];
    expect(pick(RoutingStrategy.SKILLS, candidates, billing)).toBe('d');
  });

  it('matches anyone on language when the chat has none, or one Parley does not speak', () => {
    const candidates = [agent('a', { skills: ['billing'], languages: [] })];
    expect(pick(RoutingStrategy.SKILLS, candidates, chat({ requiredSkills: ['billing'] }))).toBe('a');
    expect(pick(RoutingStrategy.SKILLS, candidates, chat({ language: 'fr', requiredSkills: ['billing'] }))).toBe('a');
  });

  it('leaves the chat waiting when nobody eligible matches', () => {
    const candidates = [agent('a', { languages: ['pt'] }), agent('b', { skills: ['billing'], languages: ['pt'], paused: true })];
    expect(pick(RoutingStrategy.SKILLS, candidates, billing)).toBeNull();
  });

  it('widens to every eligible agent once the chat has waited exactly the widening time', () => {
    const candidates = [agent('a', { languages: ['es'] }), agent('b', { languages: ['en'], activeChats: 3 })];
    expect(pick(RoutingStrategy.SKILLS, candidates, { ...billing, queuedAt: new Date(now.getTime() - 59_999) })).toBeNull();
    expect(pick(RoutingStrategy.SKILLS, candidates, { ...billing, queuedAt: secondsAgo(60) })).toBe('a');
  });

  it('picks the least busy of everyone once widened, matching or not', () => {
    const candidates = [agent('a', { skills: ['billing'], languages: ['pt'], activeChats: 2 }), agent('b', { activeChats: 1 })];
    expect(pick(RoutingStrategy.SKILLS, candidates, { ...billing, queuedAt: secondsAgo(61) })).toBe('b');
  });
});

describe('determinism', () => {
  it('picks the same agent whatever order the candidates come in', () => {
    const candidates = [agent('c', { activeChats: 1 }), agent('a', { activeChats: 1 }), agent('b', { activeChats: 1 }), agent('d', { activeChats: 2 })];
    const reversed = [...candidates].reverse();
    for (const strategy of Object.values(RoutingStrategy)) {
      expect(pick(strategy, reversed)).toBe(pick(strategy, candidates));
    }
    expect(pick(RoutingStrategy.LEAST_BUSY, reversed)).toBe('a');
  });
});

describe('the queue', () => {
  it('serves the oldest chat first, ties by id, without touching the input', () => {
    const chats = [chat({ id: 'c', queuedAt: minutesAgo(1) }), chat({ id: 'b', queuedAt: minutesAgo(5) }), chat({ id: 'a', queuedAt: minutesAgo(1) })];
    expect(orderQueue(chats).map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect(chats.map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('a whole pass at once', () => {
  const queue = [chat({ id: 'c3', queuedAt: secondsAgo(10) }), chat({ id: 'c1', queuedAt: secondsAgo(30) }), chat({ id: 'c2', queuedAt: secondsAgo(20) }), chat({ id: 'c4', queuedAt: secondsAgo(5) })];

  it('serves the oldest first and never plans an agent above its maximum', () => {
    const plan = planPass(RoutingStrategy.LEAST_BUSY, queue, [agent('a', { maxConcurrentChats: 2, activeChats: 1 }), agent('b', { maxConcurrentChats: 1 })], now, opts);
    expect(plan.map((p) => [p.chat.id, p.agentId])).toEqual([
      ['c1', 'b'],
      ['c2', 'a'],
    ]);
  });

  it('counts what the pass already gave: least busy spreads, round robin takes turns', () => {
    const three = [agent('a', { maxConcurrentChats: 5 }), agent('b', { maxConcurrentChats: 5 }), agent('c', { maxConcurrentChats: 5 })];
    expect(planPass(RoutingStrategy.LEAST_BUSY, queue, three, now, opts).map((p) => p.agentId)).toEqual(['a', 'b', 'c', 'a']);
    const rr = [agent('a', { lastAssignedAt: minutesAgo(1) }), agent('b', { lastAssignedAt: minutesAgo(3) }), agent('c', { lastAssignedAt: minutesAgo(2) })];
    expect(planPass(RoutingStrategy.ROUND_ROBIN, queue, rr, now, opts).map((p) => p.agentId)).toEqual(['b', 'c', 'a', 'a']);
  });

  it('gives a chat only to agents who reach its tray, and leaves the candidates as they were', () => {
    const candidates = [agent('a'), agent('b')];
    const plan = planPass(RoutingStrategy.LEAST_BUSY, queue, candidates, now, opts, (c, w) => c.agentId === 'b' || w.id !== 'c1');
    expect(plan[0]).toMatchObject({ chat: { id: 'c1' }, agentId: 'b' });
    expect(candidates.map((c) => c.activeChats)).toEqual([0, 0]);
  });

  it('plans nothing for MANUAL campaigns', () => {
    expect(planPass(RoutingStrategy.MANUAL, queue, [agent('a')], now, opts)).toEqual([]);
  });
});
