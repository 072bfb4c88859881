/**
 * In a real browser: a person past the failed sign-ins allowed for their account is told how long to
 * wait, counted down, and the form takes no try until then, the right password included.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { JOURNEY, launchChromium, STEP_TIMEOUT } from '../support/browser.js';
import { adminToken, createPerson, PASSWORD } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // Two failures per account in a quarter of an hour; the address limit stays off (every test signs in from 127.0.0.1).
  [api, browser] = await Promise.all([startApi({ SIGN_IN_FAILURES_PER_ACCOUNT: '2', SIGN_IN_FAILURE_WINDOW_SECONDS: '900' }), launchChromium()]);
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await api?.stop();
});

describe('signing in after too many wrong passwords', JOURNEY, () => {
  it('counts the wait down and takes no try until it ends', async () => {
    const person = await createPerson(api.url, await adminToken(api.url), 'AGENT');
    const page = await context.newPage();
    await page.goto(`${api.url}/signin`);
    await page.getByTestId('signin-email').fill(person.email);
    const error = () => page.getByTestId('signin-error').textContent();
    for (let attempt = 1; attempt <= 2; attempt++) {
      await page.getByTestId('signin-password').fill(`wrong-${attempt}`);
      await page.getByTestId('signin-password').press('Enter');
      await expect.poll(error).toMatch(/wrong e-mail or password/i);
      await page.getByTestId('signin-password').fill('');
    }
    await page.getByTestId('signin-password').fill('wrong-3');
    await page.getByTestId('signin-password').press('Enter');
    await expect.poll(error).toMatch(/try again in 1[45]:\d\d/i);
    const first = (await error())!;
    expect(await page.getByTestId('signin-submit').isDisabled()).toBe(true);
    await expect.poll(error, { timeout: 5000 }).not.toBe(first);

    // The right password is not sent while the wait runs: the page stays on sign-in.
    await page.getByTestId('signin-password').fill(PASSWORD);
    await page.getByTestId('signin-password').press('Enter');
    await new Promise((r) => setTimeout(r, 500));
    expect(page.url()).toMatch(/\/signin/);
    expect(await error()).toMatch(/try again in/i);
  });
});
