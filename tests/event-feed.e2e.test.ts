/**
 * interactionEvents: the integrators' feed of interaction events, filtered by campaign, channel and
 * type, resumable after a cursor with nothing lost or repeated, whichever process wrote the events.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

let a: ApiProcess;
let b: ApiProcess;
let admin: string;
let agent: Person;
let campaign: CampaignFixture;
let other: CampaignFixture;
let key: string;

const FEED = `subscription($f: InteractionFeedFilter, $after: String) {
  interactionEvents(filter: $f, after: $after) { cursor type interactionId campaignId channel actorKind data } }`;

beforeAll(async () => {
  [a, b] = await Promise.all([startApi(), startApi()]);
  admin = await adminToken(a.url);
  agent = await createPerson(a.url, admin, 'AGENT');
  campaign = await createCampaign(a.url, admin);
  other = await createCampaign(a.url, admin);
  key = await createApiKey(a.url, admin, ['SUPERVISE'], [campaign.id]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const take = (url: string, id: string) => ok(url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent.token);
const close = (url: string, id: string) => ok(url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id }, agent.token);

describe('interactionEvents', () => {
  it('streams the events of its campaigns in order, from both processes, and resumes after a cursor with none lost or repeated', async () => {
    const ws = connect(a.wsUrl, key);
    const sub = ws.subscribe<any>(FEED, {});
    await new Promise((r) => setTimeout(r, 300));
    const first = await startWidgetChat(b.url, campaign.id);
    await startWidgetChat(b.url, other.id); // another campaign: not this key's
    await take(a.url, first.id);
    const mine = (events: any[]) => events.map((e) => e.interactionEvents).filter((e) => e.interactionId === first.id);
    await sub.until((e) => mine(e).length >= 2);
    expect(mine(sub.events).map((e) => e.type)).toEqual(['STARTED', 'TAKEN']);
    expect(sub.events.every((e) => e.interactionEvents.campaignId === campaign.id)).toBe(true);
    expect(mine(sub.events)[1].data).toMatchObject({ agentId: agent.id });
    const cursor = sub.events.at(-1).interactionEvents.cursor;
    await ws.dispose();

    // While nobody listens: more happens, on both processes.
    await close(b.url, first.id);
    const second = await startWidgetChat(a.url, campaign.id);
    await take(b.url, second.id);

    const again = connect(b.wsUrl, key);
    const resumed = again.subscribe<any>(FEED, { after: cursor });
    const types = (events: any[]) => events.map((e) => `${e.interactionEvents.interactionId === first.id ? 'first' : 'second'}:${e.interactionEvents.type}`);
    await resumed.until((e) => e.length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(types(resumed.events)).toEqual(['first:CLOSED', 'second:STARTED', 'second:TAKEN']);
    const cursors = resumed.events.map((e) => e.interactionEvents.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    await again.dispose();
  });

  it('carries public messages to a reader that names MESSAGE_ADDED, resumed across a drop with none lost or repeated', async () => {
    const chat = await startWidgetChat(a.url, campaign.id);
    await take(a.url, chat.id);
    const filter = { f: { types: ['MESSAGE_ADDED'], campaignIds: [campaign.id] } };
    const ws = connect(a.wsUrl, key);
    const sub = ws.subscribe<any>(FEED, filter);
    // A reader of the chat's life, naming no type, hears no message.
    const life = connect(b.wsUrl, key);
    const lifeSub = life.subscribe<any>(FEED, { f: { campaignIds: [campaign.id] } });
    await new Promise((r) => setTimeout(r, 300));
    const say = (url: string, token: string, body: string, internal = false) => ok(url, POST, { input: { interactionId: chat.id, body, internal } }, token);
    await say(a.url, chat.visitorToken, 'one');
    await say(b.url, agent.token, 'two');
    await say(a.url, agent.token, 'between us', true);
    const mine = (events: any[]) => events.map((e) => e.interactionEvents).filter((e) => e.interactionId === chat.id);
    await sub.until((e) => mine(e).length >= 2);
    const [one, two] = mine(sub.events);
    expect([one.type, one.actorKind, two.actorKind]).toEqual(['MESSAGE_ADDED', 'CONTACT', 'USER']);
    expect(one.data).toMatchObject({ body: 'one', author: { kind: 'CONTACT' }, attachments: [] });
    expect(two.data).toMatchObject({ body: 'two', author: { kind: 'AGENT', id: agent.id } });
    expect(two.data.sequence).toBe(one.data.sequence + 1);
    const cursor = two.cursor;
    await ws.dispose();

    await say(b.url, chat.visitorToken, 'three');
    await say(a.url, agent.token, 'four');
    const again = connect(b.wsUrl, key);
    const resumed = again.subscribe<any>(FEED, { ...filter, after: cursor });
    await resumed.until((e) => mine(e).length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(mine(resumed.events).map((e) => e.data.body)).toEqual(['three', 'four']);
    expect(mine(lifeSub.events).filter((e) => e.type === 'MESSAGE_ADDED')).toEqual([]);
    expect(
      mine(sub.events)
        .concat(mine(resumed.events))
        .map((e) => e.data.body),
    ).not.toContain('between us');
    await Promise.all([again.dispose(), life.dispose()]);
  });

  it('an event whose transaction commits late is delivered before the later ones, not skipped', async () => {
    // Some other transaction, older than everything below, runs all along (a report, a job): the
    // reader "from now" still gets nothing that committed before it subscribed.
    const older = new pg.Client({ connectionString: inject('databaseUrl') });
    await older.connect();
    await older.query('begin');
    await older.query('select pg_current_xact_id()');
    const quiet = await startWidgetChat(a.url, campaign.id);
    const chat = await startWidgetChat(a.url, campaign.id);
    await take(a.url, chat.id);
    const ws = connect(a.wsUrl, key);
    const sub = ws.subscribe<any>(FEED, {});
    await new Promise((r) => setTimeout(r, 300));
    await older.query('rollback');
    // A slow transaction writes an event first and commits last.
    const slow = new pg.Client({ connectionString: inject('databaseUrl') });
    await slow.connect();
    const seen = () =>
      sub.events
        .map((e) => e.interactionEvents)
        .filter((e) => [quiet.id, chat.id].includes(e.interactionId))
        .map((e) => `${e.interactionId === quiet.id ? 'quiet' : 'chat'}:${e.type}`);
    try {
      await slow.query('begin');
      await slow.query("insert into interaction_events (interaction_id, type, actor_kind, data, created_at) values ($1, 'NOTE_ADDED', 'SYSTEM', '{}', now())", [quiet.id]);
      await close(a.url, chat.id);
      await new Promise((r) => setTimeout(r, 400));
      // The close committed, but a transaction that began before it still runs: the feed waits.
      expect(seen()).toEqual([]);
      await slow.query('commit');
      await sub.until(() => seen().length >= 2);
      expect(seen()).toEqual(['quiet:NOTE_ADDED', 'chat:CLOSED']);
    } finally {
      await slow.end();
      await older.end();
      await ws.dispose();
    }
  });

  it('filters by type and channel, and starts from now without a cursor', async () => {
    const ws = connect(a.wsUrl, admin);
    const sub = ws.subscribe<any>(FEED, { f: { campaignIds: [other.id], types: ['CLOSED'], channels: ['WEBCHAT'] } });
    await new Promise((r) => setTimeout(r, 300));
    const chat = await startWidgetChat(a.url, other.id);
    await take(b.url, chat.id);
    await close(a.url, chat.id);
    await sub.until((e) => e.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.events.map((e) => [e.interactionEvents.interactionId, e.interactionEvents.type])).toEqual([[chat.id, 'CLOSED']]);
    await ws.dispose();
  });

  it('is for supervisors and SUPERVISE keys; a cursor Parley did not give out is BAD_USER_INPUT', async () => {
    const readKey = await createApiKey(a.url, admin, ['READ']);
    for (const token of [agent.token, readKey]) {
      const ws = connect(a.wsUrl, token);
      const sub = ws.subscribe<any>(FEED, {});
      await expect.poll(() => sub.errors.length, { timeout: 2000 }).toBe(1);
      expect(JSON.stringify(sub.errors)).toContain('FORBIDDEN');
      await ws.dispose();
    }
    const ws = connect(a.wsUrl, key);
    const bad = ws.subscribe<any>(FEED, { after: 'bm90LWEtY3Vyc29y' });
    await expect.poll(() => bad.errors.length, { timeout: 2000 }).toBe(1);
    expect(JSON.stringify(bad.errors)).toContain('BAD_USER_INPUT');
    await ws.dispose();
    // Over HTTP a subscription is not served at all.
    expect((await gql(a.url, FEED, {}, key)).errors).toBeDefined();
  });
});
