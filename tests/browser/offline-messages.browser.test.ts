/**
 * Offline messages in the browser, in English and Spanish: a customer leaves one through the widget
 * out of hours (another comes through the API); the agent of the campaign sees them arrive live,
 * counted in the header, turns the first into a conversation and writes in it, and answers the other by e-mail,
 * which a local SMTP server receives with the reply and at the customer's address; colleagues see both handled, by whom. Without SMTP the screen says
 * e-mail is not configured. axe checks the screen at 1280 and 390 px.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp.js';
import { type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, createCampaign, createPerson, PASSWORD, type Person } from '../support/world.js';

let smtp: SmtpReceiver;
let api: ApiProcess;
let noMail: ApiProcess;
let browser: Browser;
let admin: string;
const contexts: BrowserContext[] = [];

const TEXTS = [
  { language: 'en', outOfHours: 'We are closed now.' },
  { language: 'es', outOfHours: 'Ahora estamos cerrados.' },
];

const WORDS = {
  en: { title: 'Offline messages', answered: /Answered by e-mail by AGENT/, turned: /Turned into conversation .+ by AGENT/, notConfigured: /E-mail is not configured/ },
  es: {
    title: 'Mensajes fuera de línea',
    answered: /Respondido por correo por AGENT/,
    turned: /Convertido en la conversación .+ por AGENT/,
    notConfigured: /El correo electrónico no está configurado/,
  },
};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  [api, browser] = await Promise.all([startApi({ SMTP_URL: smtp.url }), launchChromium()]);
  admin = await adminToken(api.url);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
  await smtp?.close();
});

async function newPage(locale: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ locale, viewport: { width, height: 800 } });
  contexts.push(ctx);
  // A step that cannot happen fails with its locator named, well before the test's own timeout.
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  const page = await ctx.newPage();
  return { page, errors: watchErrors(page) };
}

/** A customer opens the widget of a closed campaign and leaves a message with their e-mail. */
async function leaveThroughWidget(campaignId: string, locale: string, who: { name: string; email: string; body: string; closed: string }): Promise<void> {
  const { page, errors } = await newPage(locale, 1100);
  await page.goto(`${api.url}/demo?campaign=${campaignId}`);
  await page.locator('[data-parley-widget="button"]').click();
  const widget = page.frameLocator('iframe[data-parley-widget="frame"]');
  // The start form may come first, or the out-of-hours text at once with the offline form.
  await widget.getByTestId('widget-start').or(widget.getByTestId('widget-offline-form')).first().waitFor();
  if (await widget.getByTestId('widget-start').count()) {
    await widget.getByTestId('widget-name').fill(who.name);
    if (await widget.getByTestId('widget-email').count()) await widget.getByTestId('widget-email').fill(who.email);
    await widget.getByTestId('widget-start').click();
  }
  const form = widget.getByTestId('widget-offline-form');
  await form.waitFor();
  await widget.getByText(who.closed).first().waitFor();
  await form.getByTestId('widget-name').fill(who.name);
  await form.getByTestId('widget-email').fill(who.email);
  await form.getByTestId('widget-offline-body').fill(who.body);
  await widget.getByTestId('widget-offline-send').click();
  await widget.getByTestId('widget-offline-sent').waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}

const newGroup = async (): Promise<string> =>
  (await ok(api.url, 'mutation($n: String!) { createSecurityGroup(name: $n) { id } }', { n: `Offline ${randomBytes(4).toString('hex')}` }, admin)).createSecurityGroup.id;

const card = (page: Page, text: string) => page.getByTestId('offline-message').filter({ hasText: text });

describe('offline messages', JOURNEY, () => {
  it.each([
    ['en', 'en-US'],
    ['es', 'es-ES'],
  ] as const)('(%s) the agent turns one into a conversation and writes, and answers another by e-mail', async (lang, locale) => {
    const words = WORDS[lang];
    // A security group of their own: the counts are exact whatever other test files leave meanwhile.
    const securityGroupId = await newGroup();
    const agent: Person = await createPerson(api.url, admin, 'AGENT', { securityGroupId });
    const supervisor: Person = await createPerson(api.url, admin, 'SUPERVISOR', { securityGroupId });
    const campaign = await createCampaign(api.url, admin, {
      securityGroupId,
      messages: TEXTS,
      defaultLanguage: lang,
      allowOfflineMessages: true,
      schedule: { ranges: [], holidays: [] },
      memberIds: [agent.id],
    });
    const closed = TEXTS.find((x) => x.language === lang)!.outOfHours;
    const first = { name: `Night owl ${lang}`, email: `owl-${lang}@customer.example`, body: `Please call me back tomorrow (${lang})`, closed };
    const second = { name: `Early bird ${lang}`, email: `bird-${lang}@customer.example`, body: `Do you ship to Canarias? (${lang})` };
    // The agent watches the screen: what customers leave arrives live, counted in the header.
    const { page, errors } = await newPage(locale);
    await signInThroughForm(page, api.url, agent.email, PASSWORD);
    const nav = page.getByTestId('nav-offline-messages');
    await nav.click();
    await page.getByRole('heading', { level: 1, name: words.title }).waitFor();
    await page.getByTestId('offline-empty').waitFor();
    await leaveThroughWidget(campaign.id, locale, first);
    await card(page, first.body).waitFor();
    await expect.poll(() => nav.getByTestId('offline-nav-count').textContent()).toMatch(/^\s*1\b/);
    await ok(api.url, 'mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }', {
      i: { campaignId: campaign.id, name: second.name, email: second.email, language: lang, body: second.body },
    });
    await card(page, second.body).waitFor();
    await expect.poll(() => nav.getByTestId('offline-nav-count').textContent()).toMatch(/^\s*2\b/);
    await expectAccessible(page, `offline messages (${lang}, 1280 px)`);
    await screenshot(page, `offline-messages-${lang}`);

    // Turned into a conversation: the agent lands in it, the customer's words first, and writes.
    await card(page, first.body).getByTestId('offline-convert').click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}/);
    await page.getByTestId('message').filter({ hasText: first.body }).waitFor();
    await page.getByTestId('composer-input').fill(`Hello ${first.name}, calling you now`);
    await page.getByTestId('composer-send').click();
    await page.getByTestId('message').filter({ hasText: 'calling you now' }).waitFor();
    const chatId = page.url().split('/inbox/')[1]!;
    const stored = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body author { kind } } }', { id: chatId }, supervisor.token);
    expect(stored.messages.map((m: any) => [m.author.kind, m.body])).toEqual([
      ['CONTACT', first.body],
      ['AGENT', `Hello ${first.name}, calling you now`],
    ]);

    // Answered by e-mail: the reply reaches the customer's address.
    await nav.click();
    await expect.poll(() => nav.getByTestId('offline-nav-count').textContent()).toMatch(/^\s*1\b/);
    await card(page, second.body).getByTestId('offline-answer').click();
    await page.getByTestId('offline-reply-body').fill('Yes, in 3 to 5 days.');
    await expectAccessible(page, `the e-mail answer (${lang})`);
    await page.getByTestId('offline-reply-send').click();
    await expect.poll(() => smtp.inbox.find((m) => m.to.includes(second.email))?.text ?? '', { timeout: 10_000 }).toContain('Yes, in 3 to 5 days.');
    expect(smtp.inbox.find((m) => m.to.includes(second.email))!.text).toContain(second.body);
    await expect.poll(() => card(page, second.body).count()).toBe(0);
    await expect.poll(() => nav.getByTestId('offline-nav-count').count()).toBe(0);
    await page.getByTestId('offline-empty').waitFor();

    // A colleague sees both handled, and by whom; on a phone too.
    const colleague = await newPage(locale, 390);
    await signInThroughForm(colleague.page, api.url, supervisor.email, PASSWORD);
    await colleague.page.goto(`${api.url}/offline-messages`);
    await colleague.page.getByTestId('offline-view-handled').click();
    await expect.poll(() => card(colleague.page, second.body).getByTestId('offline-handled').textContent()).toMatch(words.answered);
    await expect.poll(() => card(colleague.page, first.body).getByTestId('offline-handled').textContent()).toMatch(words.turned);
    await expectAccessible(colleague.page, `handled offline messages (${lang}, 390 px)`);
    await screenshot(colleague.page, `offline-messages-handled-phone-${lang}`);
    await colleague.page.getByTestId('offline-view-waiting').click();
    await colleague.page.getByTestId('offline-empty').waitFor();
    await expectAccessible(colleague.page, `offline messages (${lang}, 390 px)`);
    expect(errors).toEqual([]);
    expect(colleague.errors).toEqual([]);
  });
});

describe('offline messages on a server without SMTP', JOURNEY, () => {
  // Started once the other is up: two processes starting at once beside busy test files have missed the 30 s start.
  beforeAll(async () => {
    noMail = await startApi();
  });

  afterAll(async () => {
    await noMail?.stop();
  });

  it.each([
    ['en', 'en-US'],
    ['es', 'es-ES'],
  ] as const)('(%s) says e-mail is not configured on a server without SMTP, and the message still waits', async (lang, locale) => {
    const securityGroupId = await newGroup();
    const agent = await createPerson(api.url, admin, 'AGENT', { securityGroupId });
    const campaign = await createCampaign(api.url, admin, { securityGroupId, messages: TEXTS, allowOfflineMessages: true, schedule: { ranges: [], holidays: [] }, memberIds: [agent.id] });
    const body = `No SMTP here (${lang})`;
    await ok(noMail.url, 'mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }', {
      i: { campaignId: campaign.id, name: 'Quiet', email: `quiet-${lang}@customer.example`, body },
    });
    const { page, errors } = await newPage(locale);
    await signInThroughForm(page, noMail.url, agent.email, PASSWORD);
    await page.getByTestId('nav-offline-messages').click();
    await card(page, body).getByTestId('offline-answer').click();
    await page.getByTestId('offline-reply-body').fill('Hello');
    await page.getByTestId('offline-reply-send').click();
    await expect.poll(() => page.getByTestId('offline-email-missing').textContent()).toMatch(WORDS[lang].notConfigured);
    expect(await page.getByTestId('offline-reply-send').isDisabled()).toBe(true);
    await expectAccessible(page, `e-mail not configured (${lang})`);
    await page.keyboard.press('Escape');
    await card(page, body).getByTestId('offline-convert').waitFor();
    expect(errors).toEqual([]);
  });
});
