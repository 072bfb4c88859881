/**
 * In a real browser: an agent signs in and watches the inbox; a customer opens the widget on the
 * demo page and writes; the chat appears in the inbox without a reload, the agent takes it and
 * answers, and the customer sees the answer live. A forced logout sends the agent to sign-in.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { JOURNEY, launchChromium, screenshot, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, PASSWORD, type Person } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let campaign: CampaignFixture;
let agent: Person;
let supervisor: Person;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  const admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin, {
    messages: [
      { language: 'en', welcome: 'Welcome to Acme!' },
      { language: 'pt', welcome: 'Bem-vindo à Acme!' },
    ],
  });
  agent = await createPerson(api.url, admin, 'AGENT');
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

async function context(locale: string, colorScheme: 'light' | 'dark' = 'light', width = 1280) {
  const ctx = await browser.newContext({ locale, colorScheme, viewport: { width, height: 800 } });
  contexts.push(ctx);
  // A step that cannot happen fails with its locator named, well before the test's own timeout.
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  return ctx;
}

describe('agent and customer in the browser', JOURNEY, () => {
  it('speaks the browser’s language on the sign-in page', async () => {
    const page = await (await context('pt-BR')).newPage();
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/signin/);
    await expect.poll(() => page.getByLabel('Senha').count()).toBe(1);
    await screenshot(page, 'signin-pt');
  });

  it('shows a wrong password as an error and keeps the agent on sign-in', async () => {
    const page = await (await context('en-US')).newPage();
    await page.goto(`${api.url}/signin`);
    await page.getByTestId('signin-email').fill(agent.email);
    await page.getByTestId('signin-password').fill('not-the-password');
    await page.getByTestId('signin-password').press('Enter');
    await expect.poll(() => page.getByTestId('signin-error').textContent()).toMatch(/wrong e-mail or password/i);
    expect(page.url()).toMatch(/\/signin/);
  });

  it('a customer’s chat reaches the inbox live; the agent takes it and the answer reaches the widget', async () => {
    const agentPage = await (await context('en-US')).newPage();
    const agentErrors = watchErrors(agentPage);
    await agentPage.goto(`${api.url}/signin`);
    await agentPage.getByTestId('signin-email').fill(agent.email);
    await agentPage.getByTestId('signin-password').fill(PASSWORD);
    await agentPage.getByTestId('signin-submit').click();
    await agentPage.waitForURL(/\/inbox/);
    await agentPage.getByTestId('current-user').waitFor();
    await screenshot(agentPage, 'inbox-empty');

    const customerPage = await (await context('pt-BR', 'dark', 1100)).newPage();
    const customerErrors = watchErrors(customerPage);
    await customerPage.goto(`${api.url}/demo?campaign=${campaign.id}`);
    await customerPage.locator('[data-parley-widget="button"]').click();
    const widget = customerPage.frameLocator('iframe[data-parley-widget="frame"]');
    await widget.getByTestId('widget-start').waitFor();
    await widget.getByTestId('widget-name').fill('Maria Souza');
    if (await widget.getByTestId('widget-email').count()) await widget.getByTestId('widget-email').fill('maria@example.com');
    await widget.getByTestId('widget-start').click();
    await widget.getByTestId('widget-message').filter({ hasText: 'Bem-vindo à Acme!' }).waitFor();
    await widget.getByTestId('widget-input').fill('Preciso de ajuda com meu pedido');
    await widget.getByTestId('widget-input').press('Enter');
    await widget.getByTestId('widget-message').filter({ hasText: 'Preciso de ajuda' }).waitFor();
    await screenshot(customerPage, 'widget-chat');

    // No reload: the row arrives through the interactionChanged subscription.
    const row = agentPage.getByTestId('inbox-row').filter({ hasText: 'Maria Souza' });
    await row.waitFor({ timeout: 10_000 });
    const protocol = await row.getAttribute('data-protocol');
    const stored = await ok(api.url, 'query($p: String!) { interactionByProtocol(protocol: $p) { campaign { id } phase } }', { p: protocol }, supervisor.token);
    expect(stored.interactionByProtocol).toEqual({ campaign: { id: campaign.id }, phase: 'WAITING' });
    await screenshot(agentPage, 'inbox-live');

    await row.getByTestId('inbox-take').click();
    await agentPage.getByTestId('composer-input').waitFor();
    await agentPage.getByTestId('message').filter({ hasText: 'Preciso de ajuda' }).waitFor();
    await agentPage.getByTestId('composer-input').fill('Olá Maria! Já vou verificar.');
    await agentPage.getByTestId('composer-send').click();
    await widget.getByTestId('widget-message').filter({ hasText: 'Já vou verificar' }).waitFor({ timeout: 10_000 });
    await screenshot(agentPage, 'conversation');
    await screenshot(customerPage, 'widget-reply');

    // A reload of the customer's page keeps the conversation (and the widget open).
    await customerPage.reload();
    const again = customerPage.frameLocator('iframe[data-parley-widget="frame"]');
    await again.getByTestId('widget-message').filter({ hasText: 'Já vou verificar' }).waitFor({ timeout: 10_000 });

    expect(agentErrors).toEqual([]);
    expect(customerErrors).toEqual([]);
  });

  it('a forced logout sends the agent back to sign-in', async () => {
    const page = await (await context('en-US')).newPage();
    await page.goto(`${api.url}/signin`);
    await page.getByTestId('signin-email').fill(agent.email);
    await page.getByTestId('signin-password').fill(PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL(/\/inbox/);
    await page.getByTestId('current-user').waitFor();
    await page.waitForTimeout(500);
    await ok(api.url, 'mutation($id: ID!) { logoutAgent(userId: $id) }', { id: agent.id }, supervisor.token);
    await page.waitForURL(/\/signin/, { timeout: 5000 });
    expect(await page.evaluate(() => localStorage.getItem('parley.token'))).toBeNull();
  });
});
