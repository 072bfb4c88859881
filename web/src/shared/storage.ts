// Storage can throw (disabled cookies, Safari private mode, a third-party iframe under strict
// tracking protection). The app and the widget keep working without it; they just forget on reload.

/** Reads a value, or null when absent or storage is unavailable. */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes a value (null removes it); a storage failure is ignored on purpose, see above. */
export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the value lives in memory for this page only.
  }
}
