import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import { REDIS_URL } from './database.js';

const MAIN = path.resolve(__dirname, '..', '..', 'api', 'dist', 'main.js');

export interface ApiProcess {
  url: string;
  wsUrl: string;
  port: number;
  child: ChildProcess;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  output(): string;
}

export const ADMIN = { email: 'admin@tests.parley.dev', password: 'admin-password-for-tests' };

/** What /metrics asks for in the tests' API processes (METRICS_TOKEN). */
export const METRICS_TOKEN = 'metrics-token-for-tests';

/** Starts the real API (built with tsc) as a child process on a free port. */
export async function startApi(env: Record<string, string> = {}): Promise<ApiProcess> {
  let output = '';
  const child = fork(MAIN, [], {
    env: {
      PATH: process.env.PATH,
      // A developer may point the tests at another build of the web app.
      ...(process.env.WEB_DIST ? { WEB_DIST: process.env.WEB_DIST } : {}),
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL,
      PUBSUB_PREFIX: inject('pubsubPrefix'),
      PARLEY_DEMO: '0',
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: '2000',
      // A test run is thousands of people and customers behind one address in a few minutes; the
      // limits are proven in rate-limits.e2e.test.ts with their own counters.
      RATE_LIMIT_USER_PER_MINUTE: '0',
      RATE_LIMIT_API_KEY_PER_MINUTE: '0',
      RATE_LIMIT_VISITOR_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
      // Wrong passwords are part of many tests, all from 127.0.0.1; sign-in-limits.e2e.test.ts proves these.
      SIGN_IN_FAILURES_PER_ACCOUNT: '0',
      SIGN_IN_FAILURES_PER_ADDRESS: '0',
      // The tests' webhook receivers listen on 127.0.0.1; side-doors.e2e.test.ts proves the refusal
      // with it off.
      WEBHOOK_ALLOW_PRIVATE: '1',
      METRICS_TOKEN,
      // The run's processes share one database with different session windows (a test's short one
      // among them), and a sweep expires by its own process's window: one process's sweep would
      // expire every other test's contacts. contacts.e2e proves the sweep on a database of its own.
      CONTACT_EXPIRY_SWEEP_SECONDS: '86400',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start in 30 s:\n${output}`)), 30_000);
    child.on('message', (m: any) => {
      if (m?.type === 'ready') {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code} before it was ready:\n${output}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    port,
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
