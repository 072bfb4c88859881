import { readonly, ref } from 'vue';
import { readStored, writeStored } from '../shared/storage';

/** What lets a visitor reach its conversation again after a reload. */
export interface StoredConversation {
  interactionId: string;
  visitorToken: string;
}

function parse(raw: string | null): StoredConversation | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { interactionId, visitorToken } = value as Record<string, unknown>;
    return typeof interactionId === 'string' && typeof visitorToken === 'string' ? { interactionId, visitorToken } : null;
  } catch {
    return null;
  }
}

/** The visitor's conversation on one campaign, kept in this browser's storage. */
export function createConversationStore(campaignId: string | null) {
  const key = campaignId ? `parley.widget.${campaignId}` : null;
  const current = ref<StoredConversation | null>(key ? parse(readStored(key)) : null);

  return {
    conversation: readonly(current),
    remember(conversation: StoredConversation): void {
      current.value = conversation;
      if (key) writeStored(key, JSON.stringify(conversation));
    },
    forget(): void {
      current.value = null;
      if (key) writeStored(key, null);
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
