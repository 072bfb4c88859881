import { describe, expect, it } from 'vitest';
import { canAnswerByEmail, contactLine, handledSummary } from '../offlineRules';

const handled = (how: 'EMAIL' | 'CONVERSATION', byId: string | null) => ({
  how,
  at: '2026-12-04T21:00:00.000Z',
  byId,
  byName: 'Ana',
  reply: null,
  interactionId: how === 'CONVERSATION' ? 'chat-1' : null,
  protocol: null,
});

describe('offline messages', () => {
  it('show how to reach the customer with whatever they left', () => {
    expect(contactLine({ email: 'a@b.example', phone: '+34 600' })).toBe('a@b.example · +34 600');
    expect(contactLine({ email: null, phone: '+34 600' })).toBe('+34 600');
    expect(contactLine({ email: null, phone: null })).toBe('');
  });

  it('are answered by e-mail only while unhandled and when the customer left an address', () => {
    expect(canAnswerByEmail({ email: 'a@b.example', handled: null })).toBe(true);
    expect(canAnswerByEmail({ email: null, handled: null })).toBe(false);
    expect(canAnswerByEmail({ email: 'a@b.example', handled: handled('EMAIL', 'u1') })).toBe(false);
  });

  it('say how they were handled, and let only whoever turned one into a conversation open it', () => {
    expect(handledSummary(handled('EMAIL', 'u1'), 'u1')).toEqual({ key: 'offlineMessages.handledEmail', openId: null });
    expect(handledSummary(handled('CONVERSATION', 'u1'), 'u1')).toEqual({ key: 'offlineMessages.handledConversation', openId: 'chat-1' });
    expect(handledSummary(handled('CONVERSATION', 'u1'), 'u2').openId).toBeNull();
    expect(handledSummary(handled('CONVERSATION', null), null).openId).toBeNull();
  });
});
