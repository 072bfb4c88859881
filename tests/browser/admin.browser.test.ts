/**
 * The administration screens as an administrator uses them: a campaign set up in the editor (schedule,
 * messages in three languages) is what the widget then shows in each browser language; an API key's
 * secret is shown once; the conversations report downloads as CSV.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { adminToken, createCampaign, startWidgetChat } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let page: Page;
let errors: string[];
const contexts: BrowserContext[] = [];

const WELCOME = { es: '¡Hola! Bienvenido a Ventas.', en: 'Hello! Welcome to Sales.', pt: 'Olá! Bem-vindo a Vendas.' };
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

async function newContext(locale: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const ctx = await browser.newContext({ locale, colorScheme, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  contexts.push(ctx);
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  return ctx.newPage();
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  page = await newContext('en-US');
  errors = watchErrors(page);
  await signInThroughForm(page, api.url, ADMIN.email, ADMIN.password);
  await page.goto(`${api.url}/admin`);
  await page.getByTestId('admin-nav-campaigns').waitFor();
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

const campaignName = `Sales ${Date.now()}`;
// Other test files share the database: names this file looks for are its own.
const keyName = `CRM sync ${Date.now()}`;

describe('administration', JOURNEY, () => {
  it('a campaign made in the editor greets each widget customer in their language', async () => {
    await page.getByTestId('admin-nav-campaigns').click();
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-name').fill(campaignName);
    // Other test files share the database and its free agents: chats here wait to be taken, never routed to them.
    await page.getByTestId('campaign-routing').click();
    await page.locator('.n-base-select-option', { hasText: 'Manual' }).click();

    // Saving with a range that ends before it starts is refused with the reason.
    await page.getByTestId('campaign-scheduled').click();
    await page.getByTestId('schedule-add-range').click();
    await page.getByTestId('schedule-add-range').click();
    expect(await page.getByTestId('schedule-range').count()).toBe(2);
    await page.getByTestId('schedule-range-remove-0').click();
    expect(await page.getByTestId('schedule-range').count()).toBe(1);
    await page.getByTestId('schedule-range-from-0').fill('20:00');
    await page.getByTestId('schedule-range-to-0').fill('08:00');
    await page.getByTestId('campaign-save').click();
    await expect.poll(() => page.getByTestId('campaign-error').textContent()).toMatch(/end after it starts/);

    // Open all of today (UTC, the campaign's zone), so the widget customers below find it open.
    await page.getByTestId('schedule-range-day-0').click();
    await page.locator('.n-base-select-option', { hasText: DAYS[new Date().getUTCDay()] }).click();
    await page.getByTestId('schedule-range-from-0').fill('00:00');
    await page.getByTestId('schedule-range-to-0').fill('24:00');
    await page.getByTestId('schedule-holiday-picker').locator('input').fill('2030-12-25');
    await page.getByTestId('schedule-holiday-picker').locator('input').press('Enter');
    await page.getByTestId('schedule-add-holiday').click();
    await page.getByTestId('schedule-holiday').filter({ hasText: '2030-12-25' }).waitFor();

    for (const lang of ['es', 'en', 'pt'] as const) {
      await page.getByTestId(`campaign-messages-tab-${lang}`).click();
      await page.getByTestId(`campaign-message-${lang}-welcome`).fill(WELCOME[lang]);
    }
    await expectAccessible(page, 'the campaign editor');
    await screenshot(page, 'admin-campaign-editor');
    await page.getByTestId('campaign-save').click();
    const editor = page.locator('[data-testid="campaign-editor"][data-campaign-id]');
    await editor.waitFor();
    const campaignId = (await editor.getAttribute('data-campaign-id'))!;
    expect(await page.getByTestId('campaign-error').count()).toBe(0);

    await Promise.all(
      (
        [
          ['es-ES', WELCOME.es],
          ['en-US', WELCOME.en],
          ['pt-BR', WELCOME.pt],
        ] as const
      ).map(async ([locale, welcome]) => {
        const customer = await newContext(locale);
        await customer.goto(`${api.url}/demo?campaign=${campaignId}`);
        await customer.locator('[data-parley-widget="button"]').click();
        const widget = customer.frameLocator('iframe[data-parley-widget="frame"]');
        await widget.getByTestId('widget-name').fill(`Customer ${locale}`);
        await widget.getByTestId('widget-start').click();
        await widget.getByTestId('widget-message').filter({ hasText: welcome }).waitFor();
      }),
    );
    expect(errors).toEqual([]);
  });

  it('an API key’s secret is shown once, with a warning', async () => {
    await page.getByTestId('admin-nav-apiKeys').click();
    await page.getByTestId('apikey-name').fill(keyName);
    await page.getByTestId('apikey-scope-BOT').click();
    await page.getByTestId('apikey-create').click();
    await page.getByTestId('secret-notice').waitFor();
    const secret = await page.getByTestId('secret-value').inputValue();
    expect(secret.length).toBeGreaterThan(16);
    await page.getByTestId('apikey-row').filter({ hasText: keyName }).waitFor();
    await screenshot(page, 'admin-api-keys');
    await page.getByTestId('secret-done').click();
    await page.reload();
    await page.getByTestId('apikey-row').filter({ hasText: keyName }).waitFor();
    expect(await page.getByTestId('secret-notice').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
  });

  it('the conversations report finds a chat by protocol and exports the CSV', async () => {
    const campaign = await createCampaign(api.url, await adminToken(api.url));
    const chat = await startWidgetChat(api.url, campaign.id, 'Report Customer');
    await page.getByTestId('admin-nav-report').click();
    await page.getByTestId('report-search').fill(chat.protocol);
    await page.getByTestId('report-apply').click();
    await page.getByTestId('report-row').filter({ hasText: chat.protocol }).waitFor();
    expect(page.url()).toContain(`q=${encodeURIComponent(chat.protocol)}`);
    await screenshot(page, 'admin-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header!.split(',')[0]).toBe('protocol');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(chat.protocol);
  });
});
