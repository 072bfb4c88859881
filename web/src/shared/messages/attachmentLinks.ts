/** Links are fetched afresh this long before they expire, so one opened just then still works. */
export const LINK_MARGIN_MS = 60_000;

/**
 * When a signed download link (`/files/<id>?expires=<unix seconds>&signature=…`, valid for an
 * hour) stops working, in milliseconds; null when it does not say.
 */
export function linkExpiresAt(url: string): number | null {
  const expires = new URL(url, 'http://link.invalid').searchParams.get('expires');
  const seconds = expires === null ? NaN : Number(expires);
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}

/**
 * Whether a link must be fetched afresh before use: it has expired, or soon will. A link that does
 * not say when it expires is left alone, and so is a fresh one that fails for another reason
 * (a lost file): fetching it again would not help, and could repeat for ever.
 */
export function linkIsStale(url: string, nowMs: number, marginMs = LINK_MARGIN_MS): boolean {
  const expiresAt = linkExpiresAt(url);
  return expiresAt !== null && expiresAt - marginMs <= nowMs;
}
