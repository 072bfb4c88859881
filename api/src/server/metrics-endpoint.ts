import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Request, Response } from 'express';
import type { Config } from '../shared/config.js';
import { fail } from '../shared/http-errors.js';
import type { Metrics } from './metrics.js';

/**
 * Who may read /metrics. The figures name no customer, but they tell anyone how busy the service
 * is, how many agents are connected and how the process is built; on the public port they need
 * METRICS_TOKEN, and without it they are served only on METRICS_LISTEN, a port the operator keeps
 * inside (or not at all).
 */
export type MetricsAccess = { kind: 'TOKEN'; digest: Buffer } | { kind: 'CLOSED' };

export function metricsAccess(config: Pick<Config, 'METRICS_TOKEN'>): MetricsAccess {
  return config.METRICS_TOKEN ? { kind: 'TOKEN', digest: digestOf(config.METRICS_TOKEN) } : { kind: 'CLOSED' };
}

// Compared as digests: equal lengths for timingSafeEqual, and nothing learnt from how long a refusal takes.
const digestOf = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Whether a request's Authorization header carries the metrics token. */
export function mayReadMetrics(access: MetricsAccess, authorization: string | undefined): boolean {
  if (access.kind === 'CLOSED') return false;
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digestOf(given), access.digest);
}

/** GET /metrics on the main port: 404 when closed, 401 without the token. */
export function metricsRoute(metrics: Metrics, access: MetricsAccess) {
  return async (req: Request, res: Response): Promise<void> => {
    if (access.kind === 'CLOSED') return fail(res, 404, 'NOT_FOUND', 'Metrics are not served on this port');
    if (!mayReadMetrics(access, req.headers.authorization)) {
      res.set('www-authenticate', 'Bearer realm="metrics"');
      return fail(res, 401, 'UNAUTHENTICATED', 'Send Authorization: Bearer <METRICS_TOKEN>');
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/**
 * METRICS_LISTEN's own server, answering GET /metrics only. The token is asked here too when it is
 * set; without one the listener's address is the protection, so bind it to a private interface.
 */
export async function listenForMetrics(metrics: Metrics, access: MetricsAccess, where: { host: string; port: number }): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string) => void res.writeHead(status, { 'content-type': type }).end(body);
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return send(404, 'text/plain', 'Not found');
    if (access.kind === 'TOKEN' && !mayReadMetrics(access, req.headers.authorization)) return send(401, 'text/plain', 'Send Authorization: Bearer <METRICS_TOKEN>');
    metrics.registry.metrics().then(
      (text) => send(200, metrics.registry.contentType, text),
      () => send(500, 'text/plain', 'Could not collect the metrics'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => resolve());
  });
  return server;
}
