import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<T> {
  /** Everything received so far, in order. */
  readonly events: T[];
  readonly errors: unknown[];
  completed: boolean;
  /** Resolves once `count` events have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  until(pred: (events: T[]) => boolean, timeoutMs?: number): Promise<T[]>;
  unsubscribe(): void;
}

export interface TestWsClient {
  client: Client;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): Subscription<T>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  dispose(): Promise<void>;
}

/** A graphql-ws client the way the web app connects: the token travels in connectionParams. */
export function connect(wsUrl: string, token?: string | null, opts: { retry?: boolean } = {}): TestWsClient {
  let resolveClosed!: (code: number) => void;
  const closed = new Promise<number>((r) => (resolveClosed = r));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: opts.retry ? 1000 : 0,
    retryWait: async () => new Promise((r) => setTimeout(r, 100)),
    shouldRetry: () => opts.retry === true,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (event: any) => resolveClosed(event?.code ?? 0) },
    onNonLazyError: () => undefined,
  });
  return {
    client,
    closed,
    subscribe<T>(query: string, variables: Record<string, unknown> = {}) {
      const events: T[] = [];
      const errors: unknown[] = [];
      const waiters = new Set<() => void>();
      const notify = () => waiters.forEach((w) => w());
      const sub: Subscription<T> = {
        events,
        errors,
        completed: false,
        until(pred, timeoutMs = 5000) {
          return new Promise((resolve, reject) => {
            const check = () => {
              if (pred(events)) {
                waiters.delete(check);
                clearTimeout(timer);
                resolve(events);
              } else if (sub.completed || errors.length) {
                waiters.delete(check);
                clearTimeout(timer);
                reject(new Error(`subscription ended after ${events.length} events: ${JSON.stringify(errors)}`));
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              reject(new Error(`timed out with ${events.length} events: ${JSON.stringify(events).slice(0, 500)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        waitFor(count, timeoutMs) {
          return sub.until((e) => e.length >= count, timeoutMs);
        },
        unsubscribe: () => dispose(),
      };
      const dispose = client.subscribe<T>(
        { query, variables },
        {
          next: (value) => {
            if (value.errors) errors.push(value.errors);
            else events.push(value.data as T);
            notify();
          },
          error: (err) => {
            errors.push(err);
            notify();
          },
          complete: () => {
            sub.completed = true;
            notify();
          },
        },
      );
      return sub;
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Every `extensions.code` in whatever a subscription reported as errors (an array, an error, nested). */
export function errorCodes(errors: unknown): string[] {
  const codes: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === 'object') {
      const code = (v as any).extensions?.code;
      if (typeof code === 'string') codes.push(code);
      else Object.values(v).forEach(walk);
    }
  };
  walk(errors);
  return codes;
}
