import { computed, reactive } from 'vue';

/**
 * The chats given to this agent that it has not opened yet: the inbox link's badge counts them and
 * their rows are marked, until the agent opens each one.
 */
const unopened = reactive(new Set<string>());

export const unopenedCount = computed(() => unopened.size);
export const isUnopened = (chatId: string): boolean => unopened.has(chatId);
export const markUnopened = (chatId: string): void => void unopened.add(chatId);
export const markOpened = (chatId: string): void => void unopened.delete(chatId);
export const forgetUnopened = (): void => unopened.clear();
