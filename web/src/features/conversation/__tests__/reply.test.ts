import { describe, expect, it } from 'vitest';
import { replyHintKey, replyState } from '../actions';

const agentA = { id: 'a', role: 'AGENT' };
const held = (agentId: string, participants: { id: string; name: string }[] = []) => ({ phase: 'IN_SERVICE' as const, agent: { id: agentId, name: 'x' }, participants });

describe('who is offered a composer', () => {
  it('the agent who holds the chat, and supervisors', () => {
    expect(replyState(held('a'), agentA)).toBe('open');
    expect(replyState(held('b'), { id: 's', role: 'SUPERVISOR' })).toBe('open');
  });

  it('not another agent, even when the chat asks for help, until it joins', () => {
    expect(replyState(held('b'), agentA)).toBe('heldByOther');
    expect(replyState(held('b', [{ id: 'a', name: 'A' }]), agentA)).toBe('open');
  });

  it('nobody on a waiting or closed chat', () => {
    expect(replyState({ phase: 'WAITING', agent: null, participants: [] }, agentA)).toBe('take');
    expect(replyState({ phase: 'CLOSED', agent: { id: 'a', name: 'x' }, participants: [] }, agentA)).toBe('closed');
  });
});

describe('what shows instead of the composer', () => {
  it('says why there is none, and nothing when there is one', () => {
    expect(replyHintKey('open')).toBeNull();
    expect(replyHintKey('closed')).toBe('conversation.closed');
    expect(replyHintKey('heldByOther')).toBe('conversation.heldByOther');
    expect(replyHintKey('take')).toBe('conversation.takeToReply');
  });
});
