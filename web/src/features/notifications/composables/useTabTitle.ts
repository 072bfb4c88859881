import { onScopeDispose, watch } from 'vue';
import { titleWithCount } from '../notices';
import { attentionCount } from './useNotifier';

/** Keeps the count of waiting notices in the tab title, so a background tab shows it. */
export function useTabTitle(): void {
  const base = document.title;
  watch(attentionCount, (count) => (document.title = titleWithCount(base, count)), { immediate: true });
  onScopeDispose(() => (document.title = base));
}
