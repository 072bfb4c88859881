import { inject, type InjectionKey } from 'vue';
import type { ContactDraft } from './contactRules';
import type { ConversationStore } from './conversationStore';
import type { WidgetParams } from './params';

export interface WidgetContext {
  params: WidgetParams;
  store: ConversationStore;
  /** What the visitor typed about itself, first what it gave last time; the offline form starts from it. */
  contact: ContactDraft;
}

export const WidgetContextKey: InjectionKey<WidgetContext> = Symbol('parley.widget');

/** The page parameters, the visitor's stored conversation and its details, provided by main.ts. */
export function useWidgetContext(): WidgetContext {
  const context = inject(WidgetContextKey);
  if (!context) throw new Error('WidgetContext is not provided');
  return context;
}
