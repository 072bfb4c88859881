/**
 * Uploads and downloads: the type read from the content, recordings measured on the server, files
 * attached to messages only by their uploader, downloads checked against the caller (visitors too)
 * and served so that nothing in them can run in Parley's origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTestDatabase } from './support/database.js';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, PNG_1PX, POST, startWidgetChat, uploadFile } from './support/world.js';

const PNG = PNG_1PX;

/** A real WAV file of silence: 8 kHz, 8-bit mono. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const data = Math.round(seconds * rate);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(data, 40);
  return Buffer.concat([header, Buffer.alloc(data, 128)]);
}

let api: ApiProcess;
let admin: string;
let agent: Person;
let stranger: Person;
let campaign: CampaignFixture;

beforeAll(async () => {
  api = await startApi({ UPLOAD_MAX_BYTES: String(6 * 1024 * 1024), UPLOAD_MAX_PER_MESSAGE: '2' });
  admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT');
  stranger = await createPerson(api.url, admin, 'AGENT');
  campaign = await createCampaign(api.url, admin);
});

afterAll(async () => {
  await api?.stop();
});

const upload = (token: string | null, bytes: Buffer, name: string, type?: string) => uploadFile(api.url, token, bytes, name, type);

const MESSAGES = 'query($id: ID!) { messages(interactionId: $id) { body attachments { id name mime size durationSeconds url } } }';

describe('uploads', () => {
  it('read the type from the content, measure recordings, and refuse what could run or is too long or too big', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const png = await upload(chat.visitorToken, PNG, 'photo.jpg');
    expect(png).toMatchObject({ status: 201, body: { name: 'photo.jpg', mime: 'image/png', size: PNG.length } });
    const voice = await upload(chat.visitorToken, wav(2), 'voice.wav');
    expect(voice.status).toBe(201);
    expect(voice.body.mime).toMatch(/^audio\/(x-)?wav$/);
    expect(voice.body.durationSeconds).toBeCloseTo(2, 0);
    expect(await upload(chat.visitorToken, wav(601), 'long.wav')).toMatchObject({ status: 400, body: { errors: [{ message: 'Audio and video messages last at most 10 minutes' }] } });
    expect((await upload(chat.visitorToken, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0)]), 'tool.exe')).status).toBe(415);
    expect((await upload(chat.visitorToken, Buffer.alloc(7 * 1024 * 1024, 65), 'big.txt')).status).toBe(413);
    // A form post, which any site could make in a user's name, is refused; so is a caller without a token.
    expect((await upload(chat.visitorToken, PNG, 'x.png', 'text/plain')).status).toBe(415);
    expect((await upload(null, PNG, 'x.png')).status).toBe(401);
  });

  it('are named in the message’s event on the feed, and a message without files names none', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const ws = connect(api.wsUrl, admin);
    const feed = ws.subscribe<any>('subscription($f: InteractionFeedFilter) { interactionEvents(filter: $f) { interactionId data } }', {
      f: { campaignIds: [campaign.id], types: ['MESSAGE_ADDED'] },
    });
    await new Promise((r) => setTimeout(r, 300));
    const png = (await upload(chat.visitorToken, PNG, 'photo.png')).body;
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'with a file', attachmentIds: [png.id] } }, chat.visitorToken);
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'plain' } }, chat.visitorToken);
    const sent = () => feed.events.map((e) => e.interactionEvents).filter((e) => e.interactionId === chat.id && ['with a file', 'plain'].includes(e.data.body));
    await feed.until(() => sent().length >= 2);
    expect(sent().map((e) => [e.data.body, e.data.attachments])).toEqual([
      ['with a file', [{ id: png.id, name: 'photo.png', mimeType: 'image/png', size: PNG.length }]],
      ['plain', []],
    ]);
    await ws.dispose();
  });

  it('attach only the author’s own files, and serve them to those who may see the message, never so they could run', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const otherChat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    const png = (await upload(chat.visitorToken, PNG, 'photo.png')).body;
    const page = (await upload(chat.visitorToken, Buffer.from('<html><script>alert(document.cookie)</script></html>'), 'page.png')).body;
    expect(page.mime).toBe('text/plain');
    const foreign = (await upload(otherChat.visitorToken, PNG, 'theirs.png')).body;

    // Someone else's file, or too many, sends nothing.
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'look', attachmentIds: [foreign.id] } }, chat.visitorToken), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'look', attachmentIds: [png.id, page.id, foreign.id] } }, chat.visitorToken), 'BAD_USER_INPUT');
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'look', attachmentIds: [png.id, page.id] } }, chat.visitorToken);
    const messages = (await ok(api.url, MESSAGES, { id: chat.id }, agent.token)).messages;
    expect(messages.filter((m: any) => m.body === 'look')).toHaveLength(1);
    const [image, text] = messages.find((m: any) => m.body === 'look').attachments;
    expect(image).toMatchObject({ id: png.id, name: 'photo.png', mime: 'image/png' });
    // Sent once, a file cannot be sent again.
    expectCode(await gql(api.url, POST, { input: { interactionId: chat.id, body: 'again', attachmentIds: [png.id] } }, chat.visitorToken), 'BAD_USER_INPUT');

    const shown = await fetch(`${api.url}${image.url}`);
    expect(shown.status).toBe(200);
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(PNG);
    expect(shown.headers.get('content-type')).toBe('image/png');
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(shown.headers.get('content-security-policy')).toContain('sandbox');
    const script = await fetch(`${api.url}${text.url}`);
    expect(script.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(script.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await fetch(`${api.url}${image.url.replace(/signature=[^&]+/, 'signature=forged')}`)).status).toBe(403);
    expect((await fetch(`${api.url}/files/${png.id}?expires=1&signature=x`)).status).toBe(403);

    // With a token, the caller is checked: the agent and the customer yes, another agent or customer no.
    const get = (token: string) => fetch(`${api.url}/files/${png.id}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await get(agent.token)).toBe(200);
    expect(await get(chat.visitorToken)).toBe(200);
    expect(await get(stranger.token)).toBe(404);
    expect(await get(otherChat.visitorToken)).toBe(404);
    expect((await fetch(`${api.url}/files/${png.id}`)).status).toBe(401);
  });

  it('keep files of internal messages from the customer', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    const file = (await upload(agent.token, PNG, 'internal.png')).body;
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'for supervisors', internal: true, attachmentIds: [file.id] } }, agent.token);
    const get = (token: string) => fetch(`${api.url}/files/${file.id}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await get(agent.token)).toBe(200);
    expect(await get(chat.visitorToken)).toBe(404);
  });
});

describe('uploads in an S3-compatible store', () => {
  it('keep the bytes in the store, not in PostgreSQL, and serve them the same way', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-s3-'));
    const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'parley-files' }] });
    const { port } = await s3.run();
    const stored = await startApi({
      FILE_STORE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'parley-files',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    try {
      const chat = await startWidgetChat(stored.url, campaign.id);
      const { status, body: file } = await uploadFile(stored.url, chat.visitorToken, PNG, 'photo.png');
      expect(status).toBe(201);
      const [row] = await queryTestDatabase<{ in_db: boolean }>('select data is not null as in_db from files where id = $1', [file.id]);
      expect(row).toEqual({ in_db: false });
      await ok(stored.url, POST, { input: { interactionId: chat.id, body: 'from S3', attachmentIds: [file.id] } }, chat.visitorToken);
      const got = await fetch(`${stored.url}/files/${file.id}`, { headers: { authorization: `Bearer ${chat.visitorToken}` } });
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer())).toEqual(PNG);
    } finally {
      await stored.stop();
      await s3.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
