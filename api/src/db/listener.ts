import pg from 'pg';
import type { Logger } from '../shared/logger.js';

export interface ListenerHandlers {
  /** A commit NOTIFYed one of the channels (from any process), with its payload. */
  notified: (channel: string, payload: string) => void;
  /** The connection is back after a loss: whatever was notified meanwhile was missed. */
  reconnected: () => void;
  /** The connection was lost; `reconnected` follows once the database answers again. */
  lost?: () => void;
}

/**
 * One connection LISTENing to some PostgreSQL channels, reconnecting each second after a loss.
 * NOTIFY is transactional: a notification arrives after the commit that sent it, never before.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly name: string,
    private readonly channels: readonly string[],
    private readonly handlers: ListenerHandlers,
    private readonly log: Logger,
  ) {}

  get connected(): boolean {
    return this.client !== null;
  }

  start(): Promise<void> {
    return this.listen();
  }

  /** During shutdown the database may go first (the embedded one stops on the same signal): no reconnecting then. */
  silence(): void {
    this.closed = true;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: this.name });
    client.on('notification', (message) => this.handlers.notified(message.channel, message.payload ?? ''));
    client.on('error', (err) => {
      if (this.client === client) this.client = null;
      if (this.closed) return;
      this.log.warn({ err: err.message, listener: this.name }, 'LISTEN connection lost; reconnecting');
      this.handlers.lost?.();
      this.reconnect();
    });
    await client.connect();
    for (const channel of this.channels) await client.query(`listen ${channel}`);
    this.client = client;
  }

  private reconnect(): void {
    setTimeout(() => {
      if (this.closed) return;
      this.listen().then(
        () => this.handlers.reconnected(),
        () => this.reconnect(),
      );
    }, 1000).unref();
  }
}
