/** A pause reason's name as agents read it: trimmed, 1 to 60 characters; null when it is not one. */
export function cleanPauseName(name: string): string | null {
  const n = name.trim();
  return n && n.length <= 60 ? n : null;
}

/** An icon is a name from the web app's icon set, e.g. "coffee". */
export const validPauseIcon = (icon: string): boolean => /^[a-z0-9-]{1,40}$/.test(icon);
