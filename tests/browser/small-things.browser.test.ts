/**
 * Issue 15, defect 10 (the smaller ones): the monitor's service-level cards stay in one row that
 * scrolls, so the agent table starts in view; the tray access editor opens in view; the schedule
 * switch's label says what on means whatever it shows; Naive UI's own texts follow the page's
 * language; the conversation's status options show whole. In English and in Spanish, with axe at
 * 1280 and 390 px on each screen touched.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, expectAccessibleAtBothWidths, JOURNEY, launchChromium, signInThroughForm, STEP_TIMEOUT } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, PASSWORD, type Person, startWidgetChat } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let admin: string;
let campaign: CampaignFixture;
let trayId: string;
const contexts: BrowserContext[] = [];
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 390, height: 800 };

const LANGUAGES = [
  { locale: 'en-US', scheduled: 'Open only in the schedule', waiting: 'Waiting for customer' },
  { locale: 'es-ES', scheduled: 'Abierta solo en el horario', waiting: 'Esperando al cliente' },
] as const;

/** Naive UI's own English, as it shows when it is not given the page's language. */
const NAIVE_ENGLISH = /Please (Input|Select)|Select Date|Today|Clear|Confirm|No Data/;

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL' });
  // More campaigns than one row of cards holds at 1280 px: each shows its service level on the monitor.
  for (let i = 0; i < 14; i++) await createCampaign(api.url, admin);
  const tray = await ok(api.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `Far down ${Date.now()}`, campaignId: campaign.id } }, admin);
  trayId = tray.createTray.id;
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

async function pageIn(locale: string, email: string, password = PASSWORD): Promise<Page> {
  const ctx = await browser.newContext({ locale, viewport: WIDE });
  contexts.push(ctx);
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  const page = await ctx.newPage();
  await signInThroughForm(page, api.url, email, password);
  return page;
}

/** Whether a box lies wholly inside the window. */
async function inView(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth && box.height > 0;
  });
}

describe.each(LANGUAGES)('the smaller things ($locale)', JOURNEY, (language) => {
  it('keeps the service-level cards in one row that scrolls, so the agent table starts in view', async () => {
    const supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    const page = await pageIn(language.locale, supervisor.email);
    await page.goto(`${api.url}/monitor`);
    await page.getByTestId('monitor-agents').waitFor();
    await expect.poll(() => page.getByTestId('monitor-sl').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(9);
    const tops = await page.getByTestId('monitor-sl').evaluateAll((cards) => new Set(cards.map((card) => Math.round(card.getBoundingClientRect().top))).size);
    expect(tops).toBe(1);
    const levels = page.getByTestId('monitor-levels');
    expect(await levels.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const agentsTop = await page.getByTestId('monitor-agents').evaluate((el) => el.getBoundingClientRect().top);
    expect(agentsTop).toBeLessThan(WIDE.height - 100);
    await expectAccessibleAtBothWidths(page, `the monitor (${language.locale})`);
  });

  it('opens the tray access editor in view, from a row far down the table', async () => {
    const page = await pageIn(language.locale, ADMIN.email, ADMIN.password);
    await page.goto(`${api.url}/admin`);
    await page.getByTestId('admin-nav-trays').click();
    const button = page.getByTestId(`tray-access-${trayId}`);
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await page.getByTestId('tray-access-agents').waitFor();
    await expect.poll(() => inView(page, 'tray-access-editor')).toBe(true);
    await expectAccessibleAtBothWidths(page, `the tray access editor (${language.locale})`);
    await page.getByTestId('tray-access-cancel').click();
    await page.getByTestId('tray-access-editor').waitFor({ state: 'detached' });
  });

  it('labels the schedule switch with what on means, the same off and on, and Naive UI speaks the page’s language', async () => {
    const page = await pageIn(language.locale, ADMIN.email, ADMIN.password);
    await page.goto(`${api.url}/admin`);
    await page.getByTestId('admin-nav-campaigns').click();
    await page.getByTestId('campaign-new').click();
    const toggle = page.getByTestId('campaign-scheduled');
    const label = page.getByTestId('campaign-scheduled-label');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await label.textContent()).toBe(language.scheduled);
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await label.textContent()).toBe(language.scheduled);

    // Naive UI's own placeholders and date panel, read where a person reads them.
    await page.getByTestId('schedule-add-range').click();
    await page.getByTestId('schedule-holiday-picker').click();
    await page.locator('.n-date-panel').waitFor();
    const texts = await page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('input, textarea')].map((el) => el.getAttribute('placeholder') ?? '')].join('\n'));
    if (language.locale !== 'en-US') expect(texts).not.toMatch(NAIVE_ENGLISH);
    await page.keyboard.press('Escape');
    await expectAccessibleAtBothWidths(page, `the campaign editor (${language.locale})`);
  });

  it('shows every status option whole in the conversation, at 1280 and 390 px', async () => {
    const agent: Person = await createPerson(api.url, admin, 'AGENT', { name: `Sam ${language.locale}` });
    const own = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL', memberIds: [agent.id] });
    const chat = await startWidgetChat(api.url, own.id, `Rita ${language.locale}`);
    await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chat.id }, agent.token);
    // The longest status chosen, so the select itself has the most to show.
    await ok(api.url, 'mutation($id: ID!) { setInteractionStatus(id: $id, status: WAITING_FOR_CUSTOMER) { id } }', { id: chat.id }, agent.token);
    const page = await pageIn(language.locale, agent.email);
    await page
      .getByTestId('inbox-row')
      .filter({ hasText: `Rita ${language.locale}` })
      .click();
    for (const size of [WIDE, NARROW]) {
      await page.setViewportSize(size);
      const select = page.getByTestId('status-select');
      await select.click();
      const options = page.getByTestId('status-option');
      await options.first().waitFor();
      const cut = await options.evaluateAll((items) =>
        items
          .filter((item) => {
            const box = item.getBoundingClientRect();
            const text = item.querySelector('.n-base-select-option__content') ?? item;
            return text.scrollWidth > text.clientWidth + 1 || box.right > window.innerWidth || box.left < 0;
          })
          .map((item) => item.textContent),
      );
      expect(cut).toEqual([]);
      expect(await options.allTextContents()).toContain(language.waiting);
      // The chosen status reads whole in the select too, not only in its menu.
      const shown = select.locator('.n-base-selection-input__content');
      expect(await shown.textContent()).toBe(language.waiting);
      expect(await shown.evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(false);
      await expectAccessible(page, `the status options (${language.locale}, ${size.width} px)`);
      await page.keyboard.press('Escape');
    }
    await page.setViewportSize(WIDE);
  });
});
