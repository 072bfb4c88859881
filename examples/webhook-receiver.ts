/**
 * A webhook receiver: an HTTP server that takes Parley's deliveries, checks each one's signature
 * (`Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the hook's
 * secret), refuses a bad or stale one with 401, and hands each verified event once to a callback.
 *
 * What it shows: verifying over the raw bytes (before any JSON parsing), in constant time, within
 * five minutes of the signed time so a captured request cannot be replayed later; dropping a
 * redelivery by its `Parley-Event-Id`; answering 5xx when the callback fails, so Parley retries;
 * and making the hook with the client (`createWebhook`, an administrator's key).
 *
 *   PORT=8787 PARLEY_WEBHOOK_SECRET=whsec_... node examples/dist/webhook-receiver.js
 * or, to make the hook too (its URL must reach this machine from the API):
 *   PARLEY_URL=http://localhost:4000 PARLEY_KEY=<an ADMIN key> PUBLIC_URL=https://hooks.example.com/parley node examples/dist/webhook-receiver.js
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateWebhookDocument, type InteractionEventType, ParleyClient } from '@parley/client';
import { required, runAsScript } from './script.js';

/** A delivery's body: an interaction event as the feed has it, or a test PING. */
export interface WebhookEvent {
  /** The event id, also sent as Parley-Event-Id: the same for every retry. */
  id: string;
  type: InteractionEventType | 'PING';
  cursor?: string;
  interactionId?: string;
  campaignId?: string;
  channel?: string;
  actorKind?: string;
  actorId?: string | null;
  data?: Record<string, unknown>;
  createdAt: string;
}

/** Whether `header` signs `rawBody` with `secret`, made within `toleranceSeconds` of `nowSeconds`. */
export function verifySignature(secret: string, rawBody: Buffer, header: string | undefined, nowSeconds: number, toleranceSeconds = 300): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const signedAt = Number(match[1]);
  if (Math.abs(nowSeconds - signedAt) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${signedAt}.`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

export interface ReceiverOptions {
  /** The hook's secret, or a function giving it (a hook made after the receiver started). */
  secret: string | (() => string | null);
  /** Each verified event, once; a throw answers 500 and Parley sends it again later. */
  onEvent: (event: WebhookEvent) => void | Promise<void>;
  port?: number;
  host?: string;
  toleranceSeconds?: number;
  /** Told of each refused request, with why. */
  onRefused?: (reason: string) => void;
}

export interface Receiver {
  /** Where Parley should send: http://<host>:<port>/parley. */
  readonly url: string;
  close(): Promise<void>;
}

/** Parley's bodies are small; anything larger is not Parley's. */
const MAX_BODY_BYTES = 1 << 20;
/** Event ids remembered to drop redeliveries: more than the retries of a day of a busy hook. */
const REMEMBERED = 50_000;

/** Starts the receiver on `port` (default: any free one). */
export async function startWebhookReceiver(options: ReceiverOptions): Promise<Receiver> {
  const { toleranceSeconds = 300, host = '127.0.0.1' } = options;
  const secret = typeof options.secret === 'function' ? options.secret : () => options.secret as string;
  const seen = new Set<string>();
  const server = http.createServer(async (req, res) => {
    const answer = (status: number, reason?: string) => {
      if (reason) options.onRefused?.(reason);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(reason ?? 'ok');
    };
    if (req.method !== 'POST' || req.url !== '/parley') return answer(404, 'Not here');
    const body = await readBody(req).catch(() => null);
    if (!body) return answer(413, 'Body too large');
    const key = secret();
    const signature = req.headers['parley-signature'];
    if (!key || !verifySignature(key, body, typeof signature === 'string' ? signature : undefined, Math.floor(Date.now() / 1000), toleranceSeconds)) {
      return answer(401, 'Bad signature');
    }
    let event: WebhookEvent;
    try {
      event = JSON.parse(body.toString('utf8')) as WebhookEvent;
    } catch {
      return answer(400, 'Not JSON');
    }
    // A retry of a delivery already handled (its answer was lost): acknowledged, not handled twice.
    if (seen.has(event.id)) return answer(200);
    try {
      await options.onEvent(event);
    } catch (err) {
      return answer(500, `Not handled: ${(err as Error).message}`);
    }
    seen.add(event.id);
    if (seen.size > REMEMBERED) seen.delete(seen.values().next().value!);
    answer(200);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/parley`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        return reject(new Error('too large'));
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Makes a hook sending to `url` the events of these campaigns (none: all the key reaches) and types (none: all); answers its secret, shown this once. */
export async function createWebhook(client: ParleyClient, input: { url: string; campaignIds?: string[]; eventTypes?: InteractionEventType[] }): Promise<{ id: string; secret: string }> {
  const { createWebhook: created } = await client.request(CreateWebhookDocument, { input });
  return { id: created.webhook.id, secret: created.secret };
}

runAsScript(import.meta.url, async () => {
  let secret = process.env.PARLEY_WEBHOOK_SECRET ?? null;
  const receiver = await startWebhookReceiver({
    port: Number(process.env.PORT ?? 8787),
    host: process.env.HOST ?? '0.0.0.0',
    secret: () => secret,
    onEvent: (event) => console.log(`${event.type} ${event.interactionId ?? ''} ${JSON.stringify(event.data ?? {})}`),
    onRefused: (reason) => console.warn(`refused: ${reason}`),
  });
  if (!secret) {
    const client = new ParleyClient({ url: process.env.PARLEY_URL ?? 'http://localhost:4000', token: required('PARLEY_KEY') });
    secret = (await createWebhook(client, { url: required('PUBLIC_URL') })).secret;
    await client.close();
  }
  console.log(`receiving on ${receiver.url}`);
  return { stop: () => receiver.close() };
});
