/**
 * Sessions live on the server: signing out, being forced out, or changing the password ends
 * them at once over HTTP and closes their WebSockets within a second. API keys and visitor tokens
 * use the same header and reach only what they should.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTestDatabase } from './support/database.js';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { connect } from './support/ws-client.js';
import { adminToken, createApiKey, createCampaign, createPerson, PASSWORD, signIn, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
});

afterAll(async () => {
  await api?.stop();
});

const ME = '{ me { id email role } }';

/** Opens a socket with a live subscription, so a closed socket is observable. */
async function openSocket(token: string) {
  const ws = connect(api.wsUrl, token);
  const sub = ws.subscribe('subscription { interactionChanged { kind } }');
  await new Promise((r) => setTimeout(r, 200));
  expect(sub.errors).toEqual([]);
  return ws;
}

async function closesWithin(ws: ReturnType<typeof connect>, ms: number): Promise<number> {
  return Promise.race([ws.closed, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms))]);
}

describe('signing in', () => {
  it('returns a session whose token identifies the user over HTTP', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const data = await ok(api.url, `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token user { id email role } } }`, {
      e: agent.email.toUpperCase(),
      p: PASSWORD,
    });
    expect(data.signIn.user).toEqual({ id: agent.id, email: agent.email, role: 'AGENT' });
    const me = await ok(api.url, ME, {}, data.signIn.token);
    expect(me.me.id).toBe(agent.id);
  });

  it('refuses a wrong password or unknown e-mail with the same UNAUTHENTICATED answer', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const q = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`;
    const a = expectCode(await gql(api.url, q, { e: agent.email, p: 'wrong-password' }), 'UNAUTHENTICATED');
    const b = expectCode(await gql(api.url, q, { e: 'nobody@tests.parley.dev', p: 'wrong-password' }), 'UNAUTHENTICATED');
    expect(a).toBe(b);
  });

  it('answers UNAUTHENTICATED with HTTP 401 for a made-up token', async () => {
    const result = await gql(api.url, ME, {}, 'pst_madeup');
    expect(result.status).toBe(401);
    expectCode(result, 'UNAUTHENTICATED');
  });

  it('refuses a WebSocket whose token is not valid with 4401, as an ended session', async () => {
    const ws = connect(api.wsUrl, 'pst_madeup');
    expect(await closesWithin(ws, 2000)).toBe(4401);
  });
});

describe('ending sessions', () => {
  it('signOut ends that session over HTTP and closes its socket within a second, other sessions go on', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const other = await signIn(api.url, agent.email);
    const ws = await openSocket(agent.token);
    const otherWs = await openSocket(other);
    await ok(api.url, 'mutation { signOut }', {}, agent.token);
    expect(await closesWithin(ws, 1000)).toBe(4401);
    expectCode(await gql(api.url, ME, {}, agent.token), 'UNAUTHENTICATED');
    expect((await ok(api.url, ME, {}, other)).me.id).toBe(agent.id);
    // The other session's socket stays open.
    await expect(closesWithin(otherWs, 500)).rejects.toThrow(/still open/);
    await otherWs.dispose();
  });

  it('a forced logout by a supervisor ends every session and socket of the agent', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const second = await signIn(api.url, agent.email);
    const sockets = [await openSocket(agent.token), await openSocket(second)];
    await ok(api.url, 'mutation($id: ID!) { logoutAgent(userId: $id) }', { id: agent.id }, supervisor.token);
    expect(await Promise.all(sockets.map((s) => closesWithin(s, 1000)))).toEqual([4401, 4401]);
    expectCode(await gql(api.url, ME, {}, agent.token), 'UNAUTHENTICATED');
    expectCode(await gql(api.url, ME, {}, second), 'UNAUTHENTICATED');
  });

  it('an agent may not force anyone out', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const victim = await createPerson(api.url, admin, 'AGENT');
    expectCode(await gql(api.url, 'mutation($id: ID!) { logoutAgent(userId: $id) }', { id: victim.id }, agent.token), 'FORBIDDEN');
    expect((await ok(api.url, ME, {}, victim.token)).me.id).toBe(victim.id);
  });

  it('a password change ends every session; the new password works, the old one does not', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const ws = await openSocket(agent.token);
    const change = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    expectCode(await gql(api.url, change, { c: 'not-the-password', n: 'another-good-password' }, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, change, { c: PASSWORD, n: 'short' }, agent.token), 'BAD_USER_INPUT');
    await ok(api.url, change, { c: PASSWORD, n: 'another-good-password' }, agent.token);
    expect(await closesWithin(ws, 1000)).toBe(4401);
    expectCode(await gql(api.url, ME, {}, agent.token), 'UNAUTHENTICATED');
    await signIn(api.url, agent.email, 'another-good-password');
    expectCode(await gql(api.url, `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`, { e: agent.email, p: PASSWORD }), 'UNAUTHENTICATED');
  });
});

describe('administration basics', () => {
  it('only administrators create users, campaigns and API keys', async () => {
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const input = { email: 'x@tests.parley.dev', name: 'X', password: PASSWORD, role: 'AGENT' };
    expectCode(await gql(api.url, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }, supervisor.token), 'FORBIDDEN');
    expectCode(await gql(api.url, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }), 'UNAUTHENTICATED');
    expectCode(await gql(api.url, 'mutation { createCampaign(input: { name: "Nope" }) { id } }', {}, supervisor.token), 'FORBIDDEN');
    expectCode(await gql(api.url, 'mutation { createApiKey(input: { name: "k", scopes: [READ] }) { secret } }', {}, supervisor.token), 'FORBIDDEN');
  });

  it('updates a profile for administrators only, validating what changes', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const team = (await ok(api.url, 'mutation { createTeam(input: { name: "Billing team" }) { id } }', {}, admin)).createTeam.id;
    const UPDATE = 'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { name languages skills maxConcurrentChats teams { id } } }';
    const updated = await ok(api.url, UPDATE, { id: agent.id, i: { name: 'Renamed', languages: ['pt-BR', 'es'], skills: ['Billing'], maxConcurrentChats: 7, teamIds: [team] } }, admin);
    expect(updated.updateUser).toEqual({ name: 'Renamed', languages: ['pt', 'es'], skills: ['billing'], maxConcurrentChats: 7, teams: [{ id: team }] });
    expectCode(await gql(api.url, UPDATE, { id: agent.id, i: { maxConcurrentChats: 0 } }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, UPDATE, { id: agent.id, i: { languages: ['fr'] } }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, UPDATE, { id: '00000000-0000-4000-8000-000000000000', i: { name: 'x' } }, admin), 'NOT_FOUND');
    expectCode(await gql(api.url, UPDATE, { id: agent.id, i: { name: 'Hacked' } }, agent.token), 'FORBIDDEN');
    expect((await ok(api.url, '{ me { name maxConcurrentChats } }', {}, agent.token)).me).toEqual({ name: 'Renamed', maxConcurrentChats: 7 });
  });

  it('refuses a second user with the same e-mail with CONFLICT', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const input = { email: agent.email.toUpperCase(), name: 'Twin', password: PASSWORD, role: 'AGENT' };
    expectCode(await gql(api.url, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }, admin), 'CONFLICT');
  });

  it('gives a new agent its personal tray, seen by it and supervisors only', async () => {
    const agent = await createPerson(api.url, admin, 'AGENT');
    const other = await createPerson(api.url, admin, 'AGENT');
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const personal = (t: any) => t.kind === 'PERSONAL' && t.ownerId === agent.id;
    const TRAYS = '{ trays { id kind ownerId } }';
    expect((await ok(api.url, TRAYS, {}, agent.token)).trays.filter(personal)).toHaveLength(1);
    expect((await ok(api.url, TRAYS, {}, supervisor.token)).trays.filter(personal)).toHaveLength(1);
    expect((await ok(api.url, TRAYS, {}, other.token)).trays.filter(personal)).toHaveLength(0);
  });

  it('changes a role: a supervisor made agent gets its personal tray; an agent holding chats must hand them on first', async () => {
    const ROLE = 'mutation($id: ID!, $r: Role!) { updateUser(id: $id, input: { role: $r }) { role } }';
    const TRAYS = '{ trays { kind ownerId } }';
    const promoted = await createPerson(api.url, admin, 'SUPERVISOR');
    await ok(api.url, ROLE, { id: promoted.id, r: 'AGENT' }, admin);
    await ok(api.url, ROLE, { id: promoted.id, r: 'AGENT' }, admin);
    const personal = (await ok(api.url, TRAYS, {}, admin)).trays.filter((t: any) => t.kind === 'PERSONAL' && t.ownerId === promoted.id);
    expect(personal).toHaveLength(1);

    const busy = await createPerson(api.url, admin, 'AGENT');
    const campaign = await createCampaign(api.url, admin);
    const chat = await startWidgetChat(api.url, campaign.id);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, busy.token);
    expectCode(await gql(api.url, ROLE, { id: busy.id, r: 'SUPERVISOR' }, admin), 'CONFLICT');
    expect((await ok(api.url, '{ me { role } }', {}, busy.token)).me.role).toBe('AGENT');
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chat.id }, busy.token);
    expect((await ok(api.url, ROLE, { id: busy.id, r: 'SUPERVISOR' }, admin)).updateUser.role).toBe('SUPERVISOR');
  });

  it('shows a custom tray to the agents and teams given access', async () => {
    const campaign = await createCampaign(api.url, admin);
    const allowed = await createPerson(api.url, admin, 'AGENT');
    const denied = await createPerson(api.url, admin, 'AGENT');
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const tray = await ok(
      api.url,
      'mutation($input: CreateTrayInput!) { createTray(input: $input) { id kind } }',
      {
        input: { name: 'Sales', campaignId: campaign.id, userIds: [allowed.id] },
      },
      supervisor.token,
    );
    expect(tray.createTray.kind).toBe('CUSTOM');
    const has = async (token: string) => (await ok(api.url, '{ trays { id } }', {}, token)).trays.some((t: any) => t.id === tray.createTray.id);
    expect(await has(allowed.token)).toBe(true);
    expect(await has(denied.token)).toBe(false);
    expectCode(await gql(api.url, 'mutation($input: CreateTrayInput!) { createTray(input: $input) { id } }', { input: { name: 'Sales', campaignId: campaign.id } }, supervisor.token), 'CONFLICT');
    expectCode(await gql(api.url, 'mutation($input: CreateTrayInput!) { createTray(input: $input) { id } }', { input: { name: 'X', campaignId: campaign.id } }, allowed.token), 'FORBIDDEN');
  });

  it('validates a campaign: unknown time zone and decreasing thresholds are BAD_USER_INPUT, and nothing is created', async () => {
    const q = 'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }';
    expectCode(await gql(api.url, q, { input: { name: 'Bad TZ', timeZone: 'Mars/Olympus' } }, admin), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, q, { input: { name: 'Bad thresholds', thresholdsSeconds: [600, 300, 900] } }, admin), 'BAD_USER_INPUT');
    const names = (await ok(api.url, '{ campaigns { name } }', {}, admin)).campaigns.map((c: any) => c.name);
    expect(names).not.toContain('Bad TZ');
    expect(names).not.toContain('Bad thresholds');
  });
});

describe('API keys and visitor tokens', () => {
  it('shows the secret once, stores only its hash, and authenticates with the same header', async () => {
    const campaign = await createCampaign(api.url, admin);
    const secret = await createApiKey(api.url, admin, ['READ'], [campaign.id]);
    expect(secret).toMatch(/^pak_/);
    const stored = await queryTestDatabase<{ secret_hash: string }>('select secret_hash from api_keys where campaign_ids = $1', [[campaign.id]]);
    expect(stored).toEqual([{ secret_hash: createHash('sha256').update(secret).digest('hex') }]);
    expect(stored[0]!.secret_hash).not.toContain(secret.slice(4, 20));
    const seen = await ok(api.url, '{ campaigns { id } me { id } }', {}, secret);
    expect(seen.campaigns.map((c: any) => c.id)).toEqual([campaign.id]);
    expect(seen.me).toBeNull();
    expectCode(await gql(api.url, '{ campaigns { id } }', {}, secret.slice(0, -2) + 'xx'), 'UNAUTHENTICATED');
  });

  it('administrators list keys without their secrets and revoke one: refused at once, its sockets closed within a second', async () => {
    const campaign = await createCampaign(api.url, admin);
    const CREATE = 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }';
    const made = (await ok(api.url, CREATE, { i: { name: 'CRM sync', scopes: ['SUPERVISE'], campaignIds: [campaign.id] } }, admin)).createApiKey;
    const LIST = '{ apiKeys { id name scopes campaignIds revokedAt } }';
    const listed = (await ok(api.url, LIST, {}, admin)).apiKeys.find((k: any) => k.id === made.apiKey.id);
    expect(listed).toEqual({ id: made.apiKey.id, name: 'CRM sync', scopes: ['SUPERVISE'], campaignIds: [campaign.id], revokedAt: null });
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    expectCode(await gql(api.url, LIST, {}, supervisor.token), 'FORBIDDEN');
    expectCode(await gql(api.url, LIST, {}, made.secret), 'FORBIDDEN');

    const ws = await openSocket(made.secret);
    const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
    expectCode(await gql(api.url, REVOKE, { id: made.apiKey.id }, supervisor.token), 'FORBIDDEN');
    expect((await ok(api.url, '{ campaigns { id } }', {}, made.secret)).campaigns).toHaveLength(1);
    const revoked = (await ok(api.url, REVOKE, { id: made.apiKey.id }, admin)).revokeApiKey;
    expect(revoked.revokedAt).not.toBeNull();
    expect(await closesWithin(ws, 1000)).toBe(4401);
    expectCode(await gql(api.url, '{ campaigns { id } }', {}, made.secret), 'UNAUTHENTICATED');
    expectCode(await gql(api.url, REVOKE, { id: made.apiKey.id }, admin), 'CONFLICT');
    expectCode(await gql(api.url, REVOKE, { id: '00000000-0000-4000-8000-000000000000' }, admin), 'NOT_FOUND');
  });

  it('a read-only key may not start interactions', async () => {
    const campaign = await createCampaign(api.url, admin);
    const secret = await createApiKey(api.url, admin, ['READ']);
    const q = 'mutation($input: StartInteractionInput!) { startInteraction(input: $input) { interaction { id } } }';
    expectCode(await gql(api.url, q, { input: { campaignId: campaign.id, channel: 'API', contact: {} } }, secret), 'FORBIDDEN');
  });

  it('a visitor token reaches its own interaction and nothing else', async () => {
    const campaign = await createCampaign(api.url, admin);
    const mine = await startWidgetChat(api.url, campaign.id);
    const theirs = await startWidgetChat(api.url, campaign.id);
    expect((await ok(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: mine.id }, mine.visitorToken)).interaction.id).toBe(mine.id);
    expectCode(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: theirs.id }, mine.visitorToken), 'NOT_FOUND');
    const list = await ok(api.url, '{ interactions { edges { node { id } } } trays { id } }', {}, mine.visitorToken);
    expect(list.interactions.edges.map((e: any) => e.node.id)).toEqual([mine.id]);
    expect(list.trays).toEqual([]);
    expectCode(
      await gql(
        api.url,
        'mutation($input: StartInteractionInput!) { startInteraction(input: $input) { interaction { id } } }',
        { input: { campaignId: campaign.id, channel: 'WEBCHAT', contact: {} } },
        mine.visitorToken,
      ),
      'FORBIDDEN',
    );
  });
});
