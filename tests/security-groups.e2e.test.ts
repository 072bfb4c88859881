/**
 * Security groups through the public API: a person in a group, whatever its role, reaches only its
 * group's campaigns (and what hangs from them: members, canned responses, trays, offline messages,
 * the conversations report and its CSV, webhooks) and its group's people; the others are NOT_FOUND
 * as if they did not exist, and a grouped administrator cannot widen its reach (move campaigns,
 * manage groups, set or escape groups, make someone who reaches more). A person without a group sees
 * and manages everything. Every refusal is checked to have changed nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

const unique = () => randomBytes(4).toString('hex');

let api: ApiProcess;
let owner: string;
let north: { id: string; name: string };
let south: { id: string; name: string };
let northCampaign: CampaignFixture;
let southCampaign: CampaignFixture;
let grouped: Person;
let agent: Person;

const createGroup = async (token: string, name: string) => (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id name } }', { n: name }, token)).createSecurityGroup;
const CAMPAIGN = 'query($id: ID!) { campaign(id: $id) { id name securityGroup { id name } } }';
const UPDATE = 'mutation($id: ID!, $i: UpdateCampaignInput!) { updateCampaign(id: $id, input: $i) { id name securityGroup { id } } }';
const UPDATE_USER = 'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id role securityGroup { id } } }';
const campaignIds = async (token: string): Promise<string[]> => (await ok(api.url, '{ campaigns { id } }', {}, token)).campaigns.map((c: any) => c.id);
const groupOf = async (campaignId: string): Promise<string> => (await ok(api.url, CAMPAIGN, { id: campaignId }, owner)).campaign.securityGroup.id;
const userGroup = async (userId: string): Promise<string | null> =>
  (await ok(api.url, '{ users(includeInactive: true) { id securityGroup { id } } }', {}, owner)).users.find((u: any) => u.id === userId)?.securityGroup?.id ?? null;

beforeAll(async () => {
  api = await startApi();
  owner = await adminToken(api.url);
  north = await createGroup(owner, `North ${unique()}`);
  south = await createGroup(owner, `South ${unique()}`);
  agent = await createPerson(api.url, owner, 'AGENT', { securityGroupId: north.id });
  northCampaign = await createCampaign(api.url, owner, { securityGroupId: north.id, memberIds: [agent.id] });
  southCampaign = await createCampaign(api.url, owner, { securityGroupId: south.id, memberIds: [agent.id] });
  grouped = await createPerson(api.url, owner, 'ADMIN', { securityGroupId: north.id });
});

afterAll(async () => {
  await api?.stop();
});

describe('an administrator in a security group', () => {
  it("lists its group's campaigns only, each telling its group", async () => {
    const seen = await campaignIds(grouped.token);
    expect(seen).toContain(northCampaign.id);
    expect(seen).not.toContain(southCampaign.id);
    const all = (await ok(api.url, '{ campaigns { id securityGroup { id name } } }', {}, grouped.token)).campaigns;
    expect(new Set(all.map((c: any) => c.securityGroup.id))).toEqual(new Set([north.id]));
  });

  it("is told another group's campaign, its members and canned responses do not exist", async () => {
    expect((await ok(api.url, CAMPAIGN, { id: northCampaign.id }, grouped.token)).campaign.securityGroup).toEqual(north);
    expectCode(await gql(api.url, CAMPAIGN, { id: southCampaign.id }, grouped.token), 'NOT_FOUND');
    const MEMBERS = 'query($c: ID!) { campaignMembers(campaignId: $c) { id } }';
    expect((await ok(api.url, MEMBERS, { c: northCampaign.id }, grouped.token)).campaignMembers).toEqual([{ id: agent.id }]);
    expectCode(await gql(api.url, MEMBERS, { c: southCampaign.id }, grouped.token), 'NOT_FOUND');
    const CANNED = 'query($c: ID!) { cannedResponses(campaignId: $c) { shortcut } }';
    const CREATE_CANNED = 'mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { shortcut } }';
    await ok(api.url, CREATE_CANNED, { i: { campaignId: northCampaign.id, shortcut: 'hi', body: 'Hello' } }, grouped.token);
    expect((await ok(api.url, CANNED, { c: northCampaign.id }, grouped.token)).cannedResponses).toEqual([{ shortcut: 'hi' }]);
    expectCode(await gql(api.url, CANNED, { c: southCampaign.id }, grouped.token), 'NOT_FOUND');
    expectCode(await gql(api.url, CREATE_CANNED, { i: { campaignId: southCampaign.id, shortcut: 'hi', body: 'Hello' } }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, CANNED, { c: southCampaign.id }, owner)).cannedResponses).toEqual([]);
  });

  it("sees and manages the trays of its group's campaigns only", async () => {
    const trays = (await ok(api.url, '{ trays { id campaignId } }', {}, grouped.token)).trays;
    const ids = trays.map((t: any) => t.id);
    expect(ids).toEqual(expect.arrayContaining([northCampaign.generalTrayId, northCampaign.closedTrayId]));
    expect(trays.filter((t: any) => t.campaignId === southCampaign.id)).toEqual([]);
    const ACCESS = 'query($t: ID!) { trayAccess(trayId: $t) { users { id } } }';
    const CREATE_TRAY = 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id campaignId } }';
    await ok(api.url, CREATE_TRAY, { i: { name: `VIP ${unique()}`, campaignId: northCampaign.id, userIds: [agent.id] } }, grouped.token);
    const custom = await ok(api.url, CREATE_TRAY, { i: { name: `VIP ${unique()}`, campaignId: southCampaign.id } }, owner);
    expectCode(await gql(api.url, ACCESS, { t: custom.createTray.id }, grouped.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'mutation($t: ID!, $u: [ID!]) { setTrayAccess(trayId: $t, userIds: $u) { id } }', { t: custom.createTray.id, u: [agent.id] }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, ACCESS, { t: custom.createTray.id }, owner)).trayAccess.users).toEqual([]);
    // Other test files share the database: the refused tray is looked for by its name, not by a count.
    const refused = `VIP ${unique()}`;
    expectCode(await gql(api.url, CREATE_TRAY, { i: { name: refused, campaignId: southCampaign.id } }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, '{ trays { name } }', {}, owner)).trays.map((t: any) => t.name)).not.toContain(refused);
  });

  it("reads the conversations report, and its CSV, of its group's campaigns only", async () => {
    const mine = await startWidgetChat(api.url, northCampaign.id, `North customer ${unique()}`);
    const theirs = await startWidgetChat(api.url, southCampaign.id, `South customer ${unique()}`);
    const REPORT = 'query($f: InteractionFilterInput) { interactions(filter: $f, first: 200) { totalCount edges { node { id campaign { id } } } } }';
    const report = (await ok(api.url, REPORT, {}, grouped.token)).interactions;
    const ids = report.edges.map((e: any) => e.node.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(new Set(report.edges.map((e: any) => e.node.campaign.id))).toEqual(new Set([northCampaign.id]));
    expect((await ok(api.url, REPORT, { f: { campaignId: southCampaign.id } }, grouped.token)).interactions.totalCount).toBe(0);
    expect((await ok(api.url, REPORT, { f: { campaignId: southCampaign.id } }, owner)).interactions.totalCount).toBe(1);

    const csv = async (token: string, query = '') => {
      const res = await fetch(`${api.url}/reports/conversations.csv?${query}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const text = await csv(grouped.token);
    expect(text).toContain(mine.protocol);
    expect(text).not.toContain(theirs.protocol);
    expect(text).not.toContain(southCampaign.name);
    expect(await csv(grouped.token, `campaignId=${southCampaign.id}`)).not.toContain(theirs.protocol);
    expect(await csv(owner, `campaignId=${southCampaign.id}`)).toContain(theirs.protocol);
  });

  it("reads the offline messages of its group's campaigns only", async () => {
    const LEAVE = 'mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }';
    const leave = async (campaignId: string) => (await ok(api.url, LEAVE, { i: { campaignId, email: 'customer@example.com', body: `Call me ${unique()}` } })).leaveOfflineMessage.id;
    const [mine, theirs] = [await leave(northCampaign.id), await leave(southCampaign.id)];
    const OFFLINE = 'query($c: ID) { offlineMessages(campaignId: $c) { id } }';
    const seen = (await ok(api.url, OFFLINE, {}, grouped.token)).offlineMessages.map((m: any) => m.id);
    expect(seen).toContain(mine);
    expect(seen).not.toContain(theirs);
    expectCode(await gql(api.url, OFFLINE, { c: southCampaign.id }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, OFFLINE, { c: southCampaign.id }, owner)).offlineMessages.map((m: any) => m.id)).toContain(theirs);
  });

  it("sees and manages webhooks of its group's campaigns only; a hook for every campaign is not its", async () => {
    const CREATE = 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id campaignIds active } } }';
    const hook = async (token: string, campaigns: string[]) => (await ok(api.url, CREATE, { i: { url: 'http://127.0.0.1:9/hook', campaignIds: campaigns } }, token)).createWebhook.webhook;
    const forSouth = await hook(owner, [southCampaign.id]);
    const forAll = await hook(owner, []);
    const forBoth = await hook(owner, [northCampaign.id, southCampaign.id]);
    const forNorth = await hook(grouped.token, [northCampaign.id]);
    const visible = (await ok(api.url, '{ webhooks { id } }', {}, grouped.token)).webhooks.map((w: any) => w.id);
    expect(visible).toContain(forNorth.id);
    for (const hidden of [forSouth, forAll, forBoth]) expect(visible).not.toContain(hidden.id);
    expect((await ok(api.url, '{ webhooks { id } }', {}, owner)).webhooks.map((w: any) => w.id)).toEqual(expect.arrayContaining([forNorth.id, forSouth.id, forAll.id, forBoth.id]));

    expectCode(await gql(api.url, 'mutation($id: ID!) { setWebhookActive(id: $id, active: false) { id } }', { id: forSouth.id }, grouped.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: forAll.id }, grouped.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'query($id: ID!) { webhookDeliveries(webhookId: $id) { id } }', { id: forBoth.id }, grouped.token), 'NOT_FOUND');
    const after = (await ok(api.url, '{ webhooks { id active } }', {}, owner)).webhooks;
    expect(after.find((w: any) => w.id === forSouth.id)).toMatchObject({ active: true });
    expect(after.find((w: any) => w.id === forAll.id)).toBeTruthy();

    // South's hooks only: other test files make and delete hooks of their own in the same database.
    const southHooks = async () => (await ok(api.url, '{ webhooks { id campaignIds } }', {}, owner)).webhooks.filter((w: any) => w.campaignIds.includes(southCampaign.id)).length;
    const count = await southHooks();
    expectCode(await gql(api.url, CREATE, { i: { url: 'http://127.0.0.1:9/hook', campaignIds: [southCampaign.id] } }, grouped.token), 'BAD_USER_INPUT');
    expect(await southHooks()).toBe(count);
    // "Every campaign" from a grouped administrator is its group's campaigns, written out.
    const mineAll = (await ok(api.url, CREATE, { i: { url: 'http://127.0.0.1:9/hook', campaignIds: [] } }, grouped.token)).createWebhook.webhook;
    expect(mineAll.campaignIds).toContain(northCampaign.id);
    expect(mineAll.campaignIds).not.toContain(southCampaign.id);
    await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: mineAll.id }, grouped.token);
    await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: forNorth.id }, grouped.token);
    for (const h of [forSouth, forAll, forBoth]) await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: h.id }, owner);
  });

  it("changes its group's campaigns but cannot touch or move others", async () => {
    const renamed = `${northCampaign.name} (north)`;
    expect((await ok(api.url, UPDATE, { id: northCampaign.id, i: { name: renamed, serviceLevelSeconds: 45 } }, grouped.token)).updateCampaign).toEqual({
      id: northCampaign.id,
      name: renamed,
      securityGroup: { id: north.id },
    });
    expectCode(await gql(api.url, UPDATE, { id: southCampaign.id, i: { name: 'taken over' } }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, CAMPAIGN, { id: southCampaign.id }, owner)).campaign.name).toBe(southCampaign.name);
    expectCode(await gql(api.url, UPDATE, { id: northCampaign.id, i: { name: 'moved away', securityGroupId: south.id } }, grouped.token), 'FORBIDDEN');
    expect((await ok(api.url, CAMPAIGN, { id: northCampaign.id }, owner)).campaign).toMatchObject({ name: renamed, securityGroup: { id: north.id } });
  });

  it('creates campaigns in its own group and cannot choose another', async () => {
    const CREATE = 'mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id securityGroup { id } } }';
    const made = (await ok(api.url, CREATE, { i: { name: `Grouped ${unique()}` } }, grouped.token)).createCampaign;
    expect(made.securityGroup).toEqual({ id: north.id });
    expect(await campaignIds(grouped.token)).toContain(made.id);
    const name = `Elsewhere ${unique()}`;
    expectCode(await gql(api.url, CREATE, { i: { name, securityGroupId: south.id } }, grouped.token), 'FORBIDDEN');
    expect((await ok(api.url, '{ campaigns { name } }', {}, owner)).campaigns.map((c: any) => c.name)).not.toContain(name);
  });

  it('cannot manage groups, set groups, or reach administrators outside its group', async () => {
    expect((await ok(api.url, '{ securityGroups { id name } }', {}, grouped.token)).securityGroups).toEqual([north]);
    expectCode(await gql(api.url, 'mutation { createSecurityGroup(name: "Mine") { id } }', {}, grouped.token), 'FORBIDDEN');
    expectCode(await gql(api.url, 'mutation($id: ID!) { renameSecurityGroup(id: $id, name: "Renamed") { id } }', { id: north.id }, grouped.token), 'FORBIDDEN');
    expect((await ok(api.url, '{ securityGroups { id name } }', {}, owner)).securityGroups).toEqual(expect.arrayContaining([north, south]));
    expect((await ok(api.url, '{ securityGroups { name } }', {}, owner)).securityGroups.map((g: any) => g.name)).not.toContain('Mine');

    const email = `escape-${unique()}@tests.parley.dev`;
    const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id role securityGroup { id } } }';
    const escape = { email, name: 'Escape', password: 'a-good-test-password', role: 'ADMIN', securityGroupId: south.id };
    expectCode(await gql(api.url, CREATE_USER, { i: escape }, grouped.token), 'FORBIDDEN');
    expect((await ok(api.url, '{ users(includeInactive: true) { email } }', {}, owner)).users.map((u: any) => u.email)).not.toContain(email);
    // An administrator it makes sees no more than it does.
    const made = (await ok(api.url, CREATE_USER, { i: { ...escape, securityGroupId: undefined } }, grouped.token)).createUser;
    expect(made.securityGroup).toEqual({ id: north.id });
    // People outside its group, ungrouped ones included, are not there for it.
    const outsider = await createPerson(api.url, owner, 'SUPERVISOR');
    expectCode(await gql(api.url, UPDATE_USER, { id: outsider.id, i: { role: 'ADMIN' } }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, '{ users(includeInactive: true) { id role } }', {}, owner)).users.find((u: any) => u.id === outsider.id).role).toBe('SUPERVISOR');
    expect((await ok(api.url, '{ users(includeInactive: true) { id } }', {}, grouped.token)).users.map((u: any) => u.id)).not.toContain(outsider.id);
    const insider = await createPerson(api.url, owner, 'SUPERVISOR', { securityGroupId: north.id });
    expect((await ok(api.url, UPDATE_USER, { id: insider.id, i: { role: 'ADMIN' } }, grouped.token)).updateUser.securityGroup).toEqual({ id: north.id });

    expectCode(await gql(api.url, UPDATE_USER, { id: grouped.id, i: { securityGroupId: null } }, grouped.token), 'FORBIDDEN');
    expect(await userGroup(grouped.id)).toBe(north.id);
    const me = (await ok(api.url, '{ me { id } }', {}, owner)).me.id;
    expectCode(await gql(api.url, UPDATE_USER, { id: me, i: { role: 'AGENT' } }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, '{ me { role } }', {}, owner)).me.role).toBe('ADMIN');
    // Nor switch off or sign out the installation's owner, who would then be locked out by someone who sees less.
    expectCode(await gql(api.url, 'mutation($id: ID!) { setUserActive(id: $id, active: false) { id } }', { id: me }, grouped.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'mutation($id: ID!) { logoutAgent(userId: $id) }', { id: me }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, '{ me { id } }', {}, owner)).me.id).toBe(me);
  });
});

describe('an administrator without a security group', () => {
  it('sees every campaign, whatever its group', async () => {
    expect(await campaignIds(owner)).toEqual(expect.arrayContaining([northCampaign.id, southCampaign.id]));
    expect(await groupOf(southCampaign.id)).toBe(south.id);
  });

  it('puts new campaigns in the default group unless told another', async () => {
    const groups = (await ok(api.url, '{ securityGroups { id name } }', {}, owner)).securityGroups;
    const general = groups.find((g: any) => g.id === '00000000-0000-4000-8000-000000000001');
    expect(general).toBeTruthy();
    const plain = await createCampaign(api.url, owner);
    expect(await groupOf(plain.id)).toBe(general.id);
  });

  it("moves a campaign between groups, and the grouped administrator's view follows at once", async () => {
    const moved = await createCampaign(api.url, owner, { securityGroupId: south.id });
    expectCode(await gql(api.url, CAMPAIGN, { id: moved.id }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, UPDATE, { id: moved.id, i: { securityGroupId: north.id } }, owner)).updateCampaign.securityGroup).toEqual({ id: north.id });
    expect((await ok(api.url, CAMPAIGN, { id: moved.id }, grouped.token)).campaign.id).toBe(moved.id);
    expectCode(await gql(api.url, UPDATE, { id: moved.id, i: { securityGroupId: '00000000-0000-4000-8000-0000000000ff' } }, owner), 'BAD_USER_INPUT');
    expect(await groupOf(moved.id)).toBe(north.id);
  });

  it("stops sending a campaign's events to a grouped administrator's hook once the campaign leaves the group", async () => {
    const leaving = await createCampaign(api.url, owner, { securityGroupId: north.id });
    const CREATE = 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }';
    const hook = (await ok(api.url, CREATE, { i: { url: 'http://127.0.0.1:9/hook', campaignIds: [northCampaign.id, leaving.id], eventTypes: ['STARTED'] } }, grouped.token)).createWebhook.webhook;
    await ok(api.url, UPDATE, { id: leaving.id, i: { securityGroupId: south.id } }, owner);
    const gone = await startWidgetChat(api.url, leaving.id, `Moved customer ${unique()}`);
    const stays = await startWidgetChat(api.url, northCampaign.id, `North customer ${unique()}`);
    const DELIVERIES = 'query($h: ID!) { webhookDeliveries(webhookId: $h, first: 200) { interactionId } }';
    const delivered = async () => (await ok(api.url, DELIVERIES, { h: hook.id }, owner)).webhookDeliveries.map((d: any) => d.interactionId);
    // Events are read in order: once the later North chat is logged, the moved campaign's was passed over.
    await vi.waitFor(async () => expect(await delivered()).toContain(stays.id), { timeout: 15_000, interval: 200 });
    expect(await delivered()).not.toContain(gone.id);
    await ok(api.url, 'mutation($id: ID!) { deleteWebhook(id: $id) }', { id: hook.id }, owner);
  });

  it("sets and removes an administrator's group; without one it sees everything", async () => {
    const admin = await createPerson(api.url, owner, 'ADMIN', { securityGroupId: south.id });
    expect(await campaignIds(admin.token)).not.toContain(northCampaign.id);
    expect((await ok(api.url, UPDATE_USER, { id: admin.id, i: { securityGroupId: null } }, owner)).updateUser.securityGroup).toBeNull();
    expect(await campaignIds(admin.token)).toEqual(expect.arrayContaining([northCampaign.id, southCampaign.id]));
    await ok(api.url, UPDATE_USER, { id: admin.id, i: { securityGroupId: north.id } }, owner);
    expect(await campaignIds(admin.token)).not.toContain(southCampaign.id);
  });

  it('creates and renames groups; names are unique', async () => {
    const group = await createGroup(owner, `West ${unique()}`);
    expectCode(await gql(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: group.name }, owner), 'CONFLICT');
    expectCode(await gql(api.url, 'mutation($id: ID!, $n: String!) { renameSecurityGroup(id: $id, name: $n) { id } }', { id: group.id, n: north.name }, owner), 'CONFLICT');
    expectCode(await gql(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: '   ' }, owner), 'BAD_USER_INPUT');
    const name = `East ${unique()}`;
    expect((await ok(api.url, 'mutation($id: ID!, $n: String!) { renameSecurityGroup(id: $id, name: $n) { id name } }', { id: group.id, n: `  ${name} ` }, owner)).renameSecurityGroup).toEqual({
      id: group.id,
      name,
    });
  });
});

describe('supervisors and agents in a group', () => {
  it("reach their group's campaigns only, as administrators do", async () => {
    const supervisor = await createPerson(api.url, owner, 'SUPERVISOR', { securityGroupId: north.id });
    const seen = await campaignIds(supervisor.token);
    expect(seen).toContain(northCampaign.id);
    expect(seen).not.toContain(southCampaign.id);
    expectCode(await gql(api.url, 'query($c: ID!) { campaignMembers(campaignId: $c) { id } }', { c: southCampaign.id }, supervisor.token), 'NOT_FOUND');
    const theirs = await startWidgetChat(api.url, southCampaign.id, `South customer ${unique()}`);
    expectCode(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: theirs.id }, supervisor.token), 'NOT_FOUND');
    expectCode(await gql(api.url, 'query($id: ID!) { interaction(id: $id) { id } }', { id: theirs.id }, agent.token), 'NOT_FOUND');
    const waiting = (await ok(api.url, '{ monitor { waiting { id } } }', {}, supervisor.token)).monitor.waiting.map((c: any) => c.id);
    expect(waiting).not.toContain(theirs.id);
  });
});

describe('the side paths a grouped caller might take', () => {
  const CREATE_USER = 'mutation($i: CreateUserInput!) { createUser(input: $i) { id securityGroup { id } } }';
  const CREATE_KEY = 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }';
  const TRANSFER = 'mutation($id: ID!, $to: TransferTargetInput!) { transferInteraction(id: $id, to: $to) { phase tray { id } } }';
  const WHERE = 'query($id: ID!) { interaction(id: $id) { phase tray { id } } }';
  const emails = async () => (await ok(api.url, '{ users(includeInactive: true) { email } }', {}, owner)).users.map((u: any) => u.email);
  const personalTray = async (person: Person) => (await ok(api.url, '{ trays { id kind } }', {}, person.token)).trays.find((t: any) => t.kind === 'PERSONAL').id;

  it("a key limited to some of its group's campaigns makes no people, and sees only its campaigns' people", async () => {
    const second = await createCampaign(api.url, owner, { securityGroupId: north.id });
    const key = (await ok(api.url, CREATE_KEY, { i: { name: `narrow ${unique()}`, scopes: ['ADMIN'], campaignIds: [second.id] } }, grouped.token)).createApiKey.secret;
    const email = `via-narrow-key-${unique()}@tests.parley.dev`;
    expectCode(await gql(api.url, CREATE_USER, { i: { email, name: 'Widened', password: 'a-good-test-password', role: 'ADMIN' } }, key), 'FORBIDDEN');
    expect(await emails()).not.toContain(email);
    // The group's administrator is no member of that campaign: not a person this key reaches.
    expect((await ok(api.url, '{ users(includeInactive: true) { id } }', {}, key)).users.map((u: any) => u.id)).not.toContain(grouped.id);
    expectCode(await gql(api.url, UPDATE_USER, { id: grouped.id, i: { role: 'AGENT' } }, key), 'FORBIDDEN');
    expect((await ok(api.url, '{ users(includeInactive: true) { id role } }', {}, owner)).users.find((u: any) => u.id === grouped.id).role).toBe('ADMIN');
    // A key for the whole group (no campaigns named: the group's, written out) still makes the group's people.
    const whole = (await ok(api.url, CREATE_KEY, { i: { name: `whole ${unique()}`, scopes: ['ADMIN'] } }, grouped.token)).createApiKey.secret;
    const made = (await ok(api.url, CREATE_USER, { i: { email: `via-whole-key-${unique()}@tests.parley.dev`, name: 'Grouped', password: 'a-good-test-password', role: 'AGENT' } }, whole)).createUser;
    expect(made.securityGroup).toEqual({ id: north.id });
  });

  it('a key made by a key answers to the person behind both: moved to another group, neither reaches the old one', async () => {
    const admin = await createPerson(api.url, owner, 'ADMIN', { securityGroupId: north.id });
    const parent = (await ok(api.url, CREATE_KEY, { i: { name: `parent ${unique()}`, scopes: ['ADMIN', 'READ'] } }, admin.token)).createApiKey.secret;
    const child = (await ok(api.url, CREATE_KEY, { i: { name: `child ${unique()}`, scopes: ['READ'] } }, parent)).createApiKey.secret;
    expect(await campaignIds(child)).toContain(northCampaign.id);
    await ok(api.url, UPDATE_USER, { id: admin.id, i: { securityGroupId: south.id } }, owner);
    expect(await campaignIds(parent)).toEqual([]);
    expect(await campaignIds(child)).toEqual([]);
  });

  it("moves a chat into no personal tray whose owner's group does not reach its campaign, nor one beyond the caller", async () => {
    const southAgent = await createPerson(api.url, owner, 'AGENT', { securityGroupId: south.id });
    const [agentTray, southTray] = [await personalTray(agent), await personalTray(southAgent)];
    const theirs = await startWidgetChat(api.url, southCampaign.id, `South customer ${unique()}`);
    // The North agent is a member of South's campaign, but its group does not reach it.
    expectCode(await gql(api.url, TRANSFER, { id: theirs.id, to: { trayId: agentTray } }, owner), 'BAD_USER_INPUT');
    expect((await ok(api.url, WHERE, { id: theirs.id }, owner)).interaction).toEqual({ phase: 'WAITING', tray: { id: southCampaign.generalTrayId } });
    expect((await ok(api.url, TRANSFER, { id: theirs.id, to: { trayId: southTray } }, owner)).transferInteraction.tray).toEqual({ id: southTray });

    const mine = await startWidgetChat(api.url, northCampaign.id, `North customer ${unique()}`);
    expectCode(await gql(api.url, TRANSFER, { id: mine.id, to: { trayId: southTray } }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, WHERE, { id: mine.id }, owner)).interaction.tray).toEqual({ id: northCampaign.generalTrayId });
    // Nor to an agent it does not reach, named rather than by tray: an ungrouped agent is not there for it.
    const ungrouped = await createPerson(api.url, owner, 'AGENT');
    expectCode(await gql(api.url, TRANSFER, { id: mine.id, to: { agentId: ungrouped.id } }, grouped.token), 'NOT_FOUND');
    expect((await ok(api.url, WHERE, { id: mine.id }, owner)).interaction.tray).toEqual({ id: northCampaign.generalTrayId });
    expect((await ok(api.url, TRANSFER, { id: mine.id, to: { trayId: agentTray } }, grouped.token)).transferInteraction.tray).toEqual({ id: agentTray });
  });

  it("lists only the members and tray grants it reaches, and replacing them keeps the others'", async () => {
    const outsider = await createPerson(api.url, owner, 'AGENT');
    const campaign = await createCampaign(api.url, owner, { securityGroupId: north.id, memberIds: [agent.id, outsider.id] });
    const MEMBERS = 'query($c: ID!) { campaignMembers(campaignId: $c) { id } }';
    const members = async (token: string) => (await ok(api.url, MEMBERS, { c: campaign.id }, token)).campaignMembers.map((m: any) => m.id).sort();
    expect(await members(grouped.token)).toEqual([agent.id]);
    await ok(api.url, UPDATE, { id: campaign.id, i: { memberIds: [agent.id] } }, grouped.token);
    expect(await members(owner)).toEqual([agent.id, outsider.id].sort());

    const tray = (
      await ok(api.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `Shared ${unique()}`, campaignId: campaign.id, userIds: [agent.id, outsider.id] } }, owner)
    ).createTray.id;
    const ACCESS = 'query($t: ID!) { trayAccess(trayId: $t) { users { id } } }';
    const granted = async (token: string) => (await ok(api.url, ACCESS, { t: tray }, token)).trayAccess.users.map((u: any) => u.id).sort();
    expect(await granted(grouped.token)).toEqual([agent.id]);
    await ok(api.url, 'mutation($t: ID!, $u: [ID!]) { setTrayAccess(trayId: $t, userIds: $u) { id } }', { t: tray, u: [] }, grouped.token);
    expect(await granted(owner)).toEqual([outsider.id]);
  });

  it('counts tags in use over its own chats, and adds no tag, skill or pause reason every group would be offered', async () => {
    const tag = `south-only-${unique()}`;
    await ok(api.url, `mutation { createTag(name: "${tag}") { name } }`, {}, owner);
    const theirs = await startWidgetChat(api.url, southCampaign.id, `South customer ${unique()}`);
    await ok(api.url, 'mutation($id: ID!, $t: [String!]!) { setTags(id: $id, tags: $t) { id } }', { id: theirs.id, t: [tag] }, owner);
    const usage = async (token: string) => (await ok(api.url, '{ tagUsage { name chats } }', {}, token)).tagUsage.find((t: any) => t.name === tag);
    expect(await usage(owner)).toEqual({ name: tag, chats: 1 });
    expect(await usage(grouped.token)).toEqual({ name: tag, chats: 0 });

    const shared = `made-in-north-${unique()}`;
    expectCode(await gql(api.url, `mutation { createTag(name: "${shared}") { name } }`, {}, grouped.token), 'FORBIDDEN');
    expectCode(await gql(api.url, `mutation { createSkill(name: "${shared}") { name } }`, {}, grouped.token), 'FORBIDDEN');
    expectCode(await gql(api.url, `mutation { createPauseReason(name: "${shared}", icon: "coffee") { id } }`, {}, grouped.token), 'FORBIDDEN');
    expect((await ok(api.url, '{ tagUsage { name } skillUsage { name } }', {}, owner)).tagUsage.map((t: any) => t.name)).not.toContain(shared);
    expect((await ok(api.url, '{ skillUsage { name } }', {}, owner)).skillUsage.map((t: any) => t.name)).not.toContain(shared);
    expect((await ok(api.url, '{ pauseReasons { name } }', {}, owner)).pauseReasons.map((r: any) => r.name)).not.toContain(shared);
  });

  it("shows on the monitor no team made only of other groups' agents", async () => {
    const southAgent = await createPerson(api.url, owner, 'AGENT', { securityGroupId: south.id });
    const CREATE_TEAM = 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }';
    const theirs = (await ok(api.url, CREATE_TEAM, { i: { name: `South team ${unique()}`, memberIds: [southAgent.id] } }, owner)).createTeam.id;
    const ours = (await ok(api.url, CREATE_TEAM, { i: { name: `North team ${unique()}`, memberIds: [agent.id] } }, owner)).createTeam.id;
    const supervisor = await createPerson(api.url, owner, 'SUPERVISOR', { securityGroupId: north.id });
    const teams = async (token: string) => (await ok(api.url, '{ monitor { teams { team { id } agentIds } } }', {}, token)).monitor.teams;
    const seen = await teams(supervisor.token);
    expect(seen.map((t: any) => t.team.id)).toContain(ours);
    expect(seen.map((t: any) => t.team.id)).not.toContain(theirs);
    expect((await teams(owner)).map((t: any) => t.team.id)).toEqual(expect.arrayContaining([ours, theirs]));
  });
});
