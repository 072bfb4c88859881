import { PgListener } from '../../db/listener.js';
import type { Logger } from '../../shared/logger.js';
import { Topic, type Topics } from '../../shared/topics.js';
import type { Viewer } from './viewer.js';

declare module '../../shared/deps.js' {
  interface Deps {
    /** Signed-in viewers between requests, forgotten at any change to what they are made of. */
    viewers: ViewerCache;
  }
}

type UserViewer = Extract<Viewer, { kind: 'USER' }>;
type VisitorViewer = Extract<Viewer, { kind: 'VISITOR' }>;

interface Entry {
  viewer: UserViewer;
  /** The cache's generation when the row was read: any change since makes the entry stale. */
  generation: number;
  until: number;
}

/** Triggers on the tables a signed-in viewer is read from NOTIFY this channel at commit (migrations 0013 and 0014). */
export const VIEWERS_CHANGED_CHANNEL = 'parley_viewers';
const MAX_ENTRIES = 10_000;

/**
 * Signed-in viewers by session token hash, so a busy agent's requests do not each pay a database
 * round trip to learn who is asking (a third of a message send's). Every process LISTENs for the
 * NOTIFY that triggers send when a session, a person's role, name or active flag, a team membership
 * or a tray grant changes, and forgets everything then: a sign-out or a new grant counts from the
 * commit, on every process. While that connection is down nothing is kept, and reconnecting forgets
 * everything, since notifications may have been missed meanwhile. The bus's own word of a revocation
 * (the one that closes sockets with 4401) forgets too, so a page told 4401 that asks again over HTTP
 * is refused even if the NOTIFY for the same commit has not been read yet.
 *
 * The same moments tell the open sockets to resolve their callers again (`onChange`): one LISTEN
 * connection per process serves both, and it is opened even when nothing is kept (`ttlMs` 0).
 */
export class ViewerCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * A visitor token names one chat and its contact for ever (the columns are never updated and the
   * rows never deleted), so what it resolves to is kept through every change: a customer's send
   * then costs no lookup of who is writing.
   */
  private readonly visitors = new Map<string, VisitorViewer>();
  private generation = 0;
  private readonly listener: PgListener;
  private readonly changeListeners = new Set<() => void>();
  private stopWatching: (() => void) | null = null;

  constructor(
    databaseUrl: string,
    private readonly ttlMs: number,
    private readonly log: Logger,
  ) {
    const changed = () => this.changed();
    this.listener = new PgListener(databaseUrl, 'parley-viewers', [VIEWERS_CHANGED_CHANNEL], { notified: changed, reconnected: changed, lost: changed }, log);
  }

  async start(topics: Topics): Promise<void> {
    await this.listener.start();
    this.stopWatching = await topics.subscribe(Topic.CONTROL, undefined, (event) => {
      // A key is never kept here, but its sockets are resolved again: api_keys has no trigger.
      if (event.type === 'SESSIONS_REVOKED' || event.type === 'ACCESS_CHANGED' || event.type === 'KEY_REVOKED' || event.type === 'KEY_CHANGED') this.changed();
    });
  }

  /**
   * Calls `listener` whenever something a viewer is made of may have changed, on any process (and
   * when the LISTEN connection is lost or back, since changes may have been missed). Returns the
   * way to stop.
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  silence(): void {
    this.listener.silence();
  }

  async close(): Promise<void> {
    this.stopWatching?.();
    this.changeListeners.clear();
    await this.listener.close();
  }

  /** Read before the database is asked: `keep` stores the answer only if nothing changed meanwhile. */
  mark(): number {
    return this.generation;
  }

  get(tokenHash: string, now = Date.now()): UserViewer | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.generation !== this.generation || entry.until <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    // A copy: a caller changing its viewer must not change the next request's.
    return { ...entry.viewer, customTrayIds: [...entry.viewer.customTrayIds] };
  }

  /** Keeps `viewer` until the session expires or `ttlMs` passes, whichever is first. */
  keep(tokenHash: string, viewer: UserViewer, generation: number, sessionExpiresAt: number, now = Date.now()): void {
    if (this.ttlMs <= 0 || !this.listener.connected || generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { viewer: { ...viewer, customTrayIds: [...viewer.customTrayIds] }, generation, until: Math.min(now + this.ttlMs, sessionExpiresAt) });
  }

  visitor(tokenHash: string): VisitorViewer | null {
    return this.visitors.get(tokenHash) ?? null;
  }

  keepVisitor(tokenHash: string, viewer: VisitorViewer): void {
    if (this.ttlMs <= 0) return;
    if (this.visitors.size >= MAX_ENTRIES) this.visitors.delete(this.visitors.keys().next().value!);
    this.visitors.set(tokenHash, { ...viewer });
  }

  /** Something a viewer is made of changed somewhere: nothing kept holds any more. */
  forget(): void {
    this.generation++;
    this.entries.clear();
  }

  private changed(): void {
    this.forget();
    for (const listener of this.changeListeners) {
      try {
        listener();
      } catch (err) {
        this.log.error({ err }, 'a viewer change listener failed');
      }
    }
  }
}
