/**
 * What administrators change after the first day: a campaign's settings, each change checked like a
 * new campaign's, applied from the next decision, and refused whole when any part is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { adminToken, createCampaign, createPerson, type Person, startWidgetChat } from './support/world.js';

let api: ApiProcess;
let admin: string;
let supervisor: Person;
let agent: Person;

beforeAll(async () => {
  api = await startApi();
  admin = await adminToken(api.url);
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  agent = await createPerson(api.url, admin, 'AGENT');
});

afterAll(async () => {
  await api?.stop();
});

const UPDATE = `mutation($id: ID!, $i: UpdateCampaignInput!) { updateCampaign(id: $id, input: $i) {
  name routingStrategy serviceLevelSeconds timeZone waitingLimit thresholdsSeconds allowVideo askPhone
  schedule { ranges { day from to } holidays } messages { language welcome closing } } }`;

describe('changing a campaign', () => {
  it('changes what is given, keeps the rest, and merges messages per language', async () => {
    const campaign = await createCampaign(api.url, admin, {
      serviceLevelSeconds: 20,
      messages: [
        { language: 'en', welcome: 'Hi', closing: 'Bye' },
        { language: 'es', welcome: 'Hola' },
      ],
    });
    const changed = (
      await ok(
        api.url,
        UPDATE,
        {
          id: campaign.id,
          i: {
            name: `${campaign.name} (renamed)`,
            routingStrategy: 'LEAST_BUSY',
            timeZone: 'America/Sao_Paulo',
            waitingLimit: 10,
            thresholdsSeconds: [60, 120, 180],
            allowVideo: true,
            schedule: { ranges: [{ day: 1, from: '09:00', to: '18:00' }], holidays: ['2026-12-25'] },
            messages: [
              { language: 'pt', welcome: 'Olá' },
              { language: 'en', welcome: 'Hello' },
            ],
          },
        },
        admin,
      )
    ).updateCampaign;
    expect(changed).toMatchObject({
      name: `${campaign.name} (renamed)`,
      routingStrategy: 'LEAST_BUSY',
      serviceLevelSeconds: 20,
      timeZone: 'America/Sao_Paulo',
      waitingLimit: 10,
      thresholdsSeconds: [60, 120, 180],
      allowVideo: true,
      askPhone: false,
      schedule: { ranges: [{ day: 1, from: '09:00', to: '18:00' }], holidays: ['2026-12-25'] },
    });
    const byLanguage = Object.fromEntries(changed.messages.map((m: any) => [m.language, m]));
    expect(byLanguage.en).toMatchObject({ welcome: 'Hello' });
    expect(byLanguage.es).toMatchObject({ welcome: 'Hola' });
    expect(byLanguage.pt).toMatchObject({ welcome: 'Olá' });
    // Members given replace the members; supervisors and administrators read them.
    await ok(api.url, UPDATE, { id: campaign.id, i: { memberIds: [agent.id, supervisor.id] } }, admin);
    const MEMBERS = 'query($c: ID!) { campaignMembers(campaignId: $c) { id } }';
    expect((await ok(api.url, MEMBERS, { c: campaign.id }, supervisor.token)).campaignMembers.map((m: any) => m.id).sort()).toEqual([agent.id, supervisor.id].sort());
    await ok(api.url, UPDATE, { id: campaign.id, i: { memberIds: [agent.id] } }, admin);
    expect((await ok(api.url, MEMBERS, { c: campaign.id }, admin)).campaignMembers).toEqual([{ id: agent.id }]);
    expectCode(await gql(api.url, MEMBERS, { c: campaign.id }, agent.token), 'FORBIDDEN');
    // A chat's times are shown in its campaign's zone: the interaction carries it.
    const chat = await startWidgetChat(api.url, campaign.id);
    const seen = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { campaign { timeZone } } }', { id: chat.id }, supervisor.token);
    expect(seen.interaction.campaign.timeZone).toBe('America/Sao_Paulo');
    // Cleared: no schedule means always open, no waiting limit.
    const cleared = (await ok(api.url, UPDATE, { id: campaign.id, i: { schedule: null, waitingLimit: null } }, admin)).updateCampaign;
    expect(cleared).toMatchObject({ schedule: null, waitingLimit: null, routingStrategy: 'LEAST_BUSY' });
  });

  it('refuses a wrong value, a taken name, strangers and unknown campaigns, and changes nothing', async () => {
    const campaign = await createCampaign(api.url, admin);
    const other = await createCampaign(api.url, admin);
    const read = async () => (await ok(api.url, 'query($id: ID!) { campaign(id: $id) { name timeZone thresholdsSeconds serviceLevelSeconds } }', { id: campaign.id }, admin)).campaign;
    const before = await read();
    for (const [input, field] of [
      [{ timeZone: 'Mars/Olympus', name: 'Changed' }, 'timeZone'],
      [{ thresholdsSeconds: [300, 100, 900] }, 'thresholdsSeconds'],
      [{ serviceLevelSeconds: -1 }, 'serviceLevelSeconds'],
      [{ serviceLevelSeconds: null }, 'serviceLevelSeconds'],
      [{ name: '   ' }, 'name'],
    ] as const) {
      const failed = await gql(api.url, UPDATE, { id: campaign.id, i: input }, admin);
      expectCode(failed, 'BAD_USER_INPUT');
      expect(failed.errors![0]!.extensions!.field).toBe(field);
    }
    expectCode(await gql(api.url, UPDATE, { id: campaign.id, i: { name: other.name } }, admin), 'CONFLICT');
    expectCode(await gql(api.url, UPDATE, { id: campaign.id, i: { serviceLevelSeconds: 5 } }, supervisor.token), 'FORBIDDEN');
    expectCode(await gql(api.url, UPDATE, { id: campaign.id, i: { serviceLevelSeconds: 5 } }, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, UPDATE, { id: '00000000-0000-4000-8000-000000000000', i: { serviceLevelSeconds: 5 } }, admin), 'NOT_FOUND');
    expect(await read()).toEqual(before);
  });
});

describe('people and teams', () => {
  it('supervisors and administrators list people by name and role, and teams with their members', async () => {
    const a = await createPerson(api.url, admin, 'AGENT');
    const b = await createPerson(api.url, admin, 'AGENT');
    const team = (await ok(api.url, 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }', { i: { name: `Team ${Date.now()}`, memberIds: [a.id, b.id] } }, admin)).createTeam.id;
    const agents = (await ok(api.url, '{ users(role: AGENT) { id role active teams { id } } }', {}, supervisor.token)).users;
    expect(agents.every((u: any) => u.role === 'AGENT' && u.active)).toBe(true);
    expect(agents.find((u: any) => u.id === a.id).teams).toEqual([{ id: team }]);
    const everyone = (await ok(api.url, '{ users { id name } }', {}, admin)).users;
    expect(everyone.map((u: any) => u.id)).toEqual(expect.arrayContaining([a.id, b.id, supervisor.id, agent.id]));
    const names = everyone.map((u: any) => u.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const teams = (await ok(api.url, '{ teams { id members { id } } }', {}, supervisor.token)).teams;
    expect(
      teams
        .find((t: any) => t.id === team)
        .members.map((m: any) => m.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expectCode(await gql(api.url, '{ users { id } }', {}, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, '{ teams { id } }', {}, agent.token), 'FORBIDDEN');
  });
});

describe('the conversations report', () => {
  it('finds conversations by campaign, agent, result and dates, and exports them as CSV for supervisors', async () => {
    const campaign = await createCampaign(api.url, admin);
    const served = await startWidgetChat(api.url, campaign.id, 'Report Served');
    const waiting = await startWidgetChat(api.url, campaign.id, 'Report Waiting');
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: served.id }, agent.token);
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: served.id }, agent.token);
    const REPORT = 'query($f: InteractionFilterInput) { interactions(filter: $f) { totalCount edges { node { protocol } } } }';
    const find = async (f: Record<string, unknown>) => (await ok(api.url, REPORT, { f: { campaignId: campaign.id, ...f } }, supervisor.token)).interactions.edges.map((e: any) => e.node.protocol);
    expect(await find({ agentId: agent.id })).toEqual([served.protocol]);
    expect(await find({ results: ['SUCCESS'] })).toEqual([served.protocol]);
    expect(await find({ results: ['NO_ANSWER'] })).toEqual([]);
    expect(await find({ createdFrom: new Date(Date.now() - 60_000).toISOString() })).toEqual([waiting.protocol, served.protocol]);
    expect(await find({ createdTo: new Date(Date.now() - 60_000).toISOString() })).toEqual([]);
    // The total is counted when asked for, through a fragment too.
    const counted = await ok(
      api.url,
      'query($f: InteractionFilterInput) { interactions(filter: $f) { ...total } } fragment total on InteractionConnection { totalCount }',
      { f: { campaignId: campaign.id } },
      supervisor.token,
    );
    expect(counted.interactions.totalCount).toBe(2);

    const csv = async (query: string, token: string | null = supervisor.token) => {
      const res = await fetch(`${api.url}/reports/conversations.csv?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
    };
    const all = await csv(`campaignId=${campaign.id}`);
    expect(all.status).toBe(200);
    expect(all.type).toMatch(/^text\/csv/);
    const lines = all.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('protocol,campaign,channel,contact,email,phone,agent,phase,status,result,tags,started,queued,assigned,closed,waitedSeconds');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([waiting.protocol, served.protocol]);
    const success = await csv(`campaignId=${campaign.id}&results=SUCCESS`);
    expect(success.text.trim().split(/\r?\n/)).toHaveLength(2);
    expect(success.text).toContain(',SUCCESS,');

    const refused = await csv(`campaignId=${campaign.id}&results=WON`);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await csv(`campaignId=${campaign.id}`, agent.token)).status).toBe(403);
    expect((await csv(`campaignId=${campaign.id}`, null)).status).toBe(401);
  });
});

describe('trays and their access', () => {
  it('supervisors read who may see a custom tray, as it was last set', async () => {
    const campaign = await createCampaign(api.url, admin);
    const team = (await ok(api.url, 'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id name } }', { i: { name: `Access team ${Date.now()}` } }, admin)).createTeam;
    const tray = (await ok(api.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: 'VIP', campaignId: campaign.id } }, supervisor.token)).createTray.id;
    await ok(api.url, 'mutation($t: ID!, $u: [ID!]!, $g: [ID!]!) { setTrayAccess(trayId: $t, userIds: $u, teamIds: $g) { id } }', { t: tray, u: [agent.id], g: [team.id] }, supervisor.token);
    const ACCESS = 'query($t: ID!) { trayAccess(trayId: $t) { users { id } teams { id name } } }';
    expect((await ok(api.url, ACCESS, { t: tray }, supervisor.token)).trayAccess).toEqual({ users: [{ id: agent.id }], teams: [team] });
    expectCode(await gql(api.url, ACCESS, { t: tray }, agent.token), 'FORBIDDEN');
    expectCode(await gql(api.url, ACCESS, { t: '00000000-0000-4000-8000-000000000000' }, supervisor.token), 'NOT_FOUND');
  });
});
