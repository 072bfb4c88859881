import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/messages/messageList';
import { splitClosing, type ConversationState } from '../closingComment';

const CLOSED_AT = '2026-11-21T10:00:00.000Z';

const message = (sequence: number, kind: 'SYSTEM' | 'AGENT' | 'CONTACT', body: string, createdAt: string): ChatMessage => ({
  id: `m${sequence}`,
  interactionId: 'i1',
  sequence,
  body,
  clientMessageId: null,
  createdAt,
  visibility: 'PUBLIC',
  attachments: [],
  author: { id: null, kind, name: null, avatarUrl: null },
});

const state = (phase: ConversationState['phase'], closedAt: string | null = null): ConversationState => ({ id: 'i1', phase, closedAt, agent: null, participants: [] });

const welcome = message(1, 'SYSTEM', 'Welcome!', '2026-11-21T09:50:00.000Z');
const reply = message(2, 'AGENT', 'Done, bye', '2026-11-21T09:59:00.000Z');
const closing = message(3, 'SYSTEM', 'Thanks for chatting', CLOSED_AT);

describe('the closing comment', () => {
  it('is the SYSTEM message the close wrote, taken out of the thread to end it', () => {
    expect(splitClosing([welcome, reply, closing], state('CLOSED', CLOSED_AT))).toEqual({ thread: [welcome, reply], closing });
  });

  it('is not looked for while the chat is open', () => {
    expect(splitClosing([welcome, reply, closing], state('IN_SERVICE'))).toEqual({ thread: [welcome, reply, closing], closing: null });
  });

  it('is never an older SYSTEM message, when the campaign has no closing text', () => {
    const joined = message(2, 'SYSTEM', 'Ana has joined', '2026-11-21T09:55:00.000Z');
    expect(splitClosing([welcome, joined], state('CLOSED', CLOSED_AT))).toEqual({ thread: [welcome, joined], closing: null });
  });
});
