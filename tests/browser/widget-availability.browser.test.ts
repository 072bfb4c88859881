/**
 * The widget says no before it asks anything (issue 15, defect 8): out of hours the campaign's text
 * and the offline form come first, with the queue full its unavailable text; only a campaign that can
 * take the chat shows the pre-chat form. What changes while the widget is open shows when the customer
 * next acts, and a returning customer finds the details given last time filled in.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, STEP_TIMEOUT, watchErrors, widgetFrame } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, createCampaign, startWidgetChat } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let admin: string;
const contexts: BrowserContext[] = [];

const TEXTS = [
  { language: 'en', welcome: 'Welcome!', outOfHours: 'We are closed now.', unavailable: 'Everyone is busy.', offline: 'Leave us a message.' },
  { language: 'es', welcome: '¡Bienvenido!', outOfHours: 'Ahora estamos cerrados.', unavailable: 'Todos están ocupados.', offline: 'Déjanos un mensaje.' },
];
const CLOSED = { ranges: [], holidays: [] };
const UPDATE = 'mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id } }';

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  admin = await adminToken(api.url);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

async function newContext(locale: string, width = 1280): Promise<BrowserContext> {
  const phone = width < 500;
  const ctx = await browser.newContext({ locale, viewport: { width, height: phone ? 844 : 800 }, isMobile: phone, hasTouch: phone });
  contexts.push(ctx);
  // A step that cannot happen fails with its locator named, well before the test's own timeout.
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  return ctx;
}

async function openWidget(ctx: BrowserContext, campaignId: string): Promise<{ page: Page; widget: FrameLocator; errors: string[] }> {
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(`${api.url}/demo?campaign=${campaignId}`);
  await page.locator('[data-parley-widget="button"]').click();
  return { page, widget: page.frameLocator('iframe[data-parley-widget="frame"]'), errors };
}

/** What the widget shows once it has loaded: which of its first screens is up. */
async function firstScreen(widget: FrameLocator): Promise<'form' | 'out-of-hours' | 'unavailable'> {
  const shown = widget.getByTestId('widget-start').or(widget.getByTestId('widget-out-of-hours')).or(widget.getByTestId('widget-unavailable'));
  await shown.first().waitFor();
  if (await widget.getByTestId('widget-out-of-hours').count()) return 'out-of-hours';
  if (await widget.getByTestId('widget-unavailable').count()) return 'unavailable';
  return 'form';
}

const valueOf = (widget: FrameLocator, testId: string) => widget.getByTestId(testId).inputValue();

describe('the widget before it asks anything', JOURNEY, () => {
  it.each([
    ['en-US', 'We are closed now.', 'Send message'],
    ['es-ES', 'Ahora estamos cerrados.', 'Enviar mensaje'],
  ])('out of hours in a %s browser first shows the campaign’s text and the offline form, not the pre-chat form', async (locale, closedText, send) => {
    const campaign = await createCampaign(api.url, admin, { messages: TEXTS, allowOfflineMessages: true, askName: true, askEmail: true, schedule: CLOSED });
    const { page, widget, errors } = await openWidget(await newContext(locale), campaign.id);
    expect(await firstScreen(widget)).toBe('out-of-hours');
    await expect.poll(() => widget.getByTestId('widget-out-of-hours').textContent()).toBe(closedText);
    expect(await widget.getByTestId('widget-offline-send').textContent()).toContain(send);
    expect(await widget.getByTestId('widget-start').count()).toBe(0);
    // Nothing was started: no chat sits closed in the campaign for a customer who only looked.
    const chats = await ok(api.url, 'query($f: InteractionFilterInput) { interactions(filter: $f) { totalCount } }', { f: { campaignId: campaign.id } }, admin);
    expect(chats.interactions.totalCount).toBe(0);

    await widget.getByTestId('widget-name').fill('Nocturno');
    await widget.getByTestId('widget-email').fill('nocturno@example.com');
    await widget.getByTestId('widget-offline-body').fill(`Call me tomorrow (${locale})`);
    await widget.getByTestId('widget-offline-send').click();
    await widget.getByTestId('widget-offline-sent').waitFor();
    const left = await ok(api.url, 'query($c: ID) { offlineMessages(campaignId: $c) { body email } }', { c: campaign.id }, admin);
    expect(left.offlineMessages).toEqual([{ body: `Call me tomorrow (${locale})`, email: 'nocturno@example.com' }]);
    await screenshot(page, `widget-availability-out-of-hours-${locale}`);
    expect(errors).toEqual([]);
  });

  it.each([
    ['en-GB', 'Everyone is busy.'],
    ['es-MX', 'Todos están ocupados.'],
  ])('with the queue full in a %s browser first shows the unavailable text, and the form once a seat frees', async (locale, busyText) => {
    const campaign = await createCampaign(api.url, admin, { messages: TEXTS, waitingLimit: 1 });
    const first = await startWidgetChat(api.url, campaign.id, 'First in line');
    const { widget, errors } = await openWidget(await newContext(locale), campaign.id);
    expect(await firstScreen(widget)).toBe('unavailable');
    expect(await widget.getByTestId('widget-unavailable').textContent()).toBe(busyText);
    expect(await widget.getByTestId('widget-name').count()).toBe(0);

    await ok(api.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: NO_ANSWER) { id } }', { id: first.id }, admin);
    await widget.getByTestId('widget-check-again').click();
    await widget.getByTestId('widget-start').waitFor();
    await widget
      .getByTestId('widget-welcome')
      .filter({ hasText: locale.startsWith('es') ? '¡Bienvenido!' : 'Welcome!' })
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('out of hours turns into the pre-chat form when the hours open while the widget is up', async () => {
    const campaign = await createCampaign(api.url, admin, { messages: TEXTS, allowOfflineMessages: true, schedule: CLOSED });
    const ctx = await newContext('en-US');
    // Time flows as usual; the test only jumps over the minute the widget waits before asking again.
    await ctx.clock.install();
    const { widget } = await openWidget(ctx, campaign.id);
    expect(await firstScreen(widget)).toBe('out-of-hours');
    await ok(api.url, UPDATE, { id: campaign.id, input: { schedule: null } }, admin);
    await ctx.clock.fastForward(61_000);
    await widget.getByTestId('widget-start').waitFor();
    expect(await widget.getByTestId('widget-out-of-hours').count()).toBe(0);
  });

  it('an open campaign shows the pre-chat form and starts the chat', async () => {
    const campaign = await createCampaign(api.url, admin, { messages: TEXTS, askName: true, askEmail: false });
    const { widget, errors } = await openWidget(await newContext('es-ES'), campaign.id);
    expect(await firstScreen(widget)).toBe('form');
    await widget.getByTestId('widget-welcome').filter({ hasText: '¡Bienvenido!' }).waitFor();
    await widget.getByTestId('widget-name').fill('Abierto');
    await widget.getByTestId('widget-start').click();
    await widget.getByTestId('widget-input').waitFor();
    expect(errors).toEqual([]);
  });

  it('a returning customer in the same browser finds the details given last time filled in', async () => {
    const asking = { messages: TEXTS, askName: true, askEmail: true, askPhone: true };
    const [first, second, closed] = await Promise.all([
      createCampaign(api.url, admin, asking),
      createCampaign(api.url, admin, asking),
      createCampaign(api.url, admin, { ...asking, allowOfflineMessages: true, schedule: CLOSED }),
    ]);
    const ctx = await newContext('en-US');
    const { widget } = await openWidget(ctx, first.id);
    await widget.getByTestId('widget-name').fill('Rita Returning');
    await widget.getByTestId('widget-email').fill('rita@example.com');
    await widget.getByTestId('widget-phone').fill('+1 555 010 0200');
    await widget.getByTestId('widget-start').click();
    await widget.getByTestId('widget-input').waitFor();

    // Another day, another page of the same site: a new conversation starts from what she gave.
    const again = await openWidget(ctx, second.id);
    expect(await firstScreen(again.widget)).toBe('form');
    expect(await valueOf(again.widget, 'widget-name')).toBe('Rita Returning');
    expect(await valueOf(again.widget, 'widget-email')).toBe('rita@example.com');
    expect(await valueOf(again.widget, 'widget-phone')).toBe('+1 555 010 0200');
    await again.widget.getByTestId('widget-start').click();
    await again.widget.getByTestId('widget-input').waitFor();

    // Out of hours the offline form starts from them too.
    const late = await openWidget(ctx, closed.id);
    expect(await firstScreen(late.widget)).toBe('out-of-hours');
    expect(await valueOf(late.widget, 'widget-email')).toBe('rita@example.com');

    // Only this browser remembers: another customer on another device starts blank.
    const stranger = await openWidget(await newContext('en-US'), second.id);
    expect(await firstScreen(stranger.widget)).toBe('form');
    expect(await valueOf(stranger.widget, 'widget-name')).toBe('');
  });

  it.each([1280, 390])('has no accessibility violations out of hours, when full and in the form at %i px', async (width) => {
    const [closed, full, open] = await Promise.all([
      createCampaign(api.url, admin, { messages: TEXTS, allowOfflineMessages: true, schedule: CLOSED }),
      createCampaign(api.url, admin, { messages: TEXTS, waitingLimit: 1 }),
      createCampaign(api.url, admin, { messages: TEXTS, askName: true, askEmail: true }),
    ]);
    await startWidgetChat(api.url, full.id, 'First in line');
    for (const [campaign, screen] of [
      [closed, 'out-of-hours'],
      [full, 'unavailable'],
      [open, 'form'],
    ] as const) {
      const ctx = await newContext(width < 500 ? 'es-ES' : 'en-US', width);
      const { page, widget } = await openWidget(ctx, campaign.id);
      expect(await firstScreen(widget)).toBe(screen);
      await expectAccessible(widgetFrame(page), `the widget's ${screen} screen at ${width} px`);
      await screenshot(page, `widget-availability-${screen}-${width}`);
      await ctx.close();
    }
  });
});
