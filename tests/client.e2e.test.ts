/**
 * @parley/client against a real API. Its subscriptions resume where they left off when the socket
 * drops: every message and every feed event is delivered once, in order, and each re-subscription
 * asks for what follows the last item delivered, not for what the first subscription asked. Its
 * sends happen once when their answer is lost, and a refusal is never sent again. The faults are
 * real: the client reaches the API through a TCP proxy the test cuts or makes lose answers.
 */
import WebSocket from 'ws';
import { ClientClosedError, ErrorCode, isTransient, ParleyClient, ParleyError, type FeedEvent, type Message } from '@parley/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { ok } from './support/graphql.js';
import { startProxy, type TcpProxy } from './support/tcp-proxy.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let agent: Person;
let campaign: CampaignFixture;
/** Reads the feed and every chat of the campaign. */
let supervisorKey: string;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 20 });
  campaign = await createCampaign(api.url, admin);
  supervisorKey = await createApiKey(api.url, admin, ['SUPERVISE'], [campaign.id]);
});

afterAll(async () => {
  await api?.stop();
});

const take = (id: string) => ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent.token);
const say = (id: string, token: string, body: string, internal = false) => ok(api.url, POST, { input: { interactionId: id, body, internal } }, token);
/** What the API stored, as an administrator reads it. */
const stored = async (id: string) => (await ok(api.url, 'query($id: ID!) { messages(interactionId: $id, first: 500) { id sequence body visibility } }', { id }, admin)).messages as any[];

const FEED = `subscription($f: InteractionFeedFilter, $after: String, $since: DateTimeISO) {
  interactionEvents(filter: $f, after: $after, since: $since) { cursor type interactionId } }`;
const MESSAGES = 'subscription($id: ID!, $after: Int) { messageAdded(interactionId: $id, afterSequence: $after) { id sequence body } }';

/** Items seen more than once. */
const repeated = <T>(items: T[]) => items.filter((item, i) => items.indexOf(item) !== i);

describe('a resumed subscription', () => {
  it('delivers every message and every feed event exactly once, in order, across three drops of its socket, asking each time for what follows the last one delivered', async () => {
    const proxy = await startProxy(api.port);
    const filter = { campaignIds: [campaign.id], types: ['STARTED', 'TAKEN', 'TAGS_SET', 'MESSAGE_ADDED', 'CLOSED'] as const };
    const since = new Date().toISOString();
    const chat = await startWidgetChat(api.url, campaign.id);
    await take(chat.id);

    // The reference: a reader on a socket nobody cuts, from a moment before the chat began (so it
    // needs no signal that it is live). The chat's TAKEN is where everyone else starts.
    const direct = connect(api.wsUrl, supervisorKey);
    const reference = direct.subscribe<any>(FEED, { f: filter, since });
    const takenAt = (list: any[]) => list.find((e) => e.interactionEvents.interactionId === chat.id && e.interactionEvents.type === 'TAKEN');
    await reference.until((list) => takenAt(list) !== undefined);
    const start = takenAt(reference.events).interactionEvents.cursor as string;
    const firstSequence = ((await stored(chat.id)).at(-1)?.sequence ?? 0) as number;

    // The client under test, through the proxy; its sockets record what they send.
    const messages: Message[] = [];
    const events: FeedEvent[] = [];
    const subscribeFrames: { query: string; variables: any; lastSequence: number | undefined; lastCursor: string | undefined }[] = [];
    let sockets = 0;
    class RecordingWebSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets++;
      }
      override send(data: any, ...rest: any[]) {
        const frame = JSON.parse(String(data));
        if (frame.type === 'subscribe') subscribeFrames.push({ ...frame.payload, lastSequence: messages.at(-1)?.sequence, lastCursor: events.at(-1)?.cursor });
        (super.send as any)(data, ...rest);
      }
    }
    const client = new ParleyClient({ url: proxy.url, token: () => supervisorKey, webSocketImpl: RecordingWebSocket, reconnect: { baseDelayMs: 50, maxDelayMs: 200 } });
    const messageStream = client.messages(chat.id, { afterSequence: firstSequence, onData: (m) => messages.push(m) });
    const feed = client.events({ after: start, filter: { ...filter, types: [...filter.types] } });
    const reading = (async () => {
      for await (const event of feed) events.push(event);
    })();

    // What a client without resumption does: graphql-ws's retry sends the first variables again.
    const naive = connect(proxy.url.replace('http', 'ws') + '/graphql', supervisorKey, { retry: true });
    const naiveMessages = naive.subscribe<any>(MESSAGES, { id: chat.id, after: firstSequence });
    const naiveFeed = naive.subscribe<any>(FEED, { f: filter, after: start });

    const lastPublic = async () => (await stored(chat.id)).filter((m) => m.visibility === 'PUBLIC').at(-1).sequence as number;
    const caughtUp = async (lastEventOf: string) => {
      const sequence = await lastPublic();
      await vi.waitFor(() => {
        expect(messages.at(-1)?.sequence).toBe(sequence);
        expect(events.some((e) => e.interactionId === lastEventOf && e.type === 'TAKEN')).toBe(true);
      });
    };
    for (let round = 1; round <= 3; round++) {
      await say(chat.id, chat.visitorToken, `customer, round ${round}`);
      await say(chat.id, agent.token, `agent, round ${round}`);
      await say(chat.id, agent.token, `a note, round ${round}`, true);
      await ok(api.url, 'mutation($id: ID!, $t: [String!]!) { setTags(id: $id, tags: $t) { id } }', { id: chat.id, t: [`round-${round}`] }, agent.token);
      const other = await startWidgetChat(api.url, campaign.id);
      await take(other.id);
      await caughtUp(other.id);
      expect(proxy.cut()).toBeGreaterThan(0);
      // The chat and the feed move on while the socket is down.
      await say(chat.id, chat.visitorToken, `while away, round ${round}`);
      await take((await startWidgetChat(api.url, campaign.id)).id);
    }
    await say(chat.id, agent.token, 'the last word');
    // The agent closes it through the client too, signed in with a person's session token.
    const asAgent = new ParleyClient({ url: api.url, token: agent.token });
    expect((await asAgent.closeInteraction(chat.id)).phase).toBe('CLOSED');
    await asAgent.close();
    const closed = (list: any[]) => list.some((e) => e.interactionId === chat.id && e.type === 'CLOSED');
    const publicAfterStart = async () => (await stored(chat.id)).filter((m) => m.visibility === 'PUBLIC' && m.sequence > firstSequence);
    await vi.waitFor(async () => expect(messages.map((m) => m.id)).toEqual((await publicAfterStart()).map((m) => m.id)), { timeout: 10_000 });
    await vi.waitFor(() => expect(closed(events)).toBe(true), { timeout: 10_000 });
    await reference.until((list) => closed(list.map((e) => e.interactionEvents)), 10_000);
    await naiveMessages.until((list) => list.some((e) => e.messageAdded.body === 'the last word'), 10_000);
    await naiveFeed.until((list) => closed(list.map((e) => e.interactionEvents)), 10_000);

    // Every public message after the start, once, in order; no internal note (a key reads none).
    expect(messages.map((m) => m.id)).toEqual((await publicAfterStart()).map((m) => m.id));
    expect(messages.filter((m) => /round|the last word/.test(m.body))).toHaveLength(3 * 3 + 1);
    expect(messages.some((m) => m.body.startsWith('a note'))).toBe(false);
    // The feed, event for event, as the reader nobody cut got it.
    expect(events.map((e) => e.cursor)).toEqual(reference.events.map((e) => e.interactionEvents.cursor).filter((_, i, all) => i > all.indexOf(start)));

    // Three real drops: four sockets, each subscription sent four times.
    expect(sockets).toBe(4);
    const messageFrames = subscribeFrames.filter((f) => f.query.includes('messageAdded'));
    const feedFrames = subscribeFrames.filter((f) => f.query.includes('interactionEvents'));
    expect(messageFrames).toHaveLength(4);
    expect(feedFrames).toHaveLength(4);
    // The first asks for what follows the start; each later one for what follows the last delivered.
    expect(messageFrames[0]!.variables.afterSequence).toBe(firstSequence);
    expect(feedFrames[0]!.variables.after).toBe(start);
    for (const frame of messageFrames.slice(1)) expect(frame.variables.afterSequence).toBe(frame.lastSequence);
    for (const frame of feedFrames.slice(1)) expect([frame.variables.after, frame.variables.since]).toEqual([frame.lastCursor, undefined]);
    const resumedFrom = messageFrames.map((f) => f.variables.afterSequence as number);
    expect([...resumedFrom].sort((a, b) => a - b)).toEqual(resumedFrom);
    expect(new Set(resumedFrom).size).toBe(4);
    expect(new Set(feedFrames.map((f) => f.variables.after)).size).toBe(4);

    // Without it, the same drops repeat what was already delivered.
    expect(repeated(naiveMessages.events.map((e) => e.messageAdded.sequence)).length).toBeGreaterThan(0);
    expect(repeated(naiveFeed.events.map((e) => e.interactionEvents.cursor)).length).toBeGreaterThan(0);

    messageStream.stop();
    feed.stop();
    await Promise.all([messageStream.done, feed.done, reading]);
    await Promise.all([client.close(), naive.dispose(), direct.dispose(), proxy.close()]);
  });

  it('from now, resumes a feed that dropped before its first event from the moment it was asked for', async () => {
    const proxy = await startProxy(api.port);
    const frames: any[] = [];
    class RecordingWebSocket extends WebSocket {
      override send(data: any, ...rest: any[]) {
        const frame = JSON.parse(String(data));
        if (frame.type === 'subscribe') frames.push(frame.payload.variables);
        (super.send as any)(data, ...rest);
      }
    }
    // A slow reconnection: the chat below starts while the socket is down.
    const client = new ParleyClient({ url: proxy.url, token: supervisorKey, webSocketImpl: RecordingWebSocket, reconnect: { baseDelayMs: 1_000, maxDelayMs: 1_000 } });
    const events: FeedEvent[] = [];
    const feed = client.events({ filter: { campaignIds: [campaign.id], types: ['STARTED'] }, onData: (e) => events.push(e) });
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    expect(proxy.cut()).toBe(1);
    const chat = await startWidgetChat(api.url, campaign.id);
    await vi.waitFor(() => expect(events.map((e) => e.interactionId)).toContain(chat.id), { timeout: 10_000 });
    expect(frames).toHaveLength(2);
    expect(frames[0].since).toBeUndefined();
    expect(Date.parse(frames[1].since)).toBeLessThanOrEqual(Date.now());
    expect(frames[1].after).toBeUndefined();
    feed.stop();
    await Promise.all([client.close(), proxy.close()]);
  });

  it('fails with the server’s code when the caller may not read it, and is not sent again', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    let sockets = 0;
    class CountingWebSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets++;
      }
    }
    const visitor = new ParleyClient({ url: api.url, token: chat.visitorToken, webSocketImpl: CountingWebSocket });
    const feed = visitor.events();
    const failure = await feed.done.then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ParleyError);
    expect((failure as ParleyError).codes).toEqual([ErrorCode.FORBIDDEN]);
    // A refusal ends iteration too.
    await expect(
      (async () => {
        for await (const _ of feed) break;
      })(),
    ).rejects.toBe(failure);
    expect(sockets).toBe(1);
    await visitor.close();
  });

  it('from now, delivers what follows the moment it starts, and nothing before it', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    await say(chat.id, chat.visitorToken, 'before');
    // The stream starts once it has read where the interaction stands: the test waits for that read's answer.
    let started!: () => void;
    const pinned = new Promise<void>((resolve) => (started = resolve));
    const client = new ParleyClient({
      url: api.url,
      token: chat.visitorToken,
      fetch: async (input, init) => {
        const answer = await fetch(input, init);
        if (String(init?.body).includes('query interaction(')) started();
        return answer;
      },
    });
    const seen: string[] = [];
    client.messages(chat.id, { onData: (m) => seen.push(m.body) });
    await pinned;
    await say(chat.id, chat.visitorToken, 'after');
    await vi.waitFor(() => expect(seen).toEqual(['after']));
    await client.close();
  });

  it('ends every stream when the client is closed', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const client = new ParleyClient({ url: api.url, token: chat.visitorToken });
    const seen: string[] = [];
    const stream = client.messages(chat.id, { afterSequence: 0 });
    const reading = (async () => {
      for await (const m of stream) seen.push(m.body);
    })();
    await client.postMessage({ interactionId: chat.id, body: 'before closing' });
    await vi.waitFor(() => expect(seen).toContain('before closing'));
    await client.close();
    await reading;
    await expect(stream.done).resolves.toBeUndefined();
    await expect(client.postMessage({ interactionId: chat.id, body: 'after closing' })).rejects.toBeInstanceOf(ClientClosedError);
  });
  it('closes cleanly while it cannot reach the server', async () => {
    const gone = await startProxy(api.port);
    await gone.close();
    let refused!: () => void;
    const triedOnce = new Promise<void>((resolve) => (refused = resolve));
    const client = new ParleyClient({ url: gone.url, token: supervisorKey, reconnect: { baseDelayMs: 1_000, maxDelayMs: 1_000 }, on: { closed: () => refused() } });
    const feed = client.events();
    await triedOnce;
    // Once graphql-ws has taken the refusal in, it waits to try again: closed meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    await expect(client.close()).resolves.toBeUndefined();
    await expect(feed.done).resolves.toBeUndefined();
  });
});

describe('postMessage', () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startProxy(api.port);
  });
  afterAll(async () => {
    await proxy?.close();
  });

  /** A client through the proxy whose fetch records every request's variables. */
  function clientWithLog(token: string) {
    const sent: any[] = [];
    const client = new ParleyClient({
      url: proxy.url,
      token,
      timeoutMs: 1_000,
      retry: { baseDelayMs: 20, maxDelayMs: 100 },
      fetch: async (input, init) => {
        sent.push(JSON.parse(String(init?.body)).variables);
        return fetch(input, init);
      },
    });
    return { client, sent };
  }

  const faults: [string, (p: TcpProxy) => void][] = [
    ['its answer is lost on the way back', (p) => p.loseAnswers(1)],
    ['no answer comes in time', (p) => p.withholdAnswers(1)],
    ['the server is unavailable (503)', (p) => p.refuse(1)],
  ];
  it.each(faults)('stores one message when %s, sent again with the same clientMessageId', async (_, fault) => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const { client, sent } = clientWithLog(chat.visitorToken);
    fault(proxy);
    const body = `once, whatever happens ${Math.random()}`;
    const message = await client.postMessage({ interactionId: chat.id, body });

    expect(sent).toHaveLength(2);
    expect(sent[0].input.clientMessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1].input.clientMessageId).toBe(sent[0].input.clientMessageId);
    expect(message.clientMessageId).toBe(sent[0].input.clientMessageId);
    expect((await stored(chat.id)).filter((m) => m.body === body).map((m) => m.id)).toEqual([message.id]);
    await client.close();
  });

  it('keeps the clientMessageId it is given', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const { client } = clientWithLog(chat.visitorToken);
    const first = await client.postMessage({ interactionId: chat.id, body: 'mine', clientMessageId: 'order-42' });
    const again = await client.postMessage({ interactionId: chat.id, body: 'mine', clientMessageId: 'order-42' });
    expect(again).toEqual(first);
    expect((await stored(chat.id)).filter((m) => m.body === 'mine')).toHaveLength(1);
    await client.close();
  });

  it('never sends an answer with errors again, and shows each error’s code', async () => {
    const chat = await startWidgetChat(api.url, campaign.id);
    const { client, sent } = clientWithLog(chat.visitorToken);
    const refusal = await client.postMessage({ interactionId: chat.id, body: '   ' }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(ParleyError);
    expect((refusal as ParleyError).codes).toEqual(['BAD_USER_INPUT']);
    const other = await startWidgetChat(api.url, campaign.id);
    const elsewhere = await client.postMessage({ interactionId: other.id, body: 'not my chat' }).catch((err: unknown) => err);
    expect((elsewhere as ParleyError).code).toBe(ErrorCode.NOT_FOUND);
    expect(isTransient(elsewhere)).toBe(false);
    // An answer with errors is the server's word even with a 5xx status (a refusal may come with a 500).
    proxy.refuse(1, { status: 500, body: JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }) });
    const failed = await client.postMessage({ interactionId: chat.id, body: 'met a failure' }).catch((err: unknown) => err);
    expect([(failed as ParleyError).codes, (failed as ParleyError).status]).toEqual([['INTERNAL_SERVER_ERROR'], 500]);
    expect(sent).toHaveLength(3);
    await client.close();
  });
});
