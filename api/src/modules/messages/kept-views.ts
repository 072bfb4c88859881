import type { InteractionView } from '../interactions/interaction.view.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** The chats this process sent to lately, as the next send in them may decide on. */
    keptViews: KeptViews;
  }
}

/**
 * The view of each chat this process sent a message to lately. Reading the view was half of a
 * send's statements (a profile of 32 senders put the send's two round trips at a sixth of the
 * process), and a chat's next message is usually near. A kept view decides a send only while it is
 * current: the append is guarded by its revision, which the database bumps at every change a rule
 * may read (`interactions.revision`), so a send decided on a view that changed since appends
 * nothing and is decided again on a fresh one. What the revision does not guard (names, the
 * campaign's settings) may be as old as `ttlMs`; the send reads none of it.
 */
export class KeptViews {
  private readonly views = new Map<string, { view: InteractionView; until: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly max = 10_000,
  ) {}

  get(id: string): InteractionView | null {
    const kept = this.views.get(id);
    if (!kept) return null;
    if (kept.until > Date.now()) return kept.view;
    this.views.delete(id);
    return null;
  }

  /**
   * After a send decided on `view`: kept while it is still the chat's (`revisionNow`, the revision
   * the send left), forgotten otherwise. `reread`: the view was read for this send, so its time
   * starts again; a view kept before keeps its time, so what the revision does not guard is never
   * older than `ttlMs`.
   */
  settle(view: InteractionView, revisionNow: number, reread: boolean): void {
    const until = reread ? Date.now() + this.ttlMs : this.views.get(view.id)?.until;
    this.views.delete(view.id);
    if (this.ttlMs <= 0 || revisionNow !== view.revision || until === undefined) return;
    // The oldest kept goes first (a Map iterates in insertion order).
    if (this.views.size >= this.max) this.views.delete(this.views.keys().next().value!);
    this.views.set(view.id, { view, until });
  }

  forget(id: string): void {
    this.views.delete(id);
  }
}
