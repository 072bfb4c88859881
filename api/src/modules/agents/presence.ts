import { randomUUID } from 'node:crypto';
import { rows, pgArray } from '../../db/sql.js';
import type { Deps } from '../../shared/deps.js';

/**
 * Which people have a WebSocket open, kept in PostgreSQL so every process agrees. Each process
 * heartbeats the rows of its own sockets; rows of a process that died go stale and stop counting
 * after the grace period, without anyone having to clean them up first.
 */
export class Presence {
  readonly processId = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private readonly open = new Map<string, string>();

  constructor(
    private readonly deps: Deps,
    /** Called when a person's presence may have changed (after connect, and after the grace period following a disconnect). */
    private readonly onChange: (userId: string) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.heartbeat(), this.deps.config.PRESENCE_HEARTBEAT_MS);
    this.timer.unref();
  }

  async connect(userId: string): Promise<string> {
    const id = randomUUID();
    this.open.set(id, userId);
    await rows(this.deps.orm.em.fork(), 'insert into agent_connections (id, user_id, process_id, connected_at, last_heartbeat_at) values (?, ?, ?, now(), now())', [id, userId, this.processId]);
    this.onChange(userId);
    return id;
  }

  async disconnect(connectionId: string): Promise<void> {
    const userId = this.open.get(connectionId);
    if (!userId) return;
    // The row stays and simply stops being heartbeated: the agent counts as present for the grace
    // period (a page reload reconnects well within it), then as gone, and the state change is told.
    this.open.delete(connectionId);
    setTimeout(() => this.onChange(userId), this.deps.config.PRESENCE_GRACE_MS + 50).unref();
  }

  private async heartbeat(): Promise<void> {
    const em = this.deps.orm.em.fork();
    const ids = [...this.open.keys()];
    try {
      if (ids.length > 0) await rows(em, 'update agent_connections set last_heartbeat_at = now() where id = any(?::uuid[])', [pgArray(ids)]);
      // Rows long past any grace period (closed sockets, dead processes) are only history by now.
      await rows(em, "delete from agent_connections where last_heartbeat_at < now() - interval '1 hour'");
    } catch (err) {
      this.deps.log.warn({ err }, 'presence heartbeat failed');
    }
  }

  /** Rows are left to expire: agents of a draining process reconnect elsewhere within the grace period. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.open.clear();
  }
}
