/**
 * Side doors of the API, each closed and proven through the public HTTP and WebSocket API:
 * - the CSV report writes a cell a spreadsheet would run as a formula as plain text;
 * - webhooks never reach loopback, private, link-local, carrier-grade NAT or metadata addresses:
 *   such a URL is refused when the hook is made, and a name that resolves inside is refused at
 *   delivery, logged as failed with the reason, and nothing is sent (WEBHOOK_ALLOW_PRIVATE off);
 * - the NUL character and over-long text, in any input and from anyone, anonymous callers
 *   included, are BAD_USER_INPUT and never a server error; a request's variables over their
 *   limit are refused like an over-long document, over HTTP and WebSocket alike;
 * - an upload's token is checked before its body is read, a closed chat takes no uploads, and
 *   file names lose control and reordering characters;
 * - /metrics answers only with METRICS_TOKEN, and without one only on METRICS_LISTEN;
 * - the app's pages may be framed by the app only, the widget's frame page by any site;
 * - the new settings are validated at start like the others.
 * Two API processes: one as the other tests run it, and one with private webhook targets refused
 * and no metrics token, on a database of its own (its job queue must not send other files' hooks).
 */
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, METRICS_TOKEN, startApi } from './support/api.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, PNG_1PX, POST, startWidgetChat, uploadFile } from './support/world.js';

let api: ApiProcess;
let admin: string;
let campaign: CampaignFixture;

/** WEBHOOK_ALLOW_PRIVATE=0, no METRICS_TOKEN, metrics on their own port. */
let guarded: ApiProcess;
let guardedAdmin: string;
let guardedDatabase: { name: string; url: string };
let metricsPort: number;

beforeAll(async () => {
  metricsPort = await freePort();
  guardedDatabase = await createTestDatabase();
  [api, guarded] = await Promise.all([
    startApi(),
    startApi({
      DATABASE_URL: guardedDatabase.url,
      WEBHOOK_ALLOW_PRIVATE: '0',
      METRICS_TOKEN: '',
      METRICS_LISTEN: `127.0.0.1:${metricsPort}`,
      JOB_POLL_SECONDS: '0.5',
    }),
  ]);
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin);
  guardedAdmin = await adminToken(guarded.url);
});

afterAll(async () => {
  await Promise.all([api?.stop(), guarded?.stop()]);
  if (guardedDatabase) await dropTestDatabase(guardedDatabase.name);
});

// The machine's own name resolves to one of its addresses (loopback, or a container's private
// address) almost everywhere; where it does not, there is no name to prove the delivery check with.
const ownName = os.hostname();
const ownNameIsInside = (await lookup(ownName, { all: true }).catch(() => [])).some((a) => /^(127\.|10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.|::1$|f[cd])/.test(a.address));

const CLOSE = 'mutation($ids: [ID!]!) { closeInteractions(ids: $ids, result: SUCCESS) { id phase } }';
const START = 'mutation($input: StartInteractionInput!) { startInteraction(input: $input) { visitorToken interaction { id } } }';
const OFFLINE = 'mutation($input: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $input) { id } }';
const CREATE_HOOK = 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One operation over a graphql-ws socket: its data, or the errors it was refused with. */
async function overSocket(query: string, variables: Record<string, unknown>, token: string | null = null): Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const socket = connect(api.wsUrl, token);
  try {
    const sub = socket.subscribe(query, variables);
    await sub.until((events) => events.length > 0 || sub.completed, 5000).catch(() => undefined);
    if (sub.errors.length) return { errors: sub.errors.flat() as never };
    return { data: sub.events[0] };
  } finally {
    await socket.dispose();
  }
}

describe('the conversations report', () => {
  it('writes a contact named like a formula as text a spreadsheet will not run', async () => {
    const chat = await startWidgetChat(api.url, campaign.id, '=HYPERLINK("http://x")');
    await ok(api.url, CLOSE, { ids: [chat.id] }, admin);
    const res = await fetch(`${api.url}/reports/conversations.csv?campaignId=${campaign.id}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const line = (await res.text()).split(/\r?\n/).find((l) => l.startsWith(`${chat.protocol},`));
    // The apostrophe first, then the CSV quoting as for any cell holding quotes.
    expect(line).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(line).not.toMatch(/,"?=HYPERLINK/);
  });
});

describe('webhooks', () => {
  it('refuse URLs to loopback, private, link-local, unspecified, carrier-grade NAT and metadata addresses', async () => {
    const closed = [
      'http://127.0.0.1:8080/hook',
      'http://2130706433/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://10.0.0.5/hook',
      'http://172.20.1.1/hook',
      'https://192.168.1.10/hook',
      'http://[fd00::1]/hook',
      'http://169.254.10.10/hook',
      'http://[fe80::1]/hook',
      'http://0.0.0.0/hook',
      'http://100.64.0.1/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
    ];
    for (const url of closed) {
      const message = expectCode(await gql(guarded.url, CREATE_HOOK, { i: { url } }, guardedAdmin), 'BAD_USER_INPUT');
      expect([url, message]).toEqual([url, expect.stringMatching(/^The URL's host is (a|an|the) [\w -]+: hooks go to receivers on the internet$/)]);
    }
    // A public receiver is taken (and removed again: nothing is to be sent to it from this test).
    const hook = (await ok(guarded.url, CREATE_HOOK, { i: { url: 'https://hooks.example.com/parley' } }, guardedAdmin)).createWebhook.webhook;
    await ok(guarded.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: hook.id }, guardedAdmin);
  });

  it.skipIf(!ownNameIsInside)('check the address again at delivery: a name that resolves inside fails, logged with the reason, and nothing is sent', async () => {
    let requests = 0;
    const receiver = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '0.0.0.0', resolve));
    try {
      const url = `http://${ownName}:${(receiver.address() as AddressInfo).port}/hooks`;
      const hook = (await ok(guarded.url, CREATE_HOOK, { i: { url } }, guardedAdmin)).createWebhook.webhook;
      const guardedCampaign = await createCampaign(guarded.url, guardedAdmin);
      await startWidgetChat(guarded.url, guardedCampaign.id);
      const DELIVERIES = 'query($id: ID!) { webhookDeliveries(webhookId: $id) { status attempts lastError } }';
      const deliveries = await vi.waitFor(
        async () => {
          const found = (await ok(guarded.url, DELIVERIES, { id: hook.id }, guardedAdmin)).webhookDeliveries;
          if (found.length === 0 || found.some((d: any) => d.attempts === 0)) throw new Error('not tried yet');
          return found;
        },
        { timeout: 15_000, interval: 200 },
      );
      for (const delivery of deliveries) {
        expect(delivery).toEqual({
          status: 'FAILED',
          attempts: 1,
          lastError: expect.stringMatching(new RegExp(`^Refused: ${ownName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} resolves to [\\w.:]+, (a loopback|a private) address$`)),
        });
      }
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});

describe('text input', () => {
  it('the NUL character is BAD_USER_INPUT wherever it is, from anyone', async () => {
    const start = (input: Record<string, unknown>) => ({ input: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Ana' }, ...input } });
    const anonymous = [
      start({ contact: { name: 'A\u0000na' } }),
      start({ contact: { email: 'ana\u0000@example.com' } }),
      start({ contact: { phone: '+351\u0000912' } }),
      start({ country: 'P\u0000T' }),
      start({ language: 'p\u0000t' }),
      start({ returningVisitorToken: 'pvt_\u0000' }),
    ];
    for (const variables of anonymous) expectCode(await gql(api.url, START, variables), 'BAD_USER_INPUT');
    for (const field of ['body', 'name', 'email', 'phone', 'language']) {
      const input = { campaignId: campaign.id, body: 'Call me', email: 'ana@example.com', [field]: field === 'email' ? 'ana\u0000@example.com' : 'x\u0000y' };
      expectCode(await gql(api.url, OFFLINE, { input }), 'BAD_USER_INPUT');
    }
    const chat = await startWidgetChat(api.url, campaign.id);
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'a\u0000b' } }, chat.visitorToken), 'BAD_USER_INPUT');
    // These reached the database before: a server error each.
    expectCode(await gql(api.url, 'mutation($n: String!) { createCampaign(input: { name: $n }) { id } }', { n: 'a\u0000' }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, 'mutation { createCampaign(input: { name: "a\\u0000" }) { id } }', {}, admin), 'BAD_USER_INPUT');
    const person = { email: 'nul@tests.parley.dev', name: 'N\u0000', password: 'a-good-test-password', role: 'AGENT' };
    expectCode(await gql(api.url, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: person }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, 'mutation($id: ID!, $to: String) { sendTranscript(interactionId: $id, to: $to) { to } }', { id: chat.id, to: 'a\u0000@example.com' }, admin), 'BAD_USER_INPUT');
  });

  it('the NUL character is BAD_USER_INPUT over the WebSocket too', async () => {
    const refused = await overSocket(START, { input: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'A\u0000na' } } });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('over-long text is BAD_USER_INPUT, and nothing is stored', async () => {
    const long = 'x'.repeat(5000);
    expectCode(await gql(api.url, START, { input: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'Ana' }, country: long } }), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, OFFLINE, { input: { campaignId: campaign.id, body: 'Call me', phone: `+351${'1'.repeat(5000)}` } }), 'BAD_USER_INPUT');
    const name = `Long ${long}`;
    expectCode(await gql(api.url, 'mutation($n: String!) { createCampaign(input: { name: $n }) { id } }', { n: name }, admin), 'BAD_USER_INPUT');
    const person = { email: 'long@tests.parley.dev', name, password: 'a-good-test-password', role: 'AGENT' };
    expectCode(await gql(api.url, 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: person }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, CREATE_HOOK, { i: { url: `https://hooks.example.com/${long}` } }, admin), 'BAD_USER_INPUT');
    const campaigns = (await ok(api.url, '{ campaigns { name } }', {}, admin)).campaigns.map((c: any) => c.name);
    expect(campaigns).not.toContain(name);
    // Text as long as its input takes still goes through.
    const chat = await startWidgetChat(api.url, campaign.id);
    expect((await ok(api.url, POST, { input: { interactionId: chat.id, body: 'y'.repeat(10_000) } }, chat.visitorToken)).postMessage.body).toHaveLength(10_000);
  });

  it('request variables are capped like documents, over HTTP and WebSocket', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const variables = { input: { interactionId: chat.id, body: 'z'.repeat(140_000) } };
    const overHttp = await gql(api.url, POST, variables, chat.visitorToken);
    expect(overHttp.status).toBe(413);
    expect(expectCode(overHttp, 'QUERY_TOO_COMPLEX')).toMatch(/^The variables have \d+ bytes; the limit is 131072$/);
    const overSocketRefusal = await overSocket(POST, variables, chat.visitorToken);
    expect(overSocketRefusal.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['QUERY_TOO_COMPLEX', expect.stringMatching(/^The variables have \d+ bytes; the limit is 131072$/)]]);
    const messages = (await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: chat.id }, chat.visitorToken)).messages;
    expect(messages.some((m: any) => m.body.startsWith('zzz'))).toBe(false);
  });
});

describe('uploads', () => {
  it('a bad token is refused at once, before the body is read', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${api.url}/uploads`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(5 * 1024 * 1024), authorization: 'Bearer pvt_not-a-token' },
      });
      // A 5 MB body of which 64 KiB ever arrive: an answer can only come before the body is read.
      req.write(Buffer.alloc(64 * 1024));
      const timer = setTimeout(() => reject(new Error('no answer before the body ended')), 5000);
      req.on('response', (res) => {
        clearTimeout(timer);
        resolve(res.statusCode!);
        res.resume();
        req.destroy();
      });
      req.on('error', () => undefined);
    });
    expect(status).toBe(401);
  });

  it('a closed chat takes no uploads, and none of its uploads is attached afterwards', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const before = await uploadFile(api.url, chat.visitorToken, PNG_1PX, 'before.png');
    expect(before.status).toBe(201);
    await ok(api.url, CLOSE, { ids: [chat.id] }, admin);
    const after = await uploadFile(api.url, chat.visitorToken, PNG_1PX, 'after.png');
    expect([after.status, after.body.errors[0].extensions.code]).toEqual([409, 'CONFLICT']);
    const attach = await gql(api.url, POST, { input: { interactionId: chat.id, body: 'late', attachmentIds: [before.body.id] } }, chat.visitorToken);
    expectCode(attach, 'CONFLICT');
  });

  it('file names lose control characters and the marks that reorder text', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    // Shown as "invoiceexe.png" if the override stayed.
    const stored = await uploadFile(api.url, chat.visitorToken, PNG_1PX, 'in\u0007voice\u202Egnp\u200F.exe\u0085');
    expect(stored.status).toBe(201);
    expect(stored.body.name).toBe('invoicegnp.exe');
  });
});

describe('/metrics', () => {
  it('answers only with Authorization: Bearer METRICS_TOKEN', async () => {
    const scrape = (authorization?: string) => fetch(`${api.url}/metrics`, { headers: authorization ? { authorization } : {} });
    const without = await scrape();
    expect([without.status, without.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="metrics"']);
    expect((await scrape('Bearer not-the-metrics-token')).status).toBe(401);
    const allowed = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/process_cpu_user_seconds_total/);
  });

  it('without a token is not served on the public port, only on METRICS_LISTEN', async () => {
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(404);
    const own = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(own.status).toBe(200);
    expect(await own.text()).toMatch(/parley_websocket_connections/);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
  });
});

describe('framing', () => {
  it("the app's pages may be framed by the app only, the widget's frame page by any site", async () => {
    for (const page of ['/', '/inbox', '/demo?campaign=x', '/explorer']) {
      const res = await fetch(`${api.url}${page}`);
      expect([page, res.headers.get('content-security-policy'), res.headers.get('x-frame-options')]).toEqual([page, "frame-ancestors 'self'", 'SAMEORIGIN']);
    }
    for (const page of [`/widget?campaign=${campaign.id}`, '/widget.html']) {
      const res = await fetch(`${api.url}${page}`);
      expect(res.status).toBe(200);
      expect([page, res.headers.get('content-security-policy'), res.headers.get('x-frame-options')]).toEqual([page, null, null]);
    }
  });
});

describe('configuration', () => {
  it('refuses a short metrics token, a metrics address without a port, an unknown switch and a tiny variables limit', () => {
    const run = spawnSync(process.execPath, [path.resolve(__dirname, '..', 'api', 'dist', 'main.js')], {
      env: { PATH: process.env.PATH, METRICS_TOKEN: 'short', METRICS_LISTEN: 'localhost', WEBHOOK_ALLOW_PRIVATE: 'maybe', MAX_VARIABLES_BYTES: '10' },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(run.status).toBe(2);
    for (const name of ['METRICS_TOKEN', 'METRICS_LISTEN', 'WEBHOOK_ALLOW_PRIVATE', 'MAX_VARIABLES_BYTES']) expect(run.stderr).toContain(`${name}:`);
  });
});
