/**
 * The Contacts screen and the contact's record, in English and in Spanish: an agent sees a customer
 * waiting in a tray, then held, with where it was before and since when, without reloading; "View
 * contact" in the info panel opens the record beside the chat with an earlier conversation and its
 * result, whose messages open read-only; a contact silent past its session window shows EXPIRED in
 * the list and on the supervisor's monitor. Both screens pass axe at 1280 and 390 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, PASSWORD, type Person, startWidgetChat } from '../support/world.js';

let api: ApiProcess;
let fast: ApiProcess;
let browser: Browser;
let admin: string;
let campaign: CampaignFixture;
const suffix = Date.now().toString(36);
const contexts: BrowserContext[] = [];

const LANGUAGES = [
  { language: 'en', locale: 'en-US', texts: { TRAY: 'Tray', AGENT: 'Agent', EXPIRED: 'Expired', before: 'before: Tray', view: 'View contact', success: 'Success' } },
  { language: 'es', locale: 'es-ES', texts: { TRAY: 'Bandeja', AGENT: 'Agente', EXPIRED: 'Expirado', before: 'antes: Bandeja', view: 'Ver contacto', success: 'Éxito' } },
] as const;

async function signedInPage(person: Person, locale: string): Promise<Page> {
  const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  contexts.push(ctx);
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  const page = await ctx.newPage();
  await signInThroughForm(page, api.url, person.email, PASSWORD);
  return page;
}

const take = (id: string, person: Person) => ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, person.token);

async function openContacts(page: Page, search: string): Promise<void> {
  if (!page.url().endsWith('/contacts')) {
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contacts-view').waitFor();
  }
  // Other test files share the database: narrow the list to this customer, as an agent would.
  await page.getByTestId('contacts-search').fill(search);
}

const row = (page: Page, name: string) => page.getByTestId('contact-row').filter({ hasText: name });

async function expectAccessibleAtBothWidths(page: Page, screen: string): Promise<void> {
  await expectAccessible(page, `${screen} at 1280 px`);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.waitForTimeout(300);
  await expectAccessible(page, `${screen} at 390 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  // The second process runs with a two-second session window: a chat it starts carries that window
  // in its expiry job, so only that contact expires during the test.
  [api, fast, browser] = await Promise.all([startApi({ JOB_POLL_SECONDS: '0.5' }), startApi({ CONTACT_EXPIRY_SECONDS: '2', JOB_POLL_SECONDS: '0.5' }), launchChromium()]);
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await Promise.all([api?.stop(), fast?.stop()]);
});

describe.each(LANGUAGES)('contacts in $language', ({ language, locale, texts }) => {
  let agent: Person;
  let supervisor: Person;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    agent = await createPerson(api.url, admin, 'AGENT', { maxConcurrentChats: 10 });
    supervisor = await createPerson(api.url, admin, 'SUPERVISOR');
    page = await signedInPage(agent, locale);
    errors = watchErrors(page);
  });

  it('lists a customer waiting in a tray, then held by an agent, with the state before and since when', JOURNEY, async () => {
    const name = `Tomás ${language} ${suffix}`;
    const chat = await startWidgetChat(api.url, campaign.id, name);
    await openContacts(page, name);
    const listed = row(page, name);
    await expect.poll(() => listed.getAttribute('data-state'), { timeout: 10_000 }).toBe('TRAY');
    expect(await listed.getByTestId('contact-state').textContent()).toBe(texts.TRAY);
    expect(await listed.getByTestId('contact-since').textContent()).toMatch(/^\d+s$/);

    await take(chat.id, agent);
    // No reload: the chat's change reaches the open list.
    await expect.poll(() => listed.getAttribute('data-state'), { timeout: 10_000 }).toBe('AGENT');
    expect(await listed.getByTestId('contact-state').textContent()).toBe(texts.AGENT);
    expect(await listed.getByTestId('contact-previous').textContent()).toBe(texts.before);
    expect(await listed.getByTestId('contact-conversations').textContent()).toBe('1');
    expect(await listed.textContent()).toContain(campaign.name);

    await expectAccessibleAtBothWidths(page, `the contacts screen (${language})`);
    await screenshot(page, `contacts-${language}`);

    await listed.getByTestId('contact-open').click();
    const record = page.getByTestId('contact-record');
    await record.getByTestId('history-item').first().waitFor();
    expect(await record.getByTestId('contact-state').getAttribute('data-state')).toBe('AGENT');
    await expectAccessibleAtBothWidths(page, `the contact record (${language})`);
    await page.keyboard.press('Escape');
    await record.waitFor({ state: 'hidden' });
  });

  it('opens the contact’s record from the info panel, with an earlier conversation and its result', JOURNEY, async () => {
    const name = `Record ${language} ${suffix}`;
    const earlier = await startWidgetChat(api.url, campaign.id, name);
    await take(earlier.id, agent);
    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: earlier.id }, agent.token);
    const earlierProtocol = earlier.protocol;
    await ok(api.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { interaction { id } } }', {
      i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name }, returningVisitorToken: earlier.visitorToken },
    });

    await page.getByTestId('nav-inbox').click();
    const waiting = page
      .getByTestId('inbox-row')
      .filter({ hasText: name })
      .filter({ has: page.getByTestId('inbox-take') });
    await waiting.getByTestId('inbox-take').click();
    await page.getByTestId('composer-input').waitFor();
    const view = page.getByTestId('info-panel').getByTestId('view-contact');
    expect(await view.textContent()).toContain(texts.view);
    await view.click();

    const record = page.getByTestId('contact-record');
    await record.waitFor();
    const item = record.locator(`[data-testid="history-item"][data-protocol="${earlierProtocol}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain(texts.success);
    // The chat stays open behind the record.
    expect(await page.getByTestId('composer-input').isVisible()).toBe(true);
    await expectAccessible(page, `the contact record beside the chat (${language})`);
    await screenshot(page, `contact-record-${language}`);

    await item.click();
    await page.getByTestId('history-viewer').waitFor();
    expect(await page.getByTestId('history-viewer').textContent()).toContain(earlierProtocol);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('shows a contact silent past its window as EXPIRED, in the list and on the monitor', JOURNEY, async () => {
    const name = `Silent ${language} ${suffix}`;
    const chat = await startWidgetChat(fast.url, campaign.id, name);
    await take(chat.id, agent);
    await page.goto(`${api.url}/contacts`);
    await page.getByTestId('contacts-view').waitFor();
    await openContacts(page, name);
    const listed = row(page, name);
    await expect.poll(() => listed.getAttribute('data-state'), { timeout: 20_000 }).toBe('EXPIRED');
    expect(await listed.getByTestId('contact-state').textContent()).toBe(texts.EXPIRED);

    const monitor = await signedInPage(supervisor, locale);
    const monitorErrors = watchErrors(monitor);
    await monitor.getByTestId('nav-monitor').click();
    await monitor.getByTestId('monitor-view').waitFor();
    // The shared database holds other files' chats: narrow the monitor to this customer, as a supervisor would.
    await monitor.getByTestId('monitor-filter-contact').fill(name);
    await monitor.getByTestId('monitor-tab-phases').click();
    const held = monitor.getByTestId('monitor-phase-in-service-row').filter({ hasText: name });
    await held.getByTestId('monitor-contact-expired').waitFor();
    expect(await held.getByTestId('monitor-contact-expired').textContent()).toBe(texts.EXPIRED);
    expect(monitorErrors).toEqual([]);
    expect(errors).toEqual([]);
  });
});
