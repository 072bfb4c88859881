import { describe, expect, it } from 'vitest';
import { createConversationStore, OfflineMessage, parseConversation } from '../conversationStore';

describe('the stored conversation', () => {
  it('keeps how the chat started and whether the offline message was left', () => {
    const store = createConversationStore('c1');
    store.remember({ interactionId: 'i1', visitorToken: 't', admission: 'OUT_OF_HOURS', offlineMessage: OfflineMessage.ALLOWED });
    store.offlineMessageSent();
    const kept = store.conversation.value;
    expect(kept).toEqual({ interactionId: 'i1', visitorToken: 't', admission: 'OUT_OF_HOURS', offlineMessage: OfflineMessage.SENT });
    expect(parseConversation(JSON.stringify(kept))).toEqual(kept);
  });

  it('remembers for this page an offline message left before any chat, and writes no conversation for it', () => {
    const store = createConversationStore('c2');
    store.offlineMessageSent();
    expect(store.sentBeforeChat.value).toBe(true);
    expect(store.conversation.value).toBeNull();
    expect(createConversationStore('c2').sentBeforeChat.value).toBe(false);
  });

  it('reads a record from before admissions were kept as a chat that was let in', () => {
    expect(parseConversation(JSON.stringify({ interactionId: 'i1', visitorToken: 't' }))).toEqual({
      interactionId: 'i1',
      visitorToken: 't',
      admission: 'OPEN',
      offlineMessage: OfflineMessage.NOT_TAKEN,
    });
  });

  it('drops what it cannot read', () => {
    expect(parseConversation('{"interactionId": 1}')).toBeNull();
    expect(parseConversation('not json')).toBeNull();
    expect(parseConversation(null)).toBeNull();
  });
});
