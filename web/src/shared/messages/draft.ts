/** The draft with `text` put in place of the characters from `from` to `to`, and where the cursor goes after it. */
export function insertText(draft: string, from: number, to: number, text: string): { draft: string; cursor: number } {
  return { draft: draft.slice(0, from) + text + draft.slice(to), cursor: from + text.length };
}
