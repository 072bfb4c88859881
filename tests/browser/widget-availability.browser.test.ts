/**
 * The widget says no before it asks anything (issue 15, defect 8): out of hours the campaign's text
 * and the offline form come first, with the queue full its unavailable text; only a campaign that can
 * take the chat shows the pre-chat form. What changes while the widget is open shows when the customer
 * next acts, and a returning customer finds the details given last time filled in.
 */
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY, screenshot, widgetFrame } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { WIDGET_TEXTS as TEXTS, widgetWorld } from '../support/widget.js';
import { createCampaign, startWidgetChat } from '../support/world.js';

const world = widgetWorld();
const { newContext, openWidget } = world;
const CLOSED = { ranges: [], holidays: [] };
const UPDATE = 'mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id } }';

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
    const campaign = await createCampaign(world.url, world.admin, { messages: TEXTS, allowOfflineMessages: true, askName: true, askEmail: true, schedule: CLOSED });
    const { page, widget, errors } = await openWidget(await newContext(locale), campaign.id);
    expect(await firstScreen(widget)).toBe('out-of-hours');
    await expect.poll(() => widget.getByTestId('widget-out-of-hours').textContent()).toBe(closedText);
    expect(await widget.getByTestId('widget-offline-send').textContent()).toContain(send);
    expect(await widget.getByTestId('widget-start').count()).toBe(0);
    // Nothing was started: no chat sits closed in the campaign for a customer who only looked.
    const chats = await ok(world.url, 'query($f: InteractionFilterInput) { interactions(filter: $f) { totalCount } }', { f: { campaignId: campaign.id } }, world.admin);
    expect(chats.interactions.totalCount).toBe(0);

    await widget.getByTestId('widget-name').fill('Nocturno');
    await widget.getByTestId('widget-email').fill('nocturno@example.com');
    await widget.getByTestId('widget-offline-body').fill(`Call me tomorrow (${locale})`);
    await widget.getByTestId('widget-offline-send').click();
    await widget.getByTestId('widget-offline-sent').waitFor();
    const left = await ok(world.url, 'query($c: ID) { offlineMessages(campaignId: $c) { body email } }', { c: campaign.id }, world.admin);
    expect(left.offlineMessages).toEqual([{ body: `Call me tomorrow (${locale})`, email: 'nocturno@example.com' }]);
    await screenshot(page, `widget-availability-out-of-hours-${locale}`);
    expect(errors).toEqual([]);
  });

  it.each([
    ['en-GB', 'Everyone is busy.'],
    ['es-MX', 'Todos están ocupados.'],
  ])('with the queue full in a %s browser first shows the unavailable text, and the form once a seat frees', async (locale, busyText) => {
    const campaign = await createCampaign(world.url, world.admin, { messages: TEXTS, waitingLimit: 1 });
    const first = await startWidgetChat(world.url, campaign.id, 'First in line');
    const { widget, errors } = await openWidget(await newContext(locale), campaign.id);
    expect(await firstScreen(widget)).toBe('unavailable');
    expect(await widget.getByTestId('widget-unavailable').textContent()).toBe(busyText);
    expect(await widget.getByTestId('widget-name').count()).toBe(0);

    await ok(world.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: NO_ANSWER) { id } }', { id: first.id }, world.admin);
    await widget.getByTestId('widget-check-again').click();
    await widget.getByTestId('widget-start').waitFor();
    await widget
      .getByTestId('widget-welcome')
      .filter({ hasText: locale.startsWith('es') ? '¡Bienvenido!' : 'Welcome!' })
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('out of hours turns into the pre-chat form when the hours open while the widget is up', async () => {
    const campaign = await createCampaign(world.url, world.admin, { messages: TEXTS, allowOfflineMessages: true, schedule: CLOSED });
    const ctx = await newContext('en-US');
    // Time flows as usual; the test only jumps over the minute the widget waits before asking again.
    await ctx.clock.install();
    const { widget } = await openWidget(ctx, campaign.id);
    expect(await firstScreen(widget)).toBe('out-of-hours');
    await ok(world.url, UPDATE, { id: campaign.id, input: { schedule: null } }, world.admin);
    await ctx.clock.fastForward(61_000);
    await widget.getByTestId('widget-start').waitFor();
    expect(await widget.getByTestId('widget-out-of-hours').count()).toBe(0);
  });

  it('an open campaign shows the pre-chat form and starts the chat', async () => {
    const campaign = await createCampaign(world.url, world.admin, { messages: TEXTS, askName: true, askEmail: false });
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
      createCampaign(world.url, world.admin, asking),
      createCampaign(world.url, world.admin, asking),
      createCampaign(world.url, world.admin, { ...asking, allowOfflineMessages: true, schedule: CLOSED }),
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
      createCampaign(world.url, world.admin, { messages: TEXTS, allowOfflineMessages: true, schedule: CLOSED }),
      createCampaign(world.url, world.admin, { messages: TEXTS, waitingLimit: 1 }),
      createCampaign(world.url, world.admin, { messages: TEXTS, askName: true, askEmail: true }),
    ]);
    await startWidgetChat(world.url, full.id, 'First in line');
    for (const [campaign, screen] of [
      [closed, 'out-of-hours'],
      [full, 'unavailable'],
      [open, 'form'],
    ] as const) {
      const ctx = await newContext(width < 500 ? 'es-ES' : 'en-US', { width, height: width < 500 ? 844 : 800 });
      const { page, widget } = await openWidget(ctx, campaign.id);
      expect(await firstScreen(widget)).toBe(screen);
      await expectAccessible(widgetFrame(page), `the widget's ${screen} screen at ${width} px`);
      await screenshot(page, `widget-availability-${screen}-${width}`);
      await ctx.close();
    }
  });
});
