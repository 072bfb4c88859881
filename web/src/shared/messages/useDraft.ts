import { nextTick, ref } from 'vue';
import { insertText } from './draft';

/** The text being written, and putting text into it where the cursor is (emoji, canned responses). */
export function useDraft(textarea: () => HTMLTextAreaElement | null | undefined) {
  const draft = ref('');

  /** Where the cursor is; the end of the draft when the field is not there. */
  function cursor(): number {
    return textarea()?.selectionStart ?? draft.value.length;
  }

  /** Puts `text` at the cursor (over the selection), or over `range`, then returns the focus there. */
  function insert(text: string, range?: { from: number; to: number }): void {
    const field = textarea();
    const from = range?.from ?? field?.selectionStart ?? draft.value.length;
    const to = range?.to ?? field?.selectionEnd ?? from;
    const next = insertText(draft.value, from, to, text);
    draft.value = next.draft;
    void nextTick(() => {
      const element = textarea();
      element?.focus();
      element?.setSelectionRange(next.cursor, next.cursor);
    });
  }

  return { draft, cursor, insert };
}
