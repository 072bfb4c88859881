/**
 * Naive UI's tabs answer only to the mouse. These are the WAI-ARIA tab keys: the arrows move to the
 * previous or next tab (wrapping round), Home and End to the first and last. Answers the tab to select,
 * or null when the key is not a tab key.
 */
export function tabAfterKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  if (tabs.length === 0) return null;
  const at = Math.max(tabs.indexOf(current), 0);
  switch (key) {
    case 'ArrowRight':
      return tabs[(at + 1) % tabs.length] ?? null;
    case 'ArrowLeft':
      return tabs[(at - 1 + tabs.length) % tabs.length] ?? null;
    case 'Home':
      return tabs[0] ?? null;
    case 'End':
      return tabs[tabs.length - 1] ?? null;
    default:
      return null;
  }
}
