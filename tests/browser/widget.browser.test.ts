/**
 * The widget as customers meet it: in their browser's language, on a phone, out of hours with an
 * offline message, when everyone is busy, and after a reload of the page.
 */
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY, screenshot, widgetFrame } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { type OpenWidget, WIDGET_TEXTS as TEXTS, widgetWorld } from '../support/widget.js';
import { createCampaign } from '../support/world.js';

const world = widgetWorld();

async function openWidget(campaignId: string, locale: string, viewport = { width: 1100, height: 800 }): Promise<OpenWidget> {
  return world.openWidget(await world.newContext(locale, viewport), campaignId);
}

async function start(widget: FrameLocator, name: string): Promise<void> {
  await widget.getByTestId('widget-name').fill(name);
  if (await widget.getByTestId('widget-email').count()) await widget.getByTestId('widget-email').fill('customer@example.com');
  await widget.getByTestId('widget-start').click();
}

describe('the widget', JOURNEY, () => {
  it.each([
    ['en-GB', 'Welcome!'],
    ['es-MX', '¡Bienvenido!'],
    ['pt-BR', 'Bem-vindo!'],
    ['de-DE', 'Welcome!'],
  ])('in a %s browser shows the campaign’s welcome in its language (%s)', async (locale, welcome) => {
    const campaign = await createCampaign(world.url, world.admin, { messages: TEXTS });
    const { widget, errors } = await openWidget(campaign.id, locale);
    await start(widget, `Customer ${locale}`);
    await widget.getByTestId('widget-message').filter({ hasText: welcome }).waitFor();
    expect(errors).toEqual([]);
  });

  it('on a phone fills the screen, checks the e-mail it asks for, and closes', async () => {
    const campaign = await createCampaign(world.url, world.admin, { messages: TEXTS, askEmail: true, askPhone: true });
    const { page, widget, errors } = await openWidget(campaign.id, 'en-US', { width: 375, height: 667 });
    const frame = page.locator('iframe[data-parley-widget="frame"]');
    const box = (await frame.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(370);
    expect(box.height).toBeGreaterThanOrEqual(600);
    await widget.getByTestId('widget-name').fill('Phone Customer');
    await widget.getByTestId('widget-email').fill('not-an-email');
    await widget.getByTestId('widget-phone').fill('+55 11 99999-0000');
    await widget.getByTestId('widget-start').click();
    await widget.getByTestId('widget-field-error').first().waitFor();
    await screenshot(page, 'widget-phone-form');
    await widget.getByTestId('widget-email').fill('phone@example.com');
    await widget.getByTestId('widget-start').click();
    await widget.getByTestId('widget-message').filter({ hasText: 'Welcome!' }).waitFor();
    await screenshot(page, 'widget-phone-chat');
    await widget.getByTestId('widget-close').click();
    await expect.poll(() => frame.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('out of hours shows the campaign’s text and takes an offline message that agents can read', async () => {
    const campaign = await createCampaign(world.url, world.admin, { messages: TEXTS, allowOfflineMessages: true, schedule: { ranges: [], holidays: [] } });
    const { page, widget, errors } = await openWidget(campaign.id, 'es-ES');
    // Said before anything is asked (widget-availability.browser.test.ts): the offline form asks instead.
    await widget.getByTestId('widget-out-of-hours').filter({ hasText: 'Ahora estamos cerrados.' }).waitFor();
    await widget.getByTestId('widget-email').fill('nocturno@example.com');
    await widget.getByTestId('widget-offline-body').fill('Llamadme mañana, por favor');
    await widget.getByTestId('widget-offline-send').click();
    await widget.getByTestId('widget-offline-sent').waitFor();
    await expectAccessible(widgetFrame(page), 'the offline form');
    await screenshot(page, 'widget-offline');
    const left = await ok(world.url, 'query($c: ID) { offlineMessages(campaignId: $c) { body } }', { c: campaign.id }, world.admin);
    expect(left.offlineMessages.map((m: any) => m.body)).toEqual(['Llamadme mañana, por favor']);
    expect(errors).toEqual([]);
  });

  it('when the waiting limit is reached shows the unavailable text', async () => {
    const campaign = await createCampaign(world.url, world.admin, { messages: TEXTS, waitingLimit: 1 });
    await ok(world.url, 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { admission } }', { i: { campaignId: campaign.id, channel: 'WEBCHAT', contact: { name: 'First' } } });
    const { page, widget } = await openWidget(campaign.id, 'pt-PT');
    await widget.getByTestId('widget-unavailable').filter({ hasText: 'Todos estão ocupados.' }).waitFor();
    await screenshot(page, 'widget-unavailable');
  });

  it('a reload of the page keeps the conversation and the open widget', async () => {
    const campaign = await createCampaign(world.url, world.admin, { messages: TEXTS });
    const { page, widget } = await openWidget(campaign.id, 'en-US');
    await start(widget, 'Reloader');
    await widget.getByTestId('widget-input').fill('Before the reload');
    await widget.getByTestId('widget-input').press('Enter');
    await widget.getByTestId('widget-message').filter({ hasText: 'Before the reload' }).waitFor();
    await page.reload();
    const again = page.frameLocator('iframe[data-parley-widget="frame"]');
    await again.getByTestId('widget-message').filter({ hasText: 'Before the reload' }).waitFor({ timeout: 10_000 });
    expect(await again.getByTestId('widget-message').filter({ hasText: 'Before the reload' }).count()).toBe(1);
  });
});
