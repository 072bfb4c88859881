// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chatActions, closeResults, mayAnnotate, storedResult } from '../actions';

const agentA = { id: 'a', role: 'AGENT' };
const supervisor = { id: 's', role: 'SUPERVISOR' };
const held = (agentId: string, status: 'IN_PROGRESS' | 'NEEDS_HELP' = 'IN_PROGRESS', participants: { id: string; name: string }[] = []) => ({
  phase: 'IN_SERVICE' as const,
  status,
  agent: { id: agentId, name: 'x' },
  participants,
});

describe('the actions a chat header offers', () => {
  it('the holder may set the status, return, transfer and close, but not join its own chat', () => {
    expect(chatActions(held('a', 'NEEDS_HELP'), agentA)).toEqual({ setStatus: true, join: false, leave: false, returnToTray: true, transfer: true, close: true });
  });

  it('another agent may only join, and only when the chat asks for help', () => {
    expect(chatActions(held('b', 'NEEDS_HELP'), agentA)).toEqual({ setStatus: false, join: true, leave: false, returnToTray: false, transfer: false, close: false });
    expect(chatActions(held('b'), agentA).join).toBe(false);
  });

  it('whoever joined may leave, not join again, and does not own the chat', () => {
    expect(chatActions(held('b', 'IN_PROGRESS', [{ id: 'a', name: 'A' }]), agentA)).toEqual({ setStatus: false, join: false, leave: true, returnToTray: false, transfer: false, close: false });
  });

  it('a supervisor may join any chat in service', () => {
    expect(chatActions(held('b'), supervisor).join).toBe(true);
  });

  it('a supervisor may act on any chat in service and also move a waiting one', () => {
    expect(chatActions(held('b'), supervisor)).toMatchObject({ setStatus: true, transfer: true, close: true });
    expect(chatActions({ phase: 'WAITING', status: 'IN_PROGRESS', agent: null, participants: [] }, supervisor)).toMatchObject({ transfer: true, returnToTray: false });
  });

  it('a supervisor may close a chat still with the bot or waiting, but not change its status or return it', () => {
    for (const phase of ['BOT', 'WAITING'] as const) {
      expect(chatActions({ phase, status: 'IN_PROGRESS', agent: null, participants: [] }, supervisor)).toMatchObject({ close: true, setStatus: false, returnToTray: false });
    }
    expect(chatActions({ phase: 'CLOSED', status: 'IN_PROGRESS', agent: null, participants: [] }, supervisor).close).toBe(false);
  });

  it('nothing is offered on a waiting chat to an agent, nor on a closed one', () => {
    const none = { setStatus: false, join: false, leave: false, returnToTray: false, transfer: false, close: false };
    expect(chatActions({ phase: 'WAITING', status: 'IN_PROGRESS', agent: null, participants: [] }, agentA)).toEqual(none);
    expect(chatActions({ phase: 'CLOSED', status: 'NEEDS_HELP', agent: { id: 'a', name: 'x' }, participants: [] }, agentA)).toEqual(none);
  });
});

describe('the result a close stores', () => {
  it('is the one chosen, but a transferred chat that ends well is stored as escalated, and says so', () => {
    expect(storedResult('SUCCESS', 0)).toEqual({ result: 'SUCCESS', becauseTransferred: false });
    expect(storedResult('SUCCESS', 1)).toEqual({ result: 'ESCALATED', becauseTransferred: true });
    expect(storedResult('NO_ANSWER', 2)).toEqual({ result: 'NO_ANSWER', becauseTransferred: false });
  });
});

describe('closing results', () => {
  it('agents close with SUCCESS or NO_ANSWER; only supervisors choose ESCALATED', () => {
    expect(closeResults(agentA)).toEqual(['SUCCESS', 'NO_ANSWER']);
    expect(closeResults(supervisor)).toContain('ESCALATED');
  });
});

describe('who may annotate', () => {
  const closed = (agentId: string) => ({ phase: 'CLOSED' as const, agent: { id: agentId, name: 'x' } });

  it('anyone on an open chat', () => {
    expect(mayAnnotate({ phase: 'WAITING', agent: null }, agentA)).toBe(true);
  });

  it('on a closed chat only the agent who served it and supervisors', () => {
    expect(mayAnnotate(closed('a'), agentA)).toBe(true);
    expect(mayAnnotate(closed('b'), agentA)).toBe(false);
    expect(mayAnnotate(closed('b'), supervisor)).toBe(true);
  });
});
