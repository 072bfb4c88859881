import { describe, expect, it } from 'vitest';
import { AgentState, canReceiveChats, deriveAgentState } from '../agent-state.rules.js';

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
