import { describe, expect, it } from 'vitest';
import { LINK_MARGIN_MS, linkExpiresAt, linkIsStale } from '../attachmentLinks';

const link = (expires: number) => `/files/f1?expires=${expires}&signature=abc`;

describe('when an attachment link expires', () => {
  it('reads the expiry the server signed into the link', () => {
    expect(linkExpiresAt(link(1_800_000_000))).toBe(1_800_000_000_000);
  });

  it('does not know for a link that does not say', () => {
    expect(linkExpiresAt('/files/f1')).toBeNull();
    expect(linkExpiresAt('/files/f1?expires=soon')).toBeNull();
  });
});

describe('when an attachment link is fetched afresh', () => {
  const expiresAt = 1_800_000_000_000;

  it('leaves a link alone while it has time left', () => {
    expect(linkIsStale(link(expiresAt / 1000), expiresAt - LINK_MARGIN_MS - 1)).toBe(false);
  });

  it('refreshes it shortly before it expires, and after', () => {
    expect(linkIsStale(link(expiresAt / 1000), expiresAt - LINK_MARGIN_MS)).toBe(true);
    expect(linkIsStale(link(expiresAt / 1000), expiresAt + 3_600_000)).toBe(true);
  });

  it('never refreshes a link that does not say when it expires', () => {
    expect(linkIsStale('/files/f1', Date.now())).toBe(false);
  });
});
