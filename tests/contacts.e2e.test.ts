/**
 * Contacts through the public API: the list tells each contact's current and previous state, since
 * when, its campaign, channel and conversations, newest activity first, searchable and in pages; a
 * contact's record lists its earlier conversations with their results; a silent contact turns
 * EXPIRED there and on the monitor. A caller limited to some campaigns (a grouped agent, a grouped
 * supervisor, an API key) never learns of another campaign's contact: not in the list, not by id,
 * not through its conversations, campaign or count.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { type ApiProcess, startApi } from './support/api.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, POST, startWidgetChat } from './support/world.js';

const suffix = randomBytes(4).toString('hex');
const FAST_EXPIRY = { CONTACT_EXPIRY_SECONDS: '2', JOB_POLL_SECONDS: '0.5' };

let api: ApiProcess;
let admin: string;
let north: CampaignFixture;
let south: CampaignFixture;
let agent: Person;
let supervisor: Person;
let northKey: string;

const RECORD = 'id name state previousState stateChangedAt lastActivityAt campaign { id name } channel conversationCount';
const LIST = `query($f: ContactFilterInput, $first: Int, $after: String) { contacts(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${RECORD} } } } }`;
const ONE = `query($id: ID!) { contact(id: $id) { ${RECORD} conversations { totalCount edges { node { id result campaign { id } } } } } }`;
const names = (data: any): string[] => data.contacts.edges.map((e: any) => e.node.name);
const list = (token: string, search: string, extra: Record<string, unknown> = {}) => ok(api.url, LIST, { f: { search }, ...extra }, token);
const take = (id: string, token = agent.token) => ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, token);
const close = (id: string, token = agent.token) => ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id }, token);
const contactOf = async (interactionId: string): Promise<string> =>
  (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { contact { id } } }', { id: interactionId }, admin)).interaction.contact.id;

/** A customer served and closed in `first`, then back from the same browser in `then`: one contact, two conversations. */
async function returningCustomer(name: string, first: string, then: string): Promise<{ id: string; earlier: string; later: string }> {
  const earlier = await startWidgetChat(api.url, first, name);
  await take(earlier.id);
  await close(earlier.id);
  const again = await ok(api.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', {
    i: { campaignId: then, channel: 'WEBCHAT', contact: { name }, returningVisitorToken: earlier.visitorToken },
  });
  const later = again.startInteraction.interaction.id;
  const id = await contactOf(earlier.id);
  expect(await contactOf(later)).toBe(id);
  return { id, earlier: earlier.id, later };
}

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  const group = await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `Contacts ${suffix}` }, admin);
  const groupId = group.createSecurityGroup.id;
  agent = await createPerson(api.url, admin, 'AGENT', { securityGroupId: groupId, maxConcurrentChats: 10 });
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR', { securityGroupId: groupId });
  north = await createCampaign(api.url, admin, { securityGroupId: groupId, memberIds: [agent.id] });
  south = await createCampaign(api.url, admin);
  northKey = await createApiKey(api.url, admin, ['READ'], [north.id]);
});

afterAll(async () => {
  await api?.stop();
});

describe('the contacts list', () => {
  it('shows a contact waiting in a tray, then held by an agent with the tray as its previous state', async () => {
    const chat = await startWidgetChat(api.url, north.id, `Tomás Tray ${suffix}`);
    const waiting = (await list(agent.token, `tomas tray ${suffix}`)).contacts.edges[0].node;
    expect(waiting).toMatchObject({ state: 'TRAY', previousState: null, campaign: { id: north.id, name: north.name }, channel: 'WEBCHAT', conversationCount: 1 });
    await take(chat.id);
    const held = (await list(agent.token, `Tomás Tray ${suffix}`)).contacts.edges[0].node;
    expect(held).toMatchObject({ state: 'AGENT', previousState: 'TRAY' });
    expect(Date.parse(held.stateChangedAt)).toBeGreaterThanOrEqual(Date.parse(waiting.stateChangedAt));
  });

  it("moves a customer's activity to their message, kept to a 10 s grain while they keep writing", async () => {
    const chat = await startWidgetChat(api.url, north.id, `Grain ${suffix}`);
    const activity = async () => Date.parse((await list(agent.token, `Grain ${suffix}`)).contacts.edges[0].node.lastActivityAt);
    const started = await activity();
    await new Promise((r) => setTimeout(r, 50));
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'Hello?' } }, chat.visitorToken);
    const wrote = await activity();
    expect(wrote).toBeGreaterThan(started);
    await new Promise((r) => setTimeout(r, 300));
    // Within the grain (a hundredth of the 24 h session window, at most 10 s) the row is not written again.
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'Still here' } }, chat.visitorToken);
    expect(await activity()).toBe(wrote);
    await take(chat.id); // out of the paging below, which counts this file's waiting contacts
  });

  it('keeps its activity when a message of theirs is refused', async () => {
    // A session window of 2 s keeps the activity to a grain of 20 ms, so a write would show.
    const fast = await startApi(FAST_EXPIRY);
    try {
      const chat = await startWidgetChat(fast.url, north.id, `Refused ${suffix}`);
      await ok(fast.url, POST, { input: { interactionId: chat.id, body: 'Hello' } }, chat.visitorToken);
      await ok(fast.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
      await ok(fast.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, agent.token);
      const activity = async () => (await ok(fast.url, LIST, { f: { search: `Refused ${suffix}` } }, agent.token)).contacts.edges[0].node.lastActivityAt;
      const closed = await activity();
      await new Promise((r) => setTimeout(r, 100));
      // Tried on the view kept from the customer's first send, then refused on a fresh one.
      expectCode(await gql(fast.url, POST, { input: { interactionId: chat.id, body: 'Hello again?' } }, chat.visitorToken), 'CONFLICT');
      expect(await activity()).toBe(closed);
    } finally {
      await fast.stop();
    }
  });

  it('lists the newest activity first and goes through the pages without repeating anyone', async () => {
    for (const name of ['First', 'Second', 'Third']) await startWidgetChat(api.url, north.id, `Paged ${name} ${suffix}`);
    const first = await list(agent.token, `Paged`, { first: 2, f: { search: `${suffix}`, states: ['TRAY'] } });
    expect(names(first)).toEqual([`Paged Third ${suffix}`, `Paged Second ${suffix}`]);
    expect(first.contacts.totalCount).toBe(3);
    expect(first.contacts.pageInfo.hasNextPage).toBe(true);
    const next = await ok(api.url, LIST, { f: { search: suffix, states: ['TRAY'] }, first: 2, after: first.contacts.pageInfo.endCursor }, agent.token);
    expect(names(next)).toEqual([`Paged First ${suffix}`]);
    expect(next.contacts.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a made-up cursor, a page too big and a customer in the widget', async () => {
    expectCode(await gql(api.url, LIST, { after: 'not-a-cursor' }, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, LIST, { first: 500 }, agent.token), 'BAD_USER_INPUT');
    const chat = await startWidgetChat(api.url, north.id, `Widget ${suffix}`);
    expectCode(await gql(api.url, LIST, {}, chat.visitorToken), 'FORBIDDEN');
    expectCode(await gql(api.url, LIST, {}), 'UNAUTHENTICATED');
  });
});

describe("a contact's record", () => {
  it('lists its earlier conversations, newest first, with their results', async () => {
    const { id, earlier, later } = await returningCustomer(`Record ${suffix}`, north.id, north.id);
    const record = (await ok(api.url, ONE, { id }, agent.token)).contact;
    expect(record).toMatchObject({ id, name: `Record ${suffix}`, state: 'TRAY', previousState: 'AGENT', conversationCount: 2 });
    expect(record.conversations.edges.map((e: any) => [e.node.id, e.node.result])).toEqual([
      [later, null],
      [earlier, 'SUCCESS'],
    ]);
  });

  it('is NOT_FOUND for an id that is no contact', async () => {
    expectCode(await gql(api.url, ONE, { id: '00000000-0000-4000-8000-000000000000' }, admin), 'NOT_FOUND');
    expectCode(await gql(api.url, ONE, { id: 'nonsense' }, admin), 'NOT_FOUND');
  });
});

describe('a caller limited to some campaigns', () => {
  it("never sees another campaign's contact: not listed, NOT_FOUND by id", async () => {
    const foreign = await startWidgetChat(api.url, south.id, `Foreign ${suffix}`);
    const id = await contactOf(foreign.id);
    expect(names(await list(admin, `Foreign ${suffix}`))).toEqual([`Foreign ${suffix}`]);
    for (const token of [agent.token, supervisor.token, northKey]) {
      const seen = await list(token, `Foreign ${suffix}`);
      expect(seen.contacts).toMatchObject({ totalCount: 0, edges: [] });
      expectCode(await gql(api.url, ONE, { id }, token), 'NOT_FOUND');
    }
  });

  it('sees a contact of both campaigns through its own campaign only: conversations, campaign and count', async () => {
    // Closed, the first is everyone's to read (a READ key sees no chat waiting in a tray).
    const { id } = await returningCustomer(`Shared ${suffix}`, north.id, south.id);
    expect((await ok(api.url, ONE, { id }, admin)).contact).toMatchObject({ campaign: { id: south.id }, conversationCount: 2 });
    for (const token of [agent.token, supervisor.token, northKey]) {
      const record = (await ok(api.url, ONE, { id }, token)).contact;
      expect(record).toMatchObject({ campaign: { id: north.id }, conversationCount: 1 });
      expect(record.conversations.edges.map((e: any) => e.node.campaign.id)).toEqual([north.id]);
      expect((await list(token, `Shared ${suffix}`)).contacts.edges[0].node).toMatchObject({ id, campaign: { id: north.id }, conversationCount: 1 });
    }
  });
});

describe('a silent contact', () => {
  it('turns EXPIRED with its previous state kept, in the list and on the monitor', async () => {
    // The job carries the short window, so whichever process on this database runs it expires the contact.
    const fast = await startApi(FAST_EXPIRY);
    try {
      const chat = await startWidgetChat(fast.url, north.id, `Silent ${suffix}`);
      await take(chat.id);
      await ok(fast.url, POST, { input: { interactionId: chat.id, body: 'Anyone there?' } }, chat.visitorToken);
      await vi.waitFor(
        async () => {
          const node = (await list(agent.token, `Silent ${suffix}`)).contacts.edges[0].node;
          expect(node).toMatchObject({ state: 'EXPIRED', previousState: 'AGENT' });
        },
        { timeout: 20_000, interval: 250 },
      );
      const MONITOR = 'query($f: MonitorFilterInput) { monitor(filter: $f) { inService { id contact { name state } } } }';
      const monitor = await ok(api.url, MONITOR, { f: { contact: `Silent ${suffix}` } }, supervisor.token);
      expect(monitor.monitor.inService).toEqual([{ id: chat.id, contact: { name: `Silent ${suffix}`, state: 'EXPIRED' } }]);
    } finally {
      await fast.stop();
    }
  });

  describe("the sweep, on a database of its own (it expires every contact past its process's short window)", () => {
    const WINDOW_SECONDS = 5;
    let database: { name: string; url: string };
    let fast: ApiProcess;
    let jobs: pg.Client;
    let owner: string;
    let campaign: CampaignFixture;
    beforeAll(async () => {
      database = await createTestDatabase();
      fast = await startApi({ CONTACT_EXPIRY_SECONDS: String(WINDOW_SECONDS), JOB_POLL_SECONDS: '0.5', DATABASE_URL: database.url, CONTACT_EXPIRY_SWEEP_SECONDS: '1' });
      jobs = new pg.Client({ connectionString: database.url });
      await jobs.connect();
      owner = await adminToken(fast.url);
      campaign = await createCampaign(fast.url, owner);
    });
    afterAll(async () => {
      await jobs?.end();
      await fast?.stop();
      if (database) await dropTestDatabase(database.name);
    });
    const contactIn = async (chatId: string): Promise<string> => (await ok(fast.url, 'query($id: ID!) { interaction(id: $id) { contact { id } } }', { id: chatId }, owner)).interaction.contact.id;
    const stateOf = async (contactId: string) => (await ok(fast.url, 'query($id: ID!) { contact(id: $id) { state previousState } }', { id: contactId }, owner)).contact;

    it('turns a contact EXPIRED though its own check was lost (a process that died before queuing it)', async () => {
      const chat = await startWidgetChat(fast.url, campaign.id, `Lost check ${suffix}`);
      await ok(fast.url, POST, { input: { interactionId: chat.id, body: 'Hello?' } }, chat.visitorToken);
      const contactId = await contactIn(chat.id);
      // The check is queued after the message commits; it is taken out before it runs.
      const CHECKS = "from pgboss.job where name = 'contact-expiry' and data->>'contactId' = $1";
      await vi.waitFor(async () => expect((await jobs.query(`select id ${CHECKS} and state = 'created'`, [contactId])).rowCount).toBe(1), { timeout: 2_000, interval: 20 });
      await jobs.query(`delete ${CHECKS}`, [contactId]);

      expect(await stateOf(contactId)).toMatchObject({ state: 'TRAY' });
      await vi.waitFor(async () => expect(await stateOf(contactId)).toEqual({ state: 'EXPIRED', previousState: 'TRAY' }), { timeout: 20_000, interval: 250 });
      expect((await jobs.query(`select id ${CHECKS}`, [contactId])).rowCount).toBe(0);
    });

    it('leaves a returning customer its whole window from the new chat, though it has not written yet', async () => {
      const first = await startWidgetChat(fast.url, campaign.id, `Returning ${suffix}`);
      const contactId = await contactIn(first.id);
      await vi.waitFor(async () => expect(await stateOf(contactId)).toMatchObject({ state: 'EXPIRED' }), { timeout: 20_000, interval: 250 });
      await ok(fast.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', {
        i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: `Returning ${suffix}` }, returningVisitorToken: first.visitorToken },
      });
      const back = Date.now();
      expect(await stateOf(contactId)).toEqual({ state: 'TRAY', previousState: 'EXPIRED' });
      // Sweeps run every second meanwhile: none may take the window its new chat started.
      await new Promise((r) => setTimeout(r, (WINDOW_SECONDS - 2) * 1000));
      expect(await stateOf(contactId)).toEqual({ state: 'TRAY', previousState: 'EXPIRED' });
      await vi.waitFor(async () => expect(await stateOf(contactId)).toMatchObject({ state: 'EXPIRED' }), { timeout: 20_000, interval: 250 });
      expect(Date.now() - back).toBeGreaterThanOrEqual((WINDOW_SECONDS - 1) * 1000);
    });
  });
});
