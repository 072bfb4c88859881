/**
 * The agent's day around the conversation: signing in with the keyboard alone, the server restarting
 * under an open chat (the app reconnects and catches up without a reload), their own pause, a
 * supervisor's message, a customer's call request answered on the call screen, and a supervisor
 * signing the agent out while the page is still reading.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, PASSWORD, type Person, POST, startWidgetChat } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let admin: string;
let campaign: CampaignFixture;
let agent: Person;
let supervisor: Person;
let page: Page;
let pageErrors: string[];
let lunchName: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin, { allowAudio: true, allowVideo: true });
  agent = await createPerson(api.url, admin, 'AGENT');
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
  // Test files share one database, where a pause reason's name is unique.
  lunchName = `Lunch ${Date.now()}`;
  await ok(api.url, 'mutation($n: String!) { createPauseReason(name: $n, icon: "restaurant") { id } }', { n: lunchName }, admin);
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 }, permissions: ['microphone', 'camera'] });
  contexts.push(ctx);
  // A step that cannot happen fails with its locator named, well before the test's own timeout.
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  page = await ctx.newPage();
  pageErrors = watchErrors(page);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

describe('the agent’s day', JOURNEY, () => {
  it('signs in with the keyboard alone', async () => {
    await page.goto(`${api.url}/signin`);
    await page.getByTestId('signin-email').focus();
    await page.keyboard.type(agent.email);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('signin-password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inbox/);
    await page.getByTestId('current-user').waitFor();
    await expectAccessible(page, 'the inbox after sign-in');
  });

  it('a chat open through a server restart catches up without a reload, every message once', async () => {
    const chat = await startWidgetChat(api.url, campaign.id, 'Restart Customer');
    const row = page.getByTestId('inbox-row').filter({ hasText: 'Restart Customer' });
    await row.waitFor({ timeout: 10_000 });
    await row.getByTestId('inbox-take').click();
    await page.getByTestId('composer-input').waitFor();
    await ok(api.url, POST, { input: { interactionId: chat.id, body: 'Before the restart' } }, chat.visitorToken);
    await page.getByTestId('message').filter({ hasText: 'Before the restart' }).waitFor({ timeout: 10_000 });
    await page.evaluate(() => ((window as any).__sameDocument = true));

    await api.stop('SIGTERM');
    api = await startApi({ PORT: String(api.port) });
    for (const body of ['After the restart', 'And one more']) await ok(api.url, POST, { input: { interactionId: chat.id, body } }, chat.visitorToken);
    for (const body of ['After the restart', 'And one more']) await page.getByTestId('message').filter({ hasText: body }).waitFor({ timeout: 30_000 });
    for (const body of ['Before the restart', 'After the restart', 'And one more']) expect(await page.getByTestId('message').filter({ hasText: body }).count()).toBe(1);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);

    await page.getByTestId('composer-input').fill('Still here');
    await page.getByTestId('composer-input').press('Enter');
    await expect
      .poll(async () => (await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: chat.id }, agent.token)).messages.filter((m: any) => m.body === 'Still here').length, {
        timeout: 10_000,
      })
      .toBe(1);
  });

  it('pauses with a reason and is available again; a supervisor’s pause shows at once', async () => {
    await page.getByTestId('my-state').click();
    await page.getByText(lunchName).last().click();
    await expect.poll(() => page.getByTestId('my-state').getAttribute('data-state')).toMatch(/IN_BREAK/);
    await screenshot(page, 'agent-paused');
    await page.getByTestId('my-state').click();
    await page.getByTestId('my-state-available').click();
    await expect.poll(() => page.getByTestId('my-state').getAttribute('data-state')).not.toMatch(/IN_BREAK/);

    const lunch = (await ok(api.url, '{ pauseReasons { id name } }', {}, supervisor.token)).pauseReasons.find((r: any) => r.name === lunchName).id;
    await ok(api.url, 'mutation($u: ID!, $r: ID!) { pauseAgent(userId: $u, pauseReasonId: $r) { state } }', { u: agent.id, r: lunch }, supervisor.token);
    await expect.poll(() => page.getByTestId('my-state').getAttribute('data-state'), { timeout: 10_000 }).toMatch(/IN_BREAK/);
    await ok(api.url, 'mutation($u: ID!) { resumeAgent(userId: $u) { state } }', { u: agent.id }, supervisor.token);
    await expect.poll(() => page.getByTestId('my-state').getAttribute('data-state'), { timeout: 10_000 }).not.toMatch(/IN_BREAK/);
  });

  it('a supervisor’s message arrives as a notification, and the agent answers it', async () => {
    await ok(api.url, 'mutation($to: ID!) { sendInternalMessage(toUserId: $to, body: "Please check the Acme chat") { id } }', { to: agent.id }, supervisor.token);
    const note = page.getByTestId('notification-internal').filter({ hasText: 'Please check the Acme chat' });
    await note.waitFor({ timeout: 10_000 });
    await screenshot(page, 'agent-supervisor-message');
    await note.click();
    await page.getByTestId('internal-input').fill('On it');
    await page.getByTestId('internal-send').click();
    await expect
      .poll(async () => (await ok(api.url, 'query($w: ID!) { internalMessages(withUserId: $w) { body } }', { w: agent.id }, supervisor.token)).internalMessages.map((m: any) => m.body), {
        timeout: 10_000,
      })
      .toEqual(['Please check the Acme chat', 'On it']);
    await page.getByTestId('internal-close').click();
    await page.getByTestId('internal-chat').waitFor({ state: 'detached' });
  });

  it('a customer calls from the widget: the agent’s notification rings, both call screens connect, and either hangs up', async () => {
    const customerContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 800 }, permissions: ['microphone', 'camera'] });
    contexts.push(customerContext);
    customerContext.setDefaultTimeout(STEP_TIMEOUT);
    const customer = await customerContext.newPage();
    const customerErrors = watchErrors(customer);
    await customer.goto(`${api.url}/demo?campaign=${campaign.id}`);
    await customer.locator('[data-parley-widget="button"]').click();
    const widget = customer.frameLocator('iframe[data-parley-widget="frame"]');
    await widget.getByTestId('widget-name').fill('Caller');
    if (await widget.getByTestId('widget-email').count()) await widget.getByTestId('widget-email').fill('caller@example.com');
    await widget.getByTestId('widget-start').click();
    const row = page.getByTestId('inbox-row').filter({ hasText: 'Caller' });
    await row.getByTestId('inbox-take').click();

    await widget.getByTestId('widget-call-video').click();
    await page.getByTestId('notification-call').waitFor();
    await screenshot(page, 'agent-call-ringing');
    await page.getByTestId('call-accept').click();
    await expect.poll(() => page.getByTestId('call-screen').getAttribute('data-peer-state'), { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => widget.getByTestId('widget-call-screen').getAttribute('data-peer-state'), { timeout: 15_000 }).toBe('connected');
    await screenshot(page, 'agent-call');
    await screenshot(customer, 'widget-call');
    await widget.getByTestId('widget-call-hangup').click();
    await page.getByTestId('call-screen').waitFor({ state: 'detached' });
    const trail = (
      await ok(api.url, 'query($p: String!) { interactionByProtocol(protocol: $p) { events { type } } }', { p: await row.getAttribute('data-protocol') }, agent.token)
    ).interactionByProtocol.events.map((e: any) => e.type);
    expect(trail).toEqual(expect.arrayContaining(['CALL_REQUESTED', 'CALL_STARTED', 'CALL_ENDED']));
    expect(pageErrors).toEqual([]);
    expect(customerErrors).toEqual([]);
  });

  it('signed out by a supervisor while the conversation reads again: the sign-in page, and nothing left unhandled', async () => {
    // Named apart: test files share a database, and an agent's inbox may list others' waiting chats.
    const name = `Late Customer ${Date.now()}`;
    const chat = await startWidgetChat(api.url, campaign.id, name);
    const row = page.getByTestId('inbox-row').filter({ hasText: name });
    await row.getByTestId('inbox-take').click();
    await page.getByTestId('composer-input').waitFor();
    // The conversation reads its trail and details again whenever the chat changes; those reads are
    // held until the agent's session has ended, so they come back refused.
    const held: Route[] = [];
    let holding = true;
    const rereads = new Set(['conversationTrail', 'interactionInfo']);
    await page.route('**/graphql', (route) => {
      const operation = (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;
      if (holding && operation && rereads.has(operation)) held.push(route);
      else void route.continue();
    });
    // The agent's own note, added from another tab, changes the chat.
    await ok(api.url, 'mutation($id: ID!) { addNote(id: $id, body: "Asked about the annual plan") { id } }', { id: chat.id }, agent.token);
    await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);

    await ok(api.url, 'mutation($u: ID!) { logoutAgent(userId: $u) }', { u: agent.id }, supervisor.token);
    await page.waitForURL(/\/signin/);
    // Nothing more is held from here on, so the reads released are exactly those answered.
    holding = false;
    const released = [...held];
    const answered = released.map((route) => page.waitForResponse((response) => response.request() === route.request()));
    for (const route of released) await route.continue();
    expect((await Promise.all(answered)).map((response) => response.status())).toEqual(released.map(() => 401));
    await page.unroute('**/graphql');
    // Whatever the refused reads reject with has settled by the next task.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(pageErrors).toEqual([]);
    await page.getByTestId('signin-email').waitFor();
  });
});
