/**
 * Live directories through the public API: every mutation that changes a list the screens show
 * (people, teams, campaigns, security groups, pause reasons, trays and their access, tags, skills,
 * canned responses) is told on `directoryChanged`, with its campaign where it has one; a caller whose
 * scope does not reach that campaign (a grouped supervisor, a campaign-limited key) is told nothing of
 * it; visitors and the anonymous cannot follow at all.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { ok } from './support/graphql.js';
import { connect, errorCodes, type Subscription, type TestWsClient } from './support/ws-client.js';
import { adminToken, type CampaignFixture, createApiKey, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

const unique = () => randomBytes(4).toString('hex');
const FOLLOW = 'subscription { directoryChanged { parts campaignId } }';

interface Change {
  directoryChanged: { parts: string[]; campaignId: string | null };
}

let api: ApiProcess;
let owner: string;
let north: CampaignFixture;
let south: CampaignFixture;
let northSupervisor: Person;
let northAgent: Person;
let northKey: string;
const sockets: TestWsClient[] = [];

async function follow(token: string | null): Promise<Subscription<Change>> {
  const socket = connect(api.wsUrl, token);
  sockets.push(socket);
  return socket.subscribe<Change>(FOLLOW);
}

/** Makes changes until the follower hears one, so the subscription is known to be live before the test's own changes. */
async function live(sub: Subscription<Change>): Promise<void> {
  const before = sub.events.length;
  for (let i = 0; i < 50 && sub.events.length === before; i++) {
    await ok(api.url, 'mutation($n: String!) { createTag(name: $n) { name } }', { n: `probe-${unique()}` }, owner);
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(sub.events.length).toBeGreaterThan(before);
}

const heard = (sub: Subscription<Change>, part: string, campaignId: string | null, from: number) =>
  sub.until((events) => events.slice(from).some((e) => e.directoryChanged.parts.includes(part) && e.directoryChanged.campaignId === campaignId));

beforeAll(async () => {
  api = await startApi();
  owner = await adminToken(api.url);
  const group = async (n: string) => (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `${n} ${unique()}` }, owner)).createSecurityGroup.id;
  const [northGroup, southGroup] = [await group('North'), await group('South')];
  northSupervisor = await createPerson(api.url, owner, 'SUPERVISOR', { securityGroupId: northGroup });
  northAgent = await createPerson(api.url, owner, 'AGENT', { securityGroupId: northGroup });
  north = await createCampaign(api.url, owner, { securityGroupId: northGroup, memberIds: [northAgent.id] });
  south = await createCampaign(api.url, owner, { securityGroupId: southGroup });
  northKey = await createApiKey(api.url, owner, ['SUPERVISE'], [north.id]);
});

afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await api?.stop();
});

describe('a directory change', () => {
  it('is told for every mutation that changes a list the screens show, with its campaign where it has one', async () => {
    const sub = await follow(owner);
    await live(sub);
    const run = (query: string, variables: Record<string, unknown> = {}) => ok(api.url, query, variables, owner);
    const reason = (await run('mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: `Break ${unique()}` })).createPauseReason.id;
    const tray = (await run('mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `VIP ${unique()}`, campaignId: north.id } })).createTray.id;
    const tag = `tag-${unique()}`;
    const skill = `skill-${unique()}`;
    const person = await createPerson(api.url, owner, 'AGENT');
    const steps: [string, string | null, () => Promise<unknown>][] = [
      ['PAUSE_REASON', null, () => run('mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: `Lunch ${unique()}` })],
      ['PAUSE_REASON', null, () => run('mutation($id: ID!, $n: String!) { updatePauseReason(id: $id, input: { name: $n }) { id } }', { id: reason, n: `Pause ${unique()}` })],
      ['PAUSE_REASON', null, () => run('mutation($id: ID!) { setPauseReasonActive(id: $id, active: false) { id } }', { id: reason })],
      ['TRAY', north.id, () => run('mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `Gold ${unique()}`, campaignId: north.id } })],
      ['TRAY_ACCESS', north.id, () => run('mutation($t: ID!, $u: [ID!]!) { setTrayAccess(trayId: $t, userIds: $u) { id } }', { t: tray, u: [northAgent.id] })],
      ['TAG', null, () => run('mutation($n: String!) { createTag(name: $n) { name } }', { n: tag })],
      ['TAG', null, () => run('mutation($n: String!, $m: String!) { renameTag(name: $n, newName: $m) { name } }', { n: tag, m: `${tag}-x` })],
      ['TAG', null, () => run('mutation($n: String!) { deleteTag(name: $n) }', { n: `${tag}-x` })],
      ['SKILL', null, () => run('mutation($n: String!) { createSkill(name: $n) { name } }', { n: skill })],
      ['SKILL', null, () => run('mutation($n: String!, $m: String!) { renameSkill(name: $n, newName: $m) { name } }', { n: skill, m: `${skill}-x` })],
      ['SKILL', null, () => run('mutation($n: String!) { deleteSkill(name: $n) }', { n: `${skill}-x` })],
      ['TEAM', null, () => run('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { name: `Team ${unique()}`, memberIds: [person.id] } })],
      // Trays are granted to teams too: a person's teams decide which trays they reach.
      [
        'TRAY_ACCESS',
        null,
        async () => {
          const team = (await run('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { name: `Desk ${unique()}` } })).createTeam.id;
          return run('mutation($id: ID!, $t: [ID!]!) { updateUser(id: $id, input: { teamIds: $t }) { id } }', { id: person.id, t: [team] });
        },
      ],
      ['USER', null, () => createPerson(api.url, owner, 'SUPERVISOR')],
      ['USER', null, () => run('mutation($id: ID!, $n: String!) { updateUser(id: $id, input: { name: $n }) { id } }', { id: person.id, n: `Renamed ${unique()}` })],
      ['USER', null, () => run('mutation($id: ID!) { setUserActive(id: $id, active: false) { id } }', { id: person.id })],
      ['CAMPAIGN', north.id, () => run('mutation($id: ID!, $n: String!) { updateCampaign(id: $id, input: { name: $n }) { id } }', { id: north.id, n: `North ${unique()}` })],
      ['SECURITY_GROUP', null, () => run('mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `East ${unique()}` })],
      [
        'CANNED_RESPONSE',
        north.id,
        () => run('mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }', { i: { campaignId: north.id, shortcut: `hi${unique()}`, body: 'Hello!' } }),
      ],
    ];
    for (const [part, campaignId, change] of steps) {
      const from = sub.events.length;
      await change();
      await heard(sub, part, campaignId, from).catch(() => {
        throw new Error(`${part} (${campaignId ?? 'shared'}) was not told after ${change.toString().slice(0, 120)}`);
      });
    }
    const made = (await run('mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }', { i: { name: `West ${unique()}` } })).createCampaign.id;
    await heard(sub, 'CAMPAIGN', made, 0);
    // Its General and Closed trays are new trays of that campaign.
    await heard(sub, 'TRAY', made, 0);
  });

  it('of a campaign is not told to a grouped supervisor or a key that does not reach it, and is told to them when it is theirs', async () => {
    const [supervisor, key, agent] = [await follow(northSupervisor.token), await follow(northKey), await follow(northAgent.token)];
    for (const sub of [supervisor, key, agent]) await live(sub);
    const from = [supervisor, key, agent].map((s) => s.events.length);
    const southTray = (await ok(api.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `Secret ${unique()}`, campaignId: south.id } }, owner)).createTray.id;
    await ok(api.url, 'mutation($t: ID!, $u: [ID!]!) { setTrayAccess(trayId: $t, userIds: $u) { id } }', { t: southTray, u: [] }, owner);
    await ok(api.url, 'mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }', { i: { campaignId: south.id, shortcut: `s${unique()}`, body: 'Secret' } }, owner);
    await ok(api.url, 'mutation($id: ID!, $n: String!) { updateCampaign(id: $id, input: { name: $n }) { id } }', { id: south.id, n: `South ${unique()}` }, owner);
    // Then one of their own campaign: the channel keeps order, so by the time it arrives the others would have.
    await ok(api.url, 'mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }', { i: { campaignId: north.id, shortcut: `n${unique()}`, body: 'Ours' } }, owner);
    for (const [i, sub] of [supervisor, key, agent].entries()) {
      await heard(sub, 'CANNED_RESPONSE', north.id, from[i]);
      const campaigns = sub.events.slice(from[i]).map((e) => e.directoryChanged.campaignId);
      expect(campaigns).not.toContain(south.id);
    }
  });

  it('cannot be followed by a visitor or without signing in', async () => {
    const chat = await startWidgetChat(api.url, north.id);
    const visitor = connect(api.wsUrl, chat.visitorToken);
    const anonymous = connect(api.wsUrl, null);
    sockets.push(visitor, anonymous);
    const [asVisitor, asNobody] = [visitor.subscribe(FOLLOW), anonymous.subscribe(FOLLOW)];
    await asVisitor.until(() => asVisitor.errors.length > 0).catch(() => undefined);
    await asNobody.until(() => asNobody.errors.length > 0).catch(() => undefined);
    expect(errorCodes(asVisitor.errors)).toContain('FORBIDDEN');
    expect(errorCodes(asNobody.errors)).toContain('UNAUTHENTICATED');
    expect(asVisitor.events).toEqual([]);
  });
});
