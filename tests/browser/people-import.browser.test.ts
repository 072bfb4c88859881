/**
 * An administrator sets people up from a CSV file in /admin: the preview marks a row at fault before
 * anything is sent, the mended text makes everyone in one go, and an imported agent then signs in.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';

// Other test files share the database: every e-mail this file makes is its own.
const run = Date.now().toString(36);
const agent = { email: `csv-agent-${run}@tests.parley.dev`, password: 'imported-password-1' };

let api: ApiProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

describe('importing people from a CSV file', JOURNEY, () => {
  it('shows a row at fault before sending, makes everyone once mended, and an imported agent signs in', async () => {
    const page = await newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, api.url, ADMIN.email, ADMIN.password);
    await page.goto(`${api.url}/admin`);
    await page.getByTestId('admin-nav-users').click();
    await page.getByTestId('user-import').click();

    const header = 'email,name,role,password';
    const supervisor = `csv-supervisor-${run}@tests.parley.dev,Sara CSV ${run},SUPERVISOR`;
    const file = [header, `${agent.email},Ana CSV ${run},,${agent.password}`, `${supervisor},short`].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await expect.poll(() => page.getByTestId('import-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ok')))).toEqual(['true', 'false']);
    expect(await page.getByTestId('import-row-problems').nth(1).textContent()).toMatch(/at least 10 characters/);
    expect(await page.getByTestId('import-send').isDisabled()).toBe(true);
    await expectAccessible(page, 'the CSV import with a row at fault');
    await screenshot(page, 'people-import');

    await page.getByTestId('import-text').fill(file.replace(',short', ',long-enough-password'));
    await page.getByTestId('import-send').click();
    await page.getByTestId('user-table').getByText(`Ana CSV ${run}`).waitFor();
    await page.getByTestId('user-table').getByText(`Sara CSV ${run}`).waitFor();
    expect(await page.getByTestId('import-card').count()).toBe(0);
    expect(errors).toEqual([]);

    await signInThroughForm(await newPage(), api.url, agent.email, agent.password);
  });
});
