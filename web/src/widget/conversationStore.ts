import { readonly, ref } from 'vue';
import type { Admission } from '../gql/graphql';
import { readStored, writeStored } from '../shared/storage';

/** Out of hours, what can be done with an offline message. */
export enum OfflineMessage {
  NOT_TAKEN = 'NOT_TAKEN',
  ALLOWED = 'ALLOWED',
  SENT = 'SENT',
}

/** What lets a visitor reach its conversation again after a reload, and how it started. */
export interface StoredConversation {
  interactionId: string;
  visitorToken: string;
  /** OUT_OF_HOURS and FULL chats were closed at once by the server: the widget shows why instead. */
  admission: Admission;
  offlineMessage: OfflineMessage;
}

const ADMISSIONS: readonly Admission[] = ['OPEN', 'OUT_OF_HOURS', 'FULL'];
const OFFLINE_STATES: readonly string[] = Object.values(OfflineMessage);

/** A stored record, checked: storage is anyone's to edit, and older versions wrote less. */
export function parseConversation(raw: string | null): StoredConversation | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { interactionId, visitorToken, admission, offlineMessage } = value as Record<string, unknown>;
    if (typeof interactionId !== 'string' || typeof visitorToken !== 'string') return null;
    // Records written before the admission was kept are chats that were let in.
    return {
      interactionId,
      visitorToken,
      admission: ADMISSIONS.find((known) => known === admission) ?? 'OPEN',
      offlineMessage: OFFLINE_STATES.includes(offlineMessage as string) ? (offlineMessage as OfflineMessage) : OfflineMessage.NOT_TAKEN,
    };
  } catch {
    return null;
  }
}

/**
 * The token of this browser's latest conversation, on any campaign, kept after it is forgotten: a
 * new conversation shows it to the server, so a returning customer stays one contact with a history.
 */
const RETURNING_KEY = 'parley.widget.returning';

/** The visitor's conversation on one campaign, kept in this browser's storage. */
export function createConversationStore(campaignId: string | null) {
  const key = campaignId ? `parley.widget.${campaignId}` : null;
  const current = ref<StoredConversation | null>(key ? parseConversation(readStored(key)) : null);
  // Kept for this page only: after a reload the form is offered again, to leave another message.
  const sentBeforeChat = ref(false);

  function remember(conversation: StoredConversation): void {
    current.value = conversation;
    if (key) writeStored(key, JSON.stringify(conversation));
    writeStored(RETURNING_KEY, conversation.visitorToken);
  }

  return {
    conversation: readonly(current),
    remember,
    /** The offline message was left: a reload shows the confirmation, not the form again. */
    offlineMessageSent(): void {
      if (current.value) remember({ ...current.value, offlineMessage: OfflineMessage.SENT });
      else sentBeforeChat.value = true;
    },
    /** An offline message left out of hours before any chat was started. */
    sentBeforeChat: readonly(sentBeforeChat),
    returningToken(): string | null {
      return readStored(RETURNING_KEY);
    },
    forget(): void {
      current.value = null;
      if (key) writeStored(key, null);
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
