import client from 'prom-client';
import { busStats } from '../shared/bus.js';
import { passwordHashingLoad } from '../modules/auth/password-hashing.js';

/** One registry per process, exposed at /metrics. */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const operations = new client.Counter({
    name: 'parley_graphql_operations_total',
    help: 'GraphQL operations by transport, type and outcome',
    labelNames: ['transport', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const sockets = new client.Gauge({ name: 'parley_websocket_connections', help: 'Open WebSocket connections', registers: [registry] });
  new client.Gauge({
    name: 'parley_bus_dropped_events_total',
    help: 'Events dropped because a subscriber fell too far behind (it then catches up from storage)',
    registers: [registry],
    collect() {
      this.set(busStats.dropped);
    },
  });
  new client.Gauge({
    name: 'parley_bus_published_events_total',
    help: 'Events published by this process',
    registers: [registry],
    collect() {
      this.set(busStats.published);
    },
  });
  for (const [state, help] of [
    ['running', 'Password hashes (sign-ins, password changes) running now'],
    ['waiting', 'Password hashes waiting for their turn'],
  ] as const) {
    new client.Gauge({
      name: `parley_password_hashes_${state}`,
      help,
      registers: [registry],
      collect() {
        this.set(passwordHashingLoad()[state]);
      },
    });
  }
  return { registry, operations, sockets };
}

export type Metrics = ReturnType<typeof createMetrics>;
