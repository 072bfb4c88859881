import { randomUUID } from 'node:crypto';
import { type Em, pgArray, rows } from '../../db/sql.js';
import type { Deps } from '../../shared/deps.js';
import { forgetOldCallEvents } from './call.log.js';
import { endLostCalls } from './call.service.js';

/**
 * Which call parties follow their calls, kept in PostgreSQL so every process agrees (as agents'
 * presence is, agents/presence.ts): one row per open `callEvents` stream, heartbeated by its process.
 * A closed stream's row keeps the moment it closed; a dead process's rows go stale. Each beat also
 * ends the calls a party left for longer than CALL_DROP_GRACE_MS, so a short drop keeps the call.
 */
export class CallPresence {
  private readonly processId = randomUUID();
  private readonly open = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private beating = false;

  constructor(private readonly deps: Deps) {}

  /** A beat well inside the grace period, so an open stream never looks gone. */
  private get every(): number {
    return Math.max(200, Math.min(this.deps.config.PRESENCE_HEARTBEAT_MS, Math.floor(this.deps.config.CALL_DROP_GRACE_MS / 4)));
  }

  start(): void {
    this.timer = setInterval(() => void this.beat(), this.every);
    this.timer.unref();
  }

  /** Records an open stream of the party `key`; the returned function records its end (once). */
  async listen(key: string): Promise<() => void> {
    const id = randomUUID();
    this.open.set(id, key);
    await rows(this.em(), 'insert into call_listeners (id, party, process_id, seen_at) values (?, ?, ?, now())', [id, key, this.processId]);
    return () => {
      if (!this.open.delete(id)) return;
      rows(this.em(), 'update call_listeners set seen_at = now() where id = ?', [id]).catch((err) => this.deps.log.warn({ err }, 'call presence'));
    };
  }

  private em(): Em {
    return this.deps.orm.em.fork() as Em;
  }

  private async beat(): Promise<void> {
    // A beat slower than the interval (a busy database) is not run twice at once.
    if (this.beating) return;
    this.beating = true;
    try {
      const em = this.em();
      const ids = [...this.open.keys()];
      if (ids.length > 0) await rows(em, 'update call_listeners set seen_at = now() where id = any(?::uuid[])', [pgArray(ids)]);
      await endLostCalls(this.deps);
      await rows(em, "delete from call_listeners where seen_at < now() - interval '1 hour'");
      await forgetOldCallEvents(em);
    } catch (err) {
      this.deps.log.warn({ err }, 'call presence beat failed');
    } finally {
      this.beating = false;
    }
  }
}

const running = new WeakMap<Deps, CallPresence>();

/**
 * The process's call presence, started by the first call stream it serves: a process nobody follows
 * calls through has no row to keep alive, and the processes that do end the calls left behind.
 */
export function callPresence(deps: Deps): CallPresence {
  let presence = running.get(deps);
  if (!presence) {
    running.set(deps, (presence = new CallPresence(deps)));
    presence.start();
  }
  return presence;
}
