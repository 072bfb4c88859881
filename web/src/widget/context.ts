import { inject, type InjectionKey } from 'vue';
import type { ConversationStore } from './conversationStore';
import type { WidgetParams } from './params';

export interface WidgetContext {
  params: WidgetParams;
  store: ConversationStore;
}

export const WidgetContextKey: InjectionKey<WidgetContext> = Symbol('parley.widget');

/** The page parameters and the visitor's stored conversation, provided by main.ts. */
export function useWidgetContext(): WidgetContext {
  const context = inject(WidgetContextKey);
  if (!context) throw new Error('WidgetContext is not provided');
  return context;
}
