/**
 * Issue 15, missing 5: the monitor tells an agent paused with no chat (Free in break) from one paused
 * while still holding chats (Busy in break), in its agent table and in its filters, as the manual's
 * states read; and a held chat's time turns yellow once it passes its campaign's first threshold. In
 * English and in Spanish, with axe at 1280 and 390 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { narrowToAgents } from '../support/monitor.js';
import { connect, type TestWsClient } from '../support/ws-client.js';
import { adminToken, createCampaign, createPerson, PASSWORD, type Person, startWidgetChat, untilConnected } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let admin: string;
const contexts: BrowserContext[] = [];
const sockets: TestWsClient[] = [];

const LANGUAGES = [
  { locale: 'en-US', free: 'Free in break', busy: 'Busy in break', filter: 'Busy in break' },
  { locale: 'es-ES', free: 'Libre en pausa', busy: 'Ocupado en pausa', filter: 'Ocupado en pausa' },
] as const;

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  admin = await adminToken(api.url);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await Promise.all(sockets.map((s) => s.dispose().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

/** An agent whose socket is open, so the monitor counts them present. */
async function presentAgent(name: string): Promise<Person> {
  const person = await createPerson(api.url, admin, 'AGENT', { name, maxConcurrentChats: 3 });
  sockets.push(connect(api.wsUrl, person.token));
  await untilConnected(api.url, person.token);
  return person;
}

const pauseWith = (person: Person, reasonId: string) => ok(api.url, 'mutation($r: ID) { setMyState(state: PAUSED, pauseReasonId: $r) { state } }', { r: reasonId }, person.token);

describe.each(LANGUAGES)('agent states and chat time on the monitor ($locale)', JOURNEY, (language) => {
  const suffix = `${language.locale}-${Date.now().toString(36)}`;
  let monitor: Page;
  let fay: Person;
  let bea: Person;
  let reason: string;
  const row = (person: Person) => monitor.locator(`[data-testid="monitor-agent-row"][data-user-id="${person.id}"]`);

  beforeAll(async () => {
    fay = await presentAgent(`Fay States ${suffix}`);
    bea = await presentAgent(`Bea States ${suffix}`);
    // Yellow after three seconds held, red only after an hour: the yellow band is sure to show, and to stay.
    const campaign = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL', memberIds: [fay.id, bea.id], thresholdsSeconds: [3, 3600, 7200] });
    reason = `Lunch ${suffix}`;
    const created = await ok(api.url, 'mutation($n: String!) { createPauseReason(name: $n, icon: "lunch") { id } }', { n: reason }, admin);
    const chat = await startWidgetChat(api.url, campaign.id, `Cleo ${suffix}`);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, bea.token);
    await pauseWith(fay, created.createPauseReason.id);
    await pauseWith(bea, created.createPauseReason.id);

    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const ctx = await browser.newContext({ locale: language.locale, viewport: { width: 1280, height: 800 } });
    contexts.push(ctx);
    ctx.setDefaultTimeout(STEP_TIMEOUT);
    monitor = await ctx.newPage();
    await signInThroughForm(monitor, api.url, supervisor.email, PASSWORD);
    await monitor.goto(`${api.url}/monitor`);
    await monitor.getByTestId('monitor-view').waitFor();
    await narrowToAgents(monitor, [`Fay States ${suffix}`, `Bea States ${suffix}`]);
  });

  it('names a pause with no chat and a pause still holding one apart, with the reason beside', async () => {
    const errors = watchErrors(monitor);
    await expect.poll(() => monitor.getByTestId('monitor-agent-row').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => row(fay).getAttribute('data-state'), { timeout: 10_000 }).toBe('FREE_IN_BREAK');
    await expect.poll(() => row(bea).getAttribute('data-state'), { timeout: 10_000 }).toBe('BUSY_IN_BREAK');
    expect(await row(fay).getByTestId('monitor-agent-state').textContent()).toBe(`${language.free} · ${reason}`);
    expect(await row(bea).getByTestId('monitor-agent-state').textContent()).toBe(`${language.busy} · ${reason}`);
    expect(errors).toEqual([]);
  });

  it('shows the held chat in yellow once it passes the campaign’s first threshold', async () => {
    const chip = row(bea)
      .getByTestId('monitor-chat')
      .filter({ hasText: `Cleo ${suffix}` });
    await expect.poll(() => chip.getAttribute('data-band'), { timeout: 10_000 }).toBe('YELLOW');
    const tag = chip.getByTestId('monitor-chat-spy');
    // Drawn in the theme's warning colour, not merely labelled so.
    const background = await tag.evaluate((el) => getComputedStyle(el).backgroundColor);
    const warning = await monitor.getByTestId('monitor-agents').evaluate((el) => getComputedStyle(el).getPropertyValue('--chip-yellow').trim());
    expect(warning).not.toBe('');
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    const greenBackground = await tag.evaluate((el) => {
      el.classList.replace('chip__tag--yellow', 'chip__tag--green');
      const value = getComputedStyle(el).backgroundColor;
      el.classList.replace('chip__tag--green', 'chip__tag--yellow');
      return value;
    });
    expect(background).not.toBe(greenBackground);
  });

  it('filters the agent table by state, Busy in break keeping only the agent paused with a chat', async () => {
    await monitor.getByTestId('monitor-filter-states').click();
    await monitor.locator('.n-base-select-option').filter({ hasText: language.filter }).click();
    await monitor.keyboard.press('Escape');
    await expect.poll(() => monitor.getByTestId('monitor-agent-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await row(bea).count()).toBe(1);
    await expectAccessible(monitor, `the monitor filtered by state (${language.locale}, 1280 px)`);
    await screenshot(monitor, `monitor-states-${language.locale}`);
    await monitor.setViewportSize({ width: 390, height: 800 });
    try {
      await monitor.waitForTimeout(300);
      await expectAccessible(monitor, `the monitor filtered by state (${language.locale}, 390 px)`);
    } finally {
      await monitor.setViewportSize({ width: 1280, height: 800 });
    }
    await monitor.getByTestId('monitor-filter-clear').click();
  });
});
