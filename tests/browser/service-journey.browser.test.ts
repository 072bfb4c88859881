/**
 * One customer's whole journey in real browsers. The customer opens the widget on the demo page; a
 * bot greets them and hands the chat off with what it learnt; agent A takes it, and both sides send
 * text, a file and an audio message; the agent's network drops in the middle and nothing is lost or
 * shown twice; A transfers it to agent B with a note; B closes it and e-mails the transcript; the
 * customer reads the closing comment. The main screens are checked with axe-core and photographed.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors, widgetFrame } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, PASSWORD, type Person, PNG_1PX } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let campaign: CampaignFixture;
let bot: string;
let agentA: Person;
let agentB: Person;
const contexts: BrowserContext[] = [];
const errors: string[][] = [];

let customer: Page;
let widget: FrameLocator;
let agentPage: Page;
let agentContext: BrowserContext;
let chatId: string;
/** Served by the test itself (see `route` below), never fetched from the internet. */
const BOT_AVATAR = 'https://cdn.example.com/acme-assistant.png';

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  const admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin, {
    botFirst: true,
    allowAudio: true,
    messages: [
      { language: 'en', welcome: 'Welcome to Acme! An agent will be with you shortly.', botWelcome: 'Welcome to Acme! Our assistant helps you first.', closing: 'Thanks for talking to Acme.' },
      {
        language: 'es',
        welcome: '¡Bienvenido a Acme! Un agente te atenderá en breve.',
        botWelcome: '¡Bienvenido a Acme! Primero te atiende nuestro asistente.',
        closing: 'Gracias por hablar con Acme.',
      },
    ],
  });
  await ok(
    api.url,
    'mutation($c: CreateCannedResponseInput!) { createCannedResponse(input: $c) { id } }',
    { c: { campaignId: campaign.id, shortcut: 'thanks', body: 'Thank you for waiting, I am on it.' } },
    admin,
  );
  bot = (
    await ok(
      api.url,
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'acme-bot 08:09:48', scopes: ['BOT'], campaignIds: [campaign.id], displayName: 'Acme Assistant', avatarUrl: BOT_AVATAR } },
      admin,
    )
  ).createApiKey.secret;
  agentA = await createPerson(api.url, admin, 'AGENT');
  agentB = await createPerson(api.url, admin, 'AGENT');
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

async function open(locale: string, viewport = { width: 1280, height: 800 }, colorScheme: 'light' | 'dark' = 'light'): Promise<[BrowserContext, Page]> {
  const ctx = await browser.newContext({ locale, colorScheme, viewport, permissions: ['microphone', 'camera'] });
  contexts.push(ctx);
  // A step that cannot happen fails with its locator named, well before the test's own timeout.
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  const page = await ctx.newPage();
  errors.push(watchErrors(page));
  return [ctx, page];
}

async function signIn(page: Page, person: Person): Promise<void> {
  await signInThroughForm(page, api.url, person.email, PASSWORD);
  await page.getByTestId('current-user').waitFor();
}

/** Records a short audio message with the fake microphone and sends it. */
async function recordAudio(scope: Page | FrameLocator): Promise<void> {
  await scope.getByTestId('composer-record').click();
  await expect.poll(() => scope.getByTestId('composer-record-timer').textContent(), { timeout: 5000 }).toMatch(/0:0[1-9]/);
  await scope.getByTestId('composer-record-stop').click();
}

const byText = (scope: Page | FrameLocator, testId: string, text: string) => scope.getByTestId(testId).filter({ hasText: text });

describe('a customer served from the widget to the transcript', JOURNEY, () => {
  it('the customer opens the widget, talks to the bot, which hands off with what it learnt', async () => {
    [, customer] = await open('es-ES', { width: 1100, height: 800 });
    // The bot's avatar is served here: the test needs no network beyond the machine.
    await customer.route(BOT_AVATAR, (route) => route.fulfill({ body: PNG_1PX, contentType: 'image/png' }));
    await customer.goto(`${api.url}/demo?campaign=${campaign.id}`);
    await customer.locator('[data-parley-widget="button"]').click();
    widget = customer.frameLocator('iframe[data-parley-widget="frame"]');
    // A campaign whose bot answers first promises no agent yet, before the chat and in it.
    await expect.poll(() => widget.getByTestId('widget-welcome').textContent()).toBe('¡Bienvenido a Acme! Primero te atiende nuestro asistente.');
    await widget.getByTestId('widget-name').fill('Lucía Pérez');
    if (await widget.getByTestId('widget-email').count()) await widget.getByTestId('widget-email').fill('lucia@example.com');
    await widget.getByTestId('widget-start').click();
    await byText(widget, 'widget-message', 'Primero te atiende nuestro asistente').waitFor();
    expect(await byText(widget, 'widget-message', 'Un agente te atenderá').count()).toBe(0);
    await expectAccessible(widgetFrame(customer), 'the widget chat');

    const inBot = await vi.waitFor(
      async () => {
        const found = await ok(api.url, 'query($c: ID!) { interactions(filter: { campaignId: $c, phases: [BOT] }) { edges { node { id contact { name } } } } }', { c: campaign.id }, bot);
        const node = found.interactions.edges.map((e: any) => e.node).find((n: any) => n.contact.name === 'Lucía Pérez');
        if (!node) throw new Error('the chat has not reached the bot yet');
        return node;
      },
      { timeout: 10_000, interval: 200 },
    );
    chatId = inBot.id;
    await ok(api.url, 'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', { i: { interactionId: chatId, body: '¿Cuál es tu número de pedido?' } }, bot);
    // The bot speaks under the name and avatar its administrator gave it, not its key's name.
    const asked = byText(widget, 'widget-message', 'número de pedido');
    await asked.waitFor();
    expect(await asked.textContent()).toContain('Acme Assistant');
    expect(await asked.getByTestId('message-avatar').getAttribute('src')).toBe(BOT_AVATAR);
    await widget.getByTestId('widget-input').fill('Es el 4711');
    await widget.getByTestId('widget-input').press('Enter');
    await vi.waitFor(async () => {
      const messages = await ok(api.url, 'query($id: ID!) { messages(interactionId: $id) { body } }', { id: chatId }, bot);
      if (!messages.messages.some((m: any) => m.body === 'Es el 4711')) throw new Error('not yet');
    });
    await ok(
      api.url,
      'mutation($i: HandOffInput!) { handOff(input: $i) { phase } }',
      { i: { interactionId: chatId, botAnswers: [{ key: 'Order', value: '4711' }], trayId: campaign.generalTrayId } },
      bot,
    );
    await screenshot(customer, 'journey-widget-bot');
  });

  it('agent A sees it arrive live, takes it, reads the bot’s answers, and both sides exchange text, files and audio', async () => {
    [agentContext, agentPage] = await open('en-US');
    await signIn(agentPage, agentA);
    const row = agentPage.locator(`[data-testid="inbox-row"][data-id="${chatId}"]`);
    await row.waitFor({ timeout: 10_000 });
    await expectAccessible(agentPage, 'the inbox');
    await screenshot(agentPage, 'journey-inbox');
    await row.getByTestId('inbox-take').click();
    await agentPage.getByTestId('composer-input').waitFor();
    await byText(agentPage, 'bot-answer', '4711').waitFor();
    await agentPage.getByTestId('conversation-waited').waitFor();

    // A canned response, found by typing "/" and its shortcut.
    await agentPage.getByTestId('composer-input').fill('/than');
    await agentPage.getByTestId('canned-option').first().waitFor();
    await agentPage.getByTestId('composer-input').press('Enter');
    await expect.poll(() => agentPage.getByTestId('composer-input').inputValue()).toContain('Thank you for waiting');
    await agentPage.getByTestId('composer-input').press('Enter');
    await byText(widget, 'widget-message', 'Thank you for waiting').waitFor({ timeout: 20_000 });

    // The agent sends a file with its message, then an audio message.
    await agentPage.getByTestId('composer-file').setInputFiles({ name: 'invoice.png', mimeType: 'image/png', buffer: PNG_1PX });
    await agentPage.getByTestId('composer-attachment').waitFor();
    await agentPage.getByTestId('composer-input').fill('Here is your invoice');
    await agentPage.getByTestId('composer-send').click();
    await widget.locator('[data-testid="message-attachment"][data-kind="image"]').waitFor({ timeout: 10_000 });
    await recordAudio(agentPage);
    await widget.locator('[data-testid="message-attachment"][data-kind="audio"]').waitFor({ timeout: 15_000 });

    // The customer answers with a file and an audio message of their own.
    await widget.getByTestId('composer-file').setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('paid in full') });
    await widget.getByTestId('composer-attachment').waitFor();
    await widget.getByTestId('widget-input').fill('Mi recibo');
    await widget.getByTestId('widget-send').click();
    await agentPage.locator('[data-testid="message-attachment"][data-kind="file"]').filter({ hasText: 'receipt.txt' }).waitFor({ timeout: 10_000 });
    await recordAudio(widget);
    await expect.poll(() => agentPage.locator('[data-testid="message-attachment"][data-kind="audio"]').count(), { timeout: 15_000 }).toBe(2);

    await expectAccessible(agentPage, 'the conversation');
    await screenshot(agentPage, 'journey-conversation');
    await screenshot(customer, 'journey-widget-chat');
  });

  it('the agent’s network drops while the customer writes; back online, every message shows once', async () => {
    await agentContext.setOffline(true);
    for (const body of ['¿Sigues ahí?', 'Te escribo mientras tanto', 'Tercer mensaje']) {
      await widget.getByTestId('widget-input').fill(body);
      await widget.getByTestId('widget-input').press('Enter');
      await byText(widget, 'widget-message', body).waitFor();
    }
    await agentPage.waitForTimeout(1500);
    await agentContext.setOffline(false);
    for (const body of ['¿Sigues ahí?', 'Te escribo mientras tanto', 'Tercer mensaje']) {
      await byText(agentPage, 'message', body).waitFor({ timeout: 20_000 });
    }
    // The agent's reply written while offline, too, arrives once.
    await agentPage.getByTestId('composer-input').fill('Sí, aquí estoy');
    await agentPage.getByTestId('composer-input').press('Enter');
    await byText(widget, 'widget-message', 'Sí, aquí estoy').waitFor({ timeout: 20_000 });
    await agentPage.waitForTimeout(500);
    for (const body of ['¿Sigues ahí?', 'Te escribo mientras tanto', 'Tercer mensaje', 'Sí, aquí estoy']) {
      expect(await byText(agentPage, 'message', body).count()).toBe(1);
      expect(await byText(widget, 'widget-message', body).count()).toBe(1);
    }
  });

  it('agent A transfers it to agent B with a note; B closes it and e-mails the transcript; the customer reads the closing comment', { timeout: 90_000 }, async () => {
    await agentPage.getByTestId('action-transfer').click();
    const dialog = agentPage.getByTestId('transfer-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('transfer-target-kind').getByText(/agent/i).click();
    await dialog.getByTestId('transfer-target').click();
    await agentPage
      .getByText(new RegExp(agentB.email.slice(0, 12)))
      .last()
      .click();
    await dialog.getByTestId('transfer-note').fill('Wants a refund for order 4711');
    await screenshot(agentPage, 'journey-transfer');
    await dialog.getByTestId('transfer-submit').click();
    await expect.poll(() => agentPage.locator(`[data-testid="inbox-row"][data-id="${chatId}"]`).count(), { timeout: 10_000 }).toBe(0);

    const [, pageB] = await open('en-US', { width: 1024, height: 700 }, 'dark');
    await signIn(pageB, agentB);
    // A busy inbox (the rest of the suite runs beside this test): the search narrows it to her.
    await pageB.getByTestId('inbox-search').fill('Lucía Pérez');
    const row = pageB.locator(`[data-testid="inbox-row"][data-id="${chatId}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.getByTestId('inbox-take').click();
    // On a laptop screen the info panel is a drawer, opened on demand.
    await pageB.getByTestId('info-toggle').click();
    await byText(pageB, 'note', 'Wants a refund').waitFor();
    await screenshot(pageB, 'journey-info-drawer-dark');
    await pageB.keyboard.press('Escape');
    await pageB.getByTestId('composer-input').fill('Refund approved');
    await pageB.getByTestId('composer-input').press('Enter');
    await byText(widget, 'widget-message', 'Refund approved').waitFor({ timeout: 20_000 });

    await pageB.getByTestId('action-close').click();
    await pageB.getByTestId('close-confirm').click();
    await byText(widget, 'widget-message', 'Gracias por hablar con Acme.').or(widget.getByTestId('widget-closing')).first().waitFor({ timeout: 20_000 });
    const closed = await ok(api.url, 'query($id: ID!) { interaction(id: $id) { phase result } }', { id: chatId }, agentB.token);
    expect(closed.interaction).toEqual({ phase: 'CLOSED', result: 'ESCALATED' });

    await pageB.getByTestId('info-toggle').click();
    await pageB.getByTestId('transcript-to').fill('lucia.perez@example.com');
    await pageB.getByTestId('transcript-send').click();
    await expect.poll(() => pageB.getByTestId('transcript-status').textContent(), { timeout: 10_000 }).toMatch(/lucia\.perez@example\.com/);
    await screenshot(pageB, 'journey-closed-dark');
    await screenshot(customer, 'journey-widget-closed');
    expect(errors.flat()).toEqual([]);
  });
});
