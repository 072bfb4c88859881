/**
 * Where a resumable stream stands, and which arrivals are duplicates. Plain rules over plain data:
 * no socket, no GraphQL, so they are tested on their own.
 */

/**
 * A message stream's position: the last sequence delivered. Sequences only grow within an
 * interaction, with gaps where a message is not the caller's to see (internal notes), so anything at
 * or below the position was delivered already.
 */
export class SequencePosition {
  constructor(private current: number | null = null) {}

  /** The last sequence delivered, or where the stream was asked to start; null: from now. */
  get last(): number | null {
    return this.current;
  }

  /** True when `sequence` is new, which then becomes the position; false for a duplicate. */
  accept(sequence: number): boolean {
    if (this.current !== null && sequence <= this.current) return false;
    this.current = sequence;
    return true;
  }
}

/**
 * A feed's position: its last cursor, and the cursors delivered lately, to drop one seen again.
 * Cursors are opaque to clients, so they are compared for equality only; a duplicate can only be
 * a recent event (a resumption repeats at most what followed the cursor it resumed from), so a
 * bounded memory is enough.
 */
export class CursorPosition {
  private readonly seen = new Set<string>();

  constructor(
    private current: string | null = null,
    private readonly memory = 10_000,
  ) {
    if (current !== null) this.seen.add(current);
  }

  /** The last cursor delivered, or the one the stream was asked to resume after; null: none yet. */
  get last(): string | null {
    return this.current;
  }

  /** True when `cursor` is new, which then becomes the position; false for a duplicate. */
  accept(cursor: string): boolean {
    if (this.seen.has(cursor)) return false;
    this.seen.add(cursor);
    // A Set keeps insertion order: the first one is the oldest.
    if (this.seen.size > this.memory) this.seen.delete(this.seen.values().next().value!);
    this.current = cursor;
    return true;
  }
}
