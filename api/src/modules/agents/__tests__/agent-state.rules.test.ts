import { describe, expect, it } from 'vitest';
import {
  AgentState,
  canReceiveChats,
  deriveAgentState,
  isInBreak,
  nextStateSince,
  presenceExpired,
  stateChanged,
} from '../agent-state.rules.js';

describe('the agent state', () => {
  // Every combination of the three facts, with 0, 1 and 3 active chats.
  const table: Array<[connected: boolean, paused: boolean, activeChats: number, state: AgentState]> = [
    [false, false, 0, AgentState.DISCONNECTED],
    [false, false, 1, AgentState.DISCONNECTED],
    [false, true, 0, AgentState.DISCONNECTED],
    [false, true, 3, AgentState.DISCONNECTED],
    [true, false, 0, AgentState.FREE],
    [true, false, 1, AgentState.BUSY],
    [true, false, 3, AgentState.BUSY],
    [true, true, 0, AgentState.FREE_IN_BREAK],
    [true, true, 1, AgentState.BUSY_IN_BREAK],
    [true, true, 3, AgentState.BUSY_IN_BREAK],
  ];

  it.each(table)('connected %s, paused %s, %i active chats: %s', (connected, paused, activeChats, state) => {
    expect(deriveAgentState({ connected, paused, activeChats })).toBe(state);
  });

  it('calls a pause a break whether or not chats are open', () => {
    expect(isInBreak(AgentState.FREE_IN_BREAK)).toBe(true);
    expect(isInBreak(AgentState.BUSY_IN_BREAK)).toBe(true);
    expect([AgentState.DISCONNECTED, AgentState.FREE, AgentState.BUSY].map(isInBreak)).toEqual([false, false, false]);
  });
});

describe('state changes', () => {
  const t0 = new Date('2026-05-04T09:00:00Z');
  const t1 = new Date('2026-05-04T09:05:00Z');

  it('is a change only when the state differs, and the first sighting is one', () => {
    expect(stateChanged(AgentState.FREE, AgentState.FREE)).toBe(false);
    expect(stateChanged(AgentState.FREE, AgentState.BUSY)).toBe(true);
    expect(stateChanged(null, AgentState.DISCONNECTED)).toBe(true);
  });

  it('keeps the time of the last change when new facts leave the state as it was', () => {
    const busy = { state: AgentState.BUSY, since: t0 };
    expect(nextStateSince(busy, { connected: true, paused: false, activeChats: 2 }, t1)).toBe(busy);
  });

  it('stamps the new state with now when it changes, or when it is first seen', () => {
    const busy = { state: AgentState.BUSY, since: t0 };
    expect(nextStateSince(busy, { connected: true, paused: true, activeChats: 2 }, t1)).toEqual({ state: AgentState.BUSY_IN_BREAK, since: t1 });
    expect(nextStateSince(null, { connected: true, paused: false, activeChats: 0 }, t1)).toEqual({ state: AgentState.FREE, since: t1 });
  });
});

describe('receiving chats', () => {
  const agent = { connected: true, paused: false, activeChats: 1, maxConcurrentChats: 2 };

  it('receives chats when connected, not paused and below its maximum', () => {
    expect(canReceiveChats(agent)).toBe(true);
  });

  it('receives none at its maximum or beyond', () => {
    expect(canReceiveChats({ ...agent, activeChats: 2 })).toBe(false);
    expect(canReceiveChats({ ...agent, activeChats: 3 })).toBe(false);
    expect(canReceiveChats({ ...agent, activeChats: 0, maxConcurrentChats: 0 })).toBe(false);
  });

  it('receives none while paused or disconnected', () => {
    expect(canReceiveChats({ ...agent, paused: true })).toBe(false);
    expect(canReceiveChats({ ...agent, connected: false })).toBe(false);
    expect(canReceiveChats({ ...agent, connected: false, paused: true })).toBe(false);
  });
});

describe('presence', () => {
  const now = new Date('2026-05-04T09:00:30Z');

  it('lapses without any heartbeat', () => {
    expect(presenceExpired(null, now, 30_000)).toBe(true);
  });

  it('holds up to the grace and lapses one millisecond past it', () => {
    expect(presenceExpired(new Date('2026-05-04T09:00:10Z'), now, 30_000)).toBe(false);
    expect(presenceExpired(new Date('2026-05-04T09:00:00Z'), now, 30_000)).toBe(false);
    expect(presenceExpired(new Date('2026-05-04T08:59:59.999Z'), now, 30_000)).toBe(true);
  });

  it('holds when the heartbeat is stamped slightly ahead of this clock', () => {
    expect(presenceExpired(new Date('2026-05-04T09:00:31Z'), now, 30_000)).toBe(false);
  });
});
