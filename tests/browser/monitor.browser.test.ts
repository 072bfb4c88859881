/**
 * The supervisor's live dashboard, watched while two agents work in their own browsers: rows move
 * as the agents take chats, a spied chat shows the customer's next message, a pause and a forced
 * sign-out reach the agent's own screen, and five chats are transferred at once (a sixth is refused).
 * Nothing on the dashboard is reloaded or polled: every change arrives by the subscription.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { narrowToAgents } from '../support/monitor.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, INTERACTION_FIELDS, PASSWORD, type Person, POST, startWidgetChat } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let admin: string;
let campaign: CampaignFixture;
let ana: Person;
let bruno: Person;
let supervisor: Person;
let monitor: Page;
let anaPage: Page;
let brunoPage: Page;
let monitorErrors: string[];
let breakName: string;
const suffix = Date.now().toString(36);
const contexts: BrowserContext[] = [];

async function signedInPage(person: Person): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  contexts.push(ctx);
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  const page = await ctx.newPage();
  await signInThroughForm(page, api.url, person.email, PASSWORD);
  return page;
}

const agentRow = (person: Person) => monitor.locator(`[data-testid="monitor-agent-row"][data-user-id="${person.id}"]`);

async function takeFromInbox(page: Page, customer: string): Promise<void> {
  const row = page.getByTestId('inbox-row').filter({ hasText: customer });
  await row.getByTestId('inbox-take').click();
  await page.getByTestId('composer-input').waitFor();
}

async function agentAction(person: Person, action: string): Promise<void> {
  await agentRow(person).getByTestId('monitor-agent-actions').click();
  await monitor.getByTestId(`monitor-action-${action}`).click();
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  admin = await adminToken(api.url);
  ana = await createPerson(api.url, admin, 'AGENT', { name: `Ana Monitor ${suffix}`, maxConcurrentChats: 10 });
  bruno = await createPerson(api.url, admin, 'AGENT', { name: `Bruno Monitor ${suffix}` });
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  campaign = await createCampaign(api.url, admin);
  // Test files share one database, where a pause reason's name is unique.
  breakName = `Break ${suffix}`;
  await ok(api.url, 'mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: breakName }, admin);
  [monitor, anaPage, brunoPage] = await Promise.all([signedInPage(supervisor), signedInPage(ana), signedInPage(bruno)]);
  monitorErrors = watchErrors(monitor);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

describe('the supervisor’s live dashboard', JOURNEY, () => {
  it('shows the two agents’ rows change live as they take chats', async () => {
    // Straight after signing in, with no reload: the header reads the new person's screens.
    await monitor.getByTestId('nav-monitor').click();
    await monitor.waitForURL(/\/monitor/);
    await monitor.getByTestId('monitor-view').waitFor();
    await narrowToAgents(monitor, [`Ana Monitor ${suffix}`, `Bruno Monitor ${suffix}`]);
    await expect.poll(() => monitor.getByTestId('monitor-agent-row').count(), { timeout: 10_000 }).toBe(2);
    for (const person of [ana, bruno]) await expect.poll(() => agentRow(person).getAttribute('data-state')).toBe('FREE');

    await startWidgetChat(api.url, campaign.id, `Carol ${suffix}`);
    await startWidgetChat(api.url, campaign.id, `Dave ${suffix}`);
    await takeFromInbox(anaPage, `Carol ${suffix}`);
    await expect.poll(() => agentRow(ana).getAttribute('data-active-chats'), { timeout: 10_000 }).toBe('1');
    await expect.poll(() => agentRow(ana).getAttribute('data-state')).toBe('BUSY');
    await takeFromInbox(brunoPage, `Dave ${suffix}`);
    await expect.poll(() => agentRow(bruno).getAttribute('data-active-chats'), { timeout: 10_000 }).toBe('1');
    await expect(
      agentRow(ana)
        .getByTestId('monitor-chat')
        .filter({ hasText: `Carol ${suffix}` })
        .getAttribute('data-band'),
    ).resolves.toBe('GREEN');

    await expectAccessible(monitor, 'the monitor');
    await screenshot(monitor, 'monitor-light');
    await monitor.emulateMedia({ colorScheme: 'dark' });
    // Naive UI eases colours over a moment; shoot the settled screen.
    await monitor.waitForTimeout(500);
    await screenshot(monitor, 'monitor-dark');
    await monitor.emulateMedia({ colorScheme: 'light' });
  });

  it('spies on a chat and sees the customer’s new message arrive, read-only', async () => {
    const chat = await startWidgetChat(api.url, campaign.id, `Erin ${suffix}`);
    await takeFromInbox(anaPage, `Erin ${suffix}`);
    const chip = agentRow(ana)
      .getByTestId('monitor-chat')
      .filter({ hasText: `Erin ${suffix}` });
    await chip.getByTestId('monitor-chat-spy').click();
    const drawer = monitor.getByTestId('monitor-spy');
    await drawer.waitFor();
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'Is anyone watching?' } }, chat.visitorToken);
    await drawer.getByTestId('monitor-spy-message').filter({ hasText: 'Is anyone watching?' }).waitFor({ timeout: 10_000 });
    expect(await drawer.getByTestId('composer-input').count()).toBe(0);
    await monitor.waitForTimeout(400);
    await screenshot(monitor, 'monitor-spy');
    await monitor.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('follows a chat from the Phases tab as the customer writes, reads its history in the campaign’s time, and closes it there', async () => {
    // A campaign far from the browser's zone, so a time shown in the wrong zone cannot pass.
    const timeZone = 'Pacific/Kiritimati';
    const faraway = await createCampaign(api.url, admin, { timeZone, memberIds: [ana.id] });
    const chat = await startWidgetChat(api.url, faraway.id, `Fiona ${suffix}`);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, ana.token);
    await monitor.getByTestId('monitor-filter-protocol').fill(chat.protocol);
    await monitor.getByTestId('monitor-tab-phases').click();
    const row = monitor.locator(`[data-testid="monitor-phase-in-service-row"][data-chat-id="${chat.id}"]`);
    await row.waitFor({ timeout: 10_000 });

    await row.getByTestId('monitor-chat-spy').click();
    const follow = monitor.getByTestId('monitor-spy');
    await follow.waitFor();
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'Still there?' } }, chat.visitorToken);
    await follow.getByTestId('monitor-spy-message').filter({ hasText: 'Still there?' }).waitFor({ timeout: 10_000 });
    expect(await follow.getByTestId('composer-input').count()).toBe(0);
    await monitor.keyboard.press('Escape');
    await follow.waitFor({ state: 'hidden' });

    await row.getByTestId('monitor-chat-history').click();
    const history = monitor.getByTestId('monitor-history');
    const events = history.getByTestId('monitor-history-event');
    await expect.poll(() => events.evaluateAll((items) => items.map((item) => item.getAttribute('data-type'))), { timeout: 10_000 }).toEqual(['STARTED', 'TAKEN']);
    const taken = history.locator('[data-type="TAKEN"]');
    expect(await taken.textContent()).toContain(`Taken by Ana Monitor ${suffix}`);
    const { interaction } = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { events { type createdAt } } }', { id: chat.id }, admin);
    const takenAt = interaction.events.find((e: { type: string }) => e.type === 'TAKEN').createdAt;
    expect(await taken.locator('time').textContent()).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'short', timeZone }).format(new Date(takenAt)));
    await monitor.waitForTimeout(400);
    await expectAccessible(monitor, 'the chat history');
    await screenshot(monitor, 'monitor-history');
    await monitor.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });

    // Closed from the same tab with the bulk bar, which also gives Ana's slot back for the tests after this one.
    await row.getByTestId('monitor-chat-select').click();
    await monitor.getByTestId('monitor-bulk-close').click();
    await monitor.getByTestId('monitor-close-submit').click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    expect((await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase result } }', { id: chat.id }, admin)).interaction).toEqual({ phase: 'CLOSED', result: 'SUCCESS' });
    await monitor.getByTestId('monitor-filter-protocol').fill('');
    await monitor.getByTestId('monitor-tab-agents').click();
  });

  it('charts today’s figures per hour, and a new chat raises “received” live without a reload', async () => {
    const today = monitor.getByTestId('monitor-today');
    const table = monitor.getByTestId('monitor-today-table');
    await table.waitFor({ state: 'attached', timeout: 10_000 });
    // The figures a screen reader (and this test) reads are the API's, hour by hour.
    const shown = () =>
      table
        .locator('tbody tr[data-hour]')
        .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-hour')}:${r.querySelector('[data-col="received"]')!.textContent}:${r.querySelector('[data-col="answered"]')!.textContent}`));
    const fromApi = async () =>
      (await ok(api.url, '{ monitorToday { hours { hour received answered } } }', {}, supervisor.token)).monitorToday.hours
        .filter((h: { received: number }) => h.received > 0)
        .map((h: { hour: number; received: number; answered: number }) => `${h.hour}:${h.received}:${h.answered}`);
    await expect.poll(async () => JSON.stringify(await shown()) === JSON.stringify(await fromApi()), { timeout: 10_000 }).toBe(true);
    const received = async () => Number(await today.getAttribute('data-received'));
    const before = await received();
    // Carol's, Dave's, Erin's and Fiona's chats, queued earlier in this file, are today's.
    expect(before).toBeGreaterThanOrEqual(4);
    for (const id of ['monitor-today-volumes', 'monitor-today-level']) expect((await monitor.getByTestId(id).boundingBox())!.width).toBeGreaterThan(200);

    await monitor.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await startWidgetChat(api.url, campaign.id, `Gina ${suffix}`);
    // Other test files start chats in the same database at the same time, so today's total may grow by
    // more than Gina's; what matters is that it grows without a reload and ends equal to the API's.
    await expect.poll(received, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 1);
    expect(await monitor.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await expect.poll(async () => JSON.stringify(await shown()) === JSON.stringify(await fromApi()), { timeout: 10_000 }).toBe(true);

    await expectAccessible(monitor, 'the monitor with today’s charts');
    await today.scrollIntoViewIfNeeded();
    await monitor.waitForTimeout(400);
    await screenshot(monitor, 'monitor-today');
    await monitor.emulateMedia({ colorScheme: 'dark' });
    await monitor.waitForTimeout(500);
    await screenshot(monitor, 'monitor-today-dark');
    await monitor.emulateMedia({ colorScheme: 'light' });
    // A narrow window: the charts shrink with it rather than overflow.
    await monitor.setViewportSize({ width: 400, height: 800 });
    try {
      await expect.poll(async () => (await monitor.getByTestId('monitor-today-volumes').boundingBox())!.width, { timeout: 10_000 }).toBeLessThan(400);
      await screenshot(monitor, 'monitor-today-narrow');
    } finally {
      await monitor.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('pauses an agent, whose own screen shows the pause', async () => {
    await agentAction(bruno, 'pause');
    const dialog = monitor.getByTestId('monitor-pause-dialog');
    await dialog.getByText(breakName).click();
    await monitor.getByTestId('monitor-pause-submit').click();
    await expect.poll(() => brunoPage.getByTestId('my-state').getAttribute('data-state'), { timeout: 10_000 }).toMatch(/IN_BREAK/);
    await expect.poll(() => agentRow(bruno).getAttribute('data-state'), { timeout: 10_000 }).toMatch(/IN_BREAK/);
  });

  it('forces an agent to sign out, which sends their page back to the sign-in screen', async () => {
    await agentAction(bruno, 'logout');
    await monitor.getByTestId('monitor-logout-confirm').click();
    await brunoPage.waitForURL(/\/signin/, { timeout: 15_000 });
    await expect.poll(() => agentRow(bruno).getAttribute('data-state'), { timeout: 10_000 }).toBe('DISCONNECTED');
  });

  it('selects five chats (a sixth is refused) and transfers them to a tray at once', async () => {
    const chats = [];
    for (let i = 1; i <= 5; i++) chats.push(await startWidgetChat(api.url, campaign.id, `Bulk ${i} ${suffix}`));
    for (const chat of chats) await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, ana.token);
    await expect.poll(() => agentRow(ana).getAttribute('data-active-chats'), { timeout: 10_000 }).toBe('7');

    for (const chat of chats) await agentRow(ana).locator(`[data-testid="monitor-chat"][data-chat-id="${chat.id}"]`).getByTestId('monitor-chat-select').click();
    await expect.poll(() => monitor.getByTestId('monitor-bulk-count').getAttribute('data-count')).toBe('5');
    await agentRow(ana)
      .getByTestId('monitor-chat')
      .filter({ hasText: `Carol ${suffix}` })
      .getByTestId('monitor-chat-select')
      .click();
    await monitor.getByText('At most 5 chats at once.').waitFor();
    expect(await monitor.getByTestId('monitor-bulk-count').getAttribute('data-count')).toBe('5');

    await monitor.getByTestId('monitor-bulk-transfer').click();
    const dialog = monitor.getByTestId('monitor-transfer-dialog');
    await dialog.locator(`[data-testid="monitor-transfer-target"] [data-value="${campaign.generalTrayId}"]`).click();
    await monitor.getByTestId('monitor-transfer-note').fill('Moved by the supervisor');
    await screenshot(monitor, 'monitor-bulk-transfer');
    await monitor.getByTestId('monitor-transfer-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    for (const chat of chats) {
      const { interaction } = await ok(api.url, `query($id: ID!) { interaction(id: $id) { ${INTERACTION_FIELDS} } }`, { id: chat.id }, admin);
      expect(interaction.tray.id).toBe(campaign.generalTrayId);
      expect(interaction.agent?.id).not.toBe(ana.id);
    }
    await expect.poll(() => agentRow(ana).getAttribute('data-active-chats'), { timeout: 10_000 }).toBe('2');
    expect(monitorErrors).toEqual([]);
  });
});
