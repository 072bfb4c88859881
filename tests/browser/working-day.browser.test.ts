/**
 * A working day, played at once in real browsers (issue 15): three customers writing from the widget
 * in English, Spanish and Portuguese; two agents (Ana in English, Bruno in Spanish) routed round
 * robin; a supervisor on the monitor. Chats are routed and announced, one is transferred with a note,
 * one asks for help and a colleague joins and writes, a customer calls and their network drops for
 * two seconds, and the supervisor signs an agent out. At the end every customer's wait, every notice
 * and every step of each chat's trail is checked.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { docsScreenshot, expectAccessible, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, PASSWORD, type Person } from '../support/world.js';

const GRACE_MS = 5000;

let api: ApiProcess;
let browser: Browser;
let admin: string;
let campaign: CampaignFixture;
let supervisor: Person;
const contexts: BrowserContext[] = [];
const errors: string[][] = [];

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi({ CALL_DROP_GRACE_MS: String(GRACE_MS) }), launchChromium()]);
  admin = await adminToken(api.url);
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

async function open(locale: string, media = false): Promise<[BrowserContext, Page]> {
  const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 800 }, ...(media ? { permissions: ['microphone', 'camera'] } : {}) });
  contexts.push(ctx);
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  const page = await ctx.newPage();
  errors.push(watchErrors(page));
  return [ctx, page];
}

interface Customer {
  name: string;
  ctx: BrowserContext;
  page: Page;
  widget: FrameLocator;
  id: string;
  protocol: string;
  /** When they first waited for a person, read once they were routed. */
  waitingSince: string;
}

async function customerWrites(locale: string, name: string, hello: string): Promise<Customer> {
  const [ctx, page] = await open(locale, true);
  await page.goto(`${api.url}/demo?campaign=${campaign.id}`);
  await page.locator('[data-parley-widget="button"]').click();
  const widget = page.frameLocator('iframe[data-parley-widget="frame"]');
  await widget.getByTestId('widget-name').fill(name);
  if (await widget.getByTestId('widget-email').count()) await widget.getByTestId('widget-email').fill('customer@example.com');
  await widget.getByTestId('widget-start').click();
  await widget.getByTestId('widget-input').fill(hello);
  await widget.getByTestId('widget-input').press('Enter');
  const node = await vi.waitFor(
    async () => {
      const listed = await ok(api.url, 'query($c: ID!) { interactions(filter: { campaignId: $c }) { edges { node { id protocol contact { name } } } } }', { c: campaign.id }, admin);
      const mine = listed.interactions.edges.map((e: any) => e.node).find((n: any) => n.contact.name === name);
      if (!mine) throw new Error(`${name} has not started yet`);
      return mine;
    },
    { timeout: 20_000, interval: 200 },
  );
  return { name, ctx, page, widget, id: node.id, protocol: node.protocol, waitingSince: '' };
}

const chat = async (id: string) =>
  (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase status waitingSince firstAssignedAt agent { id name } participants { id } events { type } } }', { id }, admin)).interaction;

/** The page of whoever holds the chat now. */
const holderOf = async (id: string, agents: { person: Person; page: Page }[]) => {
  const agentId = await vi.waitFor(
    async () => {
      const held = (await chat(id)).agent?.id;
      if (!held) throw new Error('nobody holds it yet');
      return held as string;
    },
    { timeout: 20_000, interval: 200 },
  );
  return agents.find((a) => a.person.id === agentId)!;
};

const noticeFor = (page: Page, protocol: string) => page.getByTestId('notification-new-chat').filter({ hasText: protocol });

describe('a working day', () => {
  it('customers in three languages, two agents and a supervisor through routing, a transfer, help, a call with a drop and a sign-out', { timeout: 300_000 }, async () => {
    const ana = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 4, languages: ['en', 'es', 'pt'] });
    const bruno = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 4, languages: ['en', 'es', 'pt'] });
    campaign = await createCampaign(api.url, admin, {
      routingStrategy: 'ROUND_ROBIN',
      memberIds: [ana.id, bruno.id],
      allowAudio: true,
      allowVideo: true,
      messages: [
        { language: 'en', welcome: 'Welcome to Acme!', agentGreeting: 'An Acme agent is with you now.' },
        { language: 'es', welcome: '¡Bienvenido a Acme!', agentGreeting: 'Te atiende un agente de Acme.' },
        { language: 'pt', welcome: 'Bem-vindo à Acme!', agentGreeting: 'Um agente da Acme está com você.' },
      ],
    });

    // Morning: everyone signs in; the supervisor watches the monitor.
    const [, anaPage] = await open('en-US');
    const [, brunoPage] = await open('es-ES');
    const [, supPage] = await open('en-US');
    await Promise.all([
      signInThroughForm(anaPage, api.url, ana.email, PASSWORD),
      signInThroughForm(brunoPage, api.url, bruno.email, PASSWORD),
      signInThroughForm(supPage, api.url, supervisor.email, PASSWORD),
    ]);
    await supPage.getByTestId('nav-monitor').click();
    await supPage.waitForURL(/\/monitor/);
    const agents = [
      { person: ana, page: anaPage },
      { person: bruno, page: brunoPage },
    ];

    // Three customers write; round robin gives each to an agent, who is told.
    const carol = await customerWrites('en-US', 'Carol Smith', 'Hi, my order is late');
    const diego = await customerWrites('es-ES', 'Diego Núñez', 'Hola, quiero cambiar mi plan');
    const paula = await customerWrites('pt-BR', 'Paula Souza', 'Olá, preciso de um reembolso');
    const customers = [carol, diego, paula];
    const told = new Map<string, Set<string>>();
    const tell = (protocol: string, who: Person) => told.set(protocol, new Set([...(told.get(protocol) ?? []), who.id]));
    for (const c of customers) {
      const holder = await holderOf(c.id, agents);
      await noticeFor(holder.page, c.protocol).waitFor();
      tell(c.protocol, holder.person);
      c.waitingSince = (await chat(c.id)).waitingSince;
      expect(c.waitingSince).toBeTruthy();
    }
    await screenshot(anaPage, 'day-inbox-morning');

    // Diego's agent hands him to the colleague with a note; the colleague is told.
    const diegoFirst = await holderOf(diego.id, agents);
    const colleague = agents.find((a) => a !== diegoFirst)!;
    await ok(
      api.url,
      'mutation($id: ID!, $to: TransferTargetInput!, $n: String) { transferInteraction(id: $id, to: $to, note: $n) { id } }',
      { id: diego.id, to: { agentId: colleague.person.id }, n: 'Quiere el plan anual' },
      diegoFirst.person.token,
    );
    // It waits in the colleague's own tray: given to them, so they are told, and they take it.
    await noticeFor(colleague.page, diego.protocol).waitFor();
    tell(diego.protocol, colleague.person);
    await colleague.page.getByTestId('inbox-row').filter({ hasText: diego.protocol }).getByTestId('inbox-take').click();
    await expect.poll(async () => (await chat(diego.id)).agent?.id ?? null, { timeout: 20_000 }).toBe(colleague.person.id);
    await diego.widget.getByTestId('widget-phase').filter({ hasText: colleague.person.name }).waitFor();

    // Paula's agent asks for help; the other agent joins from Needs help and writes beside them.
    const paulaHolder = await holderOf(paula.id, agents);
    const helper = agents.find((a) => a !== paulaHolder)!;
    await ok(api.url, 'mutation($id: ID!) { setInteractionStatus(id: $id, status: NEEDS_HELP) { id } }', { id: paula.id }, paulaHolder.person.token);
    await helper.page.getByTestId('inbox-tab-needs-help').click();
    await helper.page.getByTestId('inbox-row').filter({ hasText: paula.protocol }).click();
    await helper.page.getByTestId('action-join').click();
    await helper.page.getByTestId('composer-input').fill('Posso ajudar com o reembolso.');
    await helper.page.getByTestId('composer-send').click();
    await paula.widget.getByTestId('widget-message').filter({ hasText: 'Posso ajudar com o reembolso.' }).waitFor();
    await paula.widget.getByTestId('widget-phase').filter({ hasText: helper.person.name }).waitFor();
    await helper.page.getByTestId('inbox-tab-open').click();

    // Carol calls her agent; her network drops for two seconds and the call goes on.
    const carolHolder = await holderOf(carol.id, agents);
    await carol.widget.getByTestId('widget-call-audio').click();
    await carolHolder.page.getByTestId('call-accept').click();
    await carolHolder.page.waitForURL(new RegExp(`/inbox/${carol.id}$`));
    await carol.ctx.setOffline(true);
    await carol.page.waitForTimeout(2000);
    await carol.ctx.setOffline(false);
    await carol.page.waitForTimeout(GRACE_MS + 2000);
    const onCall = async (p: Person) => (await ok(api.url, 'query($a: [ID!]) { monitor(filter: { agentIds: $a }) { agents { onCall } } }', { a: [p.id] }, supervisor.token)).monitor.agents[0].onCall;
    expect(await onCall(carolHolder.person)).toBe(true);
    await carolHolder.page.getByTestId('call-hangup').click();
    await expect.poll(() => onCall(carolHolder.person)).toBe(false);
    await expectAccessible(supPage, 'the monitor during the day');
    await docsScreenshot(supPage, 'monitor');

    // Afternoon: the supervisor signs Bruno out; his chats go back to wait and reach Ana, who is told.
    const brunoChats = [];
    for (const c of customers) if ((await chat(c.id)).agent?.id === bruno.id) brunoChats.push(c);
    // Ana looks at her list, no chat open: each chat that reaches her is news.
    await anaPage.goto(`${api.url}/inbox`);
    await anaPage.getByTestId('inbox-row').first().waitFor();
    await ok(api.url, 'mutation($u: ID!) { logoutAgent(userId: $u) }', { u: bruno.id }, supervisor.token);
    await brunoPage.waitForURL(/\/signin/);
    for (const c of brunoChats) {
      await expect.poll(async () => (await chat(c.id)).agent?.id ?? null, { timeout: 20_000 }).toBe(ana.id);
      await noticeFor(anaPage, c.protocol).waitFor();
      tell(c.protocol, ana);
    }

    // Evening: every customer's wait still counts from when they first waited, whatever moved them.
    for (const c of customers) {
      const now = await chat(c.id);
      expect(now.waitingSince).toBe(c.waitingSince);
      expect(Date.parse(now.firstAssignedAt)).toBeGreaterThanOrEqual(Date.parse(c.waitingSince));
    }
    // Each customer was greeted once, however many agents served them.
    const greetings: [Customer, string][] = [
      [carol, 'An Acme agent is with you now.'],
      [diego, 'Te atiende un agente de Acme.'],
      [paula, 'Um agente da Acme está com você.'],
    ];
    for (const [c, greeting] of greetings) {
      await c.widget.getByTestId('widget-message').filter({ hasText: greeting }).first().waitFor();
      expect(await c.widget.getByTestId('widget-message').filter({ hasText: greeting }).count()).toBe(1);
    }
    // Every chat's holder was told about it each time it was given to them.
    for (const c of customers) expect(told.get(c.protocol)?.size ?? 0).toBeGreaterThanOrEqual(1);
    expect(told.get(diego.protocol)!.has(colleague.person.id)).toBe(true);
    // And every step of the day is in each chat's trail.
    const trail = async (c: Customer) => (await chat(c.id)).events.map((e: { type: string }) => e.type);
    expect(await trail(diego)).toEqual(expect.arrayContaining(['STARTED', 'TAKEN', 'TRANSFERRED']));
    expect(await trail(paula)).toEqual(expect.arrayContaining(['STARTED', 'TAKEN', 'STATUS_CHANGED', 'JOINED']));
    expect(await trail(carol)).toEqual(expect.arrayContaining(['STARTED', 'TAKEN', 'CALL_REQUESTED', 'CALL_STARTED', 'CALL_ENDED']));
    for (const c of brunoChats) expect(await trail(c)).toEqual(expect.arrayContaining(['RETURNED']));
    // The pictures of the README: the inbox, a conversation with its story, the contact's record.
    await anaPage.goto(`${api.url}/inbox`);
    await anaPage.getByTestId('inbox-row').first().waitFor();
    await docsScreenshot(anaPage, 'inbox');
    // Each chat's story shows between its messages in the conversation, as it happened.
    const timeline = async (c: Customer) => {
      await anaPage.goto(`${api.url}/inbox/${c.id}`);
      await anaPage.getByTestId('timeline-entry').first().waitFor();
      return anaPage.getByTestId('timeline-entry').evaluateAll((entries) => entries.map((e) => e.getAttribute('data-type')));
    };
    expect(await timeline(paula)).toEqual(expect.arrayContaining(['STATUS_CHANGED', 'JOINED']));
    expect(await timeline(carol)).toEqual(expect.arrayContaining(['TAKEN']));
    expect(await timeline(diego)).toEqual(expect.arrayContaining(['TAKEN', 'TRANSFERRED']));
    await anaPage.getByTestId('timeline-entry').filter({ hasText: 'Quiere el plan anual' }).waitFor();
    await docsScreenshot(anaPage, 'conversation');
    await anaPage.getByTestId('view-contact').click();
    await anaPage.getByTestId('contact-record').waitFor();
    await docsScreenshot(anaPage, 'contact-record');
    // The page signed out by force included: its queries in flight are let finish, none rejects unhandled.
    expect(errors.flat()).toEqual([]);
  });
});
