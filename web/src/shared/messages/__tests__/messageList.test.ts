// @vitest-environment node
/**
 * A conversation's messages arrive from three sources (the query, the subscription with its
 * replay after a reconnect, and the answer to a send) and must show once each, in sequence order.
 */
import { describe, expect, it } from 'vitest';
import { interleave, lastSequence, mergeMessages, unconfirmed, type ChatMessage, type PendingMessage } from '../messageList';

function message(sequence: number, clientMessageId: string | null = null): ChatMessage {
  return {
    id: `m${sequence}`,
    interactionId: 'i1',
    sequence,
    body: `message ${sequence}`,
    clientMessageId,
    createdAt: '2026-01-01T10:00:00.000Z',
    visibility: 'PUBLIC',
    author: { id: 'u1', kind: 'AGENT', name: 'Bea', avatarUrl: null },
    attachments: [],
  };
}

const pending = (clientMessageId: string): PendingMessage => ({ clientMessageId, body: 'hi', attachments: [], upload: null, state: 'sending', error: null });
const sequences = (list: readonly ChatMessage[]) => list.map((m) => m.sequence);

describe('the message list', () => {
  it('keeps messages in sequence order whatever order they arrive in', () => {
    expect(sequences(mergeMessages([message(2)], [message(3), message(1)]))).toEqual([1, 2, 3]);
  });

  it('shows a message only once when a replay delivers it again', () => {
    expect(sequences(mergeMessages([message(1), message(2)], [message(2), message(3)]))).toEqual([1, 2, 3]);
  });

  it('resumes after the highest sequence it holds, or 0 when empty', () => {
    expect(lastSequence([message(1), message(7)])).toBe(7);
    expect(lastSequence([])).toBe(0);
  });

  it('stops showing a sent message as pending once the server has it', () => {
    const list = [message(1, 'a')];
    expect(unconfirmed([pending('a'), pending('b')], list).map((p) => p.clientMessageId)).toEqual(['b']);
  });
});

describe('interleave', () => {
  const entry = (id: string, at: string) => ({ id, at, key: 'TAKEN', text: id, note: '' });
  const at = (sequence: number, createdAt: string) => ({ sequence, createdAt }) as unknown as ChatMessage;

  it('puts history lines between the messages in time order, a line before a message of the same instant', () => {
    const items = interleave([at(1, '2026-01-01T10:00:00Z'), at(2, '2026-01-01T10:05:00Z')], [entry('taken', '2026-01-01T10:05:00Z'), entry('started', '2026-01-01T09:59:00Z')]);
    expect(items.map((i) => (i.kind === 'entry' ? i.entry.id : i.message.sequence))).toEqual(['started', 1, 'taken', 2]);
  });
});
