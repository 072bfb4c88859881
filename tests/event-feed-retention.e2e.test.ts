/**
 * The event feed from a point (issue 17, item 5): `interactionEvents(since)` starts at a moment, as far
 * back as the retention (`FEED_RETENTION_DAYS`, here 7) and no further; a cursor older than the
 * retention is refused rather than replaying what an integrator could not expect to be kept. The
 * server has a database of its own: the test ages the trail there (events written "ten days ago"
 * carry both the old time and the old transaction order, as real old events do).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { type ApiProcess, startApi } from './support/api.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';
import { ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, createApiKey, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let database: { name: string; url: string };
let key: string;
let agent: Person;
let campaignId: string;

const FEED = `subscription($after: String, $since: DateTimeISO, $f: InteractionFeedFilter) {
  interactionEvents(after: $after, since: $since, filter: $f) { cursor type interactionId } }`;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApi({ DATABASE_URL: database.url, FEED_RETENTION_DAYS: '7' });
  const admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT');
  campaignId = (await createCampaign(api.url, admin)).id;
  key = await createApiKey(api.url, admin, ['SUPERVISE'], [campaignId]);
});

afterAll(async () => {
  await api?.stop();
  if (database) await dropTestDatabase(database.name);
});

/** Everything the trail holds so far happened `days` ago (its time; its transaction order is already older than what follows). */
async function ageTrail(days: number): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(`update interaction_events set created_at = now() - make_interval(days => $1)`, [days]);
  } finally {
    await client.end();
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The agent takes the chat: one more event on the trail. */
const take = (id: string) => ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent.token);

describe('the event feed from a point', () => {
  it('starts at a moment: what was recorded since, then what happens live', async () => {
    const before = await startWidgetChat(api.url, campaignId);
    await pause(50);
    const since = new Date().toISOString();
    await pause(50);
    const after = await startWidgetChat(api.url, campaignId);
    const ws = connect(api.wsUrl, key);
    const sub = ws.subscribe<any>(FEED, { since });
    await sub.until((e) => e.some((x) => x.interactionEvents.interactionId === after.id));
    await take(after.id);
    await sub.until((e) => e.some((x) => x.interactionEvents.type === 'TAKEN'));
    const seen = sub.events.map(
      (e) => `${e.interactionEvents.interactionId === after.id ? 'after' : e.interactionEvents.interactionId === before.id ? 'before' : 'other'}:${e.interactionEvents.type}`,
    );
    expect(seen).toEqual(['after:STARTED', 'after:TAKEN']);
    await ws.dispose();
  });

  it('goes back no further than the retention: an older moment starts at its start', async () => {
    const old = await startWidgetChat(api.url, campaignId);
    await ageTrail(10);
    const kept = await startWidgetChat(api.url, campaignId);
    const ws = connect(api.wsUrl, key);
    const sub = ws.subscribe<any>(FEED, { since: '1970-01-01T00:00:00Z' });
    // Events are delivered in transaction order: the aged chat's would have come before the kept one's.
    await sub.until((e) => e.some((x) => x.interactionEvents.interactionId === kept.id));
    const ids = sub.events.map((e) => e.interactionEvents.interactionId);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(old.id);
    await ws.dispose();
  });

  it('refuses a cursor older than the retention, a moment to come, and a cursor with a moment', async () => {
    const chat = await startWidgetChat(api.url, campaignId);
    const ws = connect(api.wsUrl, key);
    const sub = ws.subscribe<any>(FEED, { since: new Date(Date.now() - 60_000).toISOString() });
    await sub.until((e) => e.some((x) => x.interactionEvents.interactionId === chat.id));
    const cursor = sub.events.find((e) => e.interactionEvents.interactionId === chat.id).interactionEvents.cursor;
    await ws.dispose();

    // Still within the retention, it resumes.
    const resumed = connect(api.wsUrl, key);
    const going = resumed.subscribe<any>(FEED, { after: cursor });
    await take(chat.id);
    await going.until((e) => e.some((x) => x.interactionEvents.interactionId === chat.id && x.interactionEvents.type === 'TAKEN'));
    expect(going.errors).toEqual([]);
    await resumed.dispose();

    await ageTrail(10);
    // Something recorded within the retention since: the refusal is decided by where that begins.
    await startWidgetChat(api.url, campaignId);
    const refusals = [
      [{ after: cursor }, /older than the feed's retention of 7 days/],
      // A made-up cursor from the very start would replay the whole trail.
      [{ after: Buffer.from('0:0').toString('base64url') }, /older than the feed's retention of 7 days/],
      // One past PostgreSQL's ranges would have failed the read every reader shares.
      [{ after: Buffer.from('1:99999999999999999999').toString('base64url') }, /not given out by Parley/],
      [{ since: new Date(Date.now() + 3_600_000).toISOString() }, /moment past/],
      [{ after: cursor, since: new Date().toISOString() }, /not both/],
    ] as const;
    for (const [variables, message] of refusals) {
      const client = connect(api.wsUrl, key);
      const refused = client.subscribe<any>(FEED, variables);
      await expect.poll(() => refused.errors.length, { timeout: 3000 }).toBe(1);
      expect(JSON.stringify(refused.errors)).toContain('BAD_USER_INPUT');
      expect(JSON.stringify(refused.errors)).toMatch(message);
      await client.dispose();
    }
  });
});
