/**
 * The call events one page has heard, by cursor. A subscription resumed after a dropped socket
 * replays from the last cursor heard, and may repeat what arrived just before the drop; events of
 * different calls can also arrive slightly out of cursor order, so each is recognised by its own.
 */
export class HeardCallEvents {
  private readonly heard = new Set<string>();
  private latest: bigint | null = null;

  /** True the first time a cursor is heard: the event is new. */
  take(cursor: string): boolean {
    if (this.heard.has(cursor)) return false;
    this.heard.add(cursor);
    const value = BigInt(cursor);
    if (this.latest === null || value > this.latest) this.latest = value;
    return true;
  }

  /** Where a resumed subscription starts: after the latest cursor heard, or `from` when none was. */
  resumeFrom(from: string): string {
    return this.latest === null || BigInt(from) > this.latest ? from : this.latest.toString();
  }
}
