/**
 * Asking for help and closing, in English and in Spanish (issue 15, defects 3, 5 and 7). A chat in
 * its holder's personal tray asks for help; a colleague finds it under Needs help, joins, writes
 * beside the holder and leaves; the customer's banner names who serves them and who joined. Then
 * the holder closes the transferred chat: the dialog says, before the click, that a success will be
 * stored as Escalated and why.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, JOURNEY, screenshot, signInThroughForm, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { widgetWorld } from '../support/widget.js';
import { createCampaign, createPerson, PASSWORD, type Person } from '../support/world.js';

const world = widgetWorld();

const TEXTS = {
  'en-US': { needsHelp: 'Needs help', joined: 'has joined the conversation', left: 'has left the conversation', withYou: 'With you:', escalated: 'Escalated', why: 'was transferred' },
  'es-ES': { needsHelp: 'Ayuda', joined: 'se ha unido a la conversación', left: 'ha salido de la conversación', withYou: 'Te atienden:', escalated: 'Derivada', why: 'fue transferido' },
} as const;

const STATUS = 'mutation($id: ID!, $s: InteractionStatus!) { setInteractionStatus(id: $id, status: $s) { status } }';

describe.each(Object.entries(TEXTS))('asking for help and closing (%s)', (locale, texts) => {
  let holder: Person;
  let helper: Person;
  let customer: { page: Page; widget: FrameLocator; errors: string[] };
  let helperPage: Page;
  let chatId: string;
  const helperErrors: string[] = [];
  const customerName = `Cliente ${locale}`;

  beforeAll(async () => {
    const campaign = await createCampaign(world.url, world.admin, { routingStrategy: 'MANUAL' });
    holder = await createPerson(world.url, world.admin, 'AGENT');
    helper = await createPerson(world.url, world.admin, 'AGENT');
    customer = await world.openWidget(await world.newContext(locale), campaign.id);
    await customer.widget.getByTestId('widget-name').fill(customerName);
    if (await customer.widget.getByTestId('widget-email').count()) await customer.widget.getByTestId('widget-email').fill('customer@example.com');
    await customer.widget.getByTestId('widget-start').click();
    await customer.widget.getByTestId('widget-input').waitFor();
    const found = await ok(world.url, 'query($c: ID!) { interactions(filter: { campaignId: $c }) { edges { node { id } } } }', { c: campaign.id }, world.admin);
    chatId = found.interactions.edges[0].node.id;
    // The holder takes it, moves it to its own tray and takes it from there: it sits in a personal tray.
    const take = () => ok(world.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id: chatId }, holder.token);
    await take();
    await ok(world.url, 'mutation($id: ID!, $to: TransferTargetInput!) { transferInteraction(id: $id, to: $to) { id } }', { id: chatId, to: { agentId: holder.id } }, holder.token);
    await take();
    await ok(world.url, STATUS, { id: chatId, s: 'NEEDS_HELP' }, holder.token);
  });

  it('a colleague finds the chat under Needs help, joins, writes beside the holder and leaves; the customer sees who serves them', JOURNEY, async () => {
    const ctx = await world.newContext(locale);
    helperPage = await ctx.newPage();
    helperErrors.push(...watchErrors(helperPage));
    await signInThroughForm(helperPage, world.url, helper.email, PASSWORD);
    await helperPage.getByTestId('inbox-tab-needs-help').click();
    expect(await helperPage.getByTestId('inbox-tab-needs-help').innerText()).toContain(texts.needsHelp);
    const row = helperPage.getByTestId('inbox-row').filter({ hasText: customerName });
    await row.click();
    await helperPage.getByTestId('action-join').click();
    await helperPage.getByTestId('conversation-participants').waitFor();
    expect(await helperPage.getByTestId('conversation-participants').innerText()).toContain(helper.name);
    await helperPage.getByTestId('composer-input').fill('I can help with that refund.');
    await helperPage.getByTestId('composer-send').click();

    await customer.widget.getByTestId('widget-message').filter({ hasText: 'I can help with that refund.' }).waitFor();
    await customer.widget.getByTestId('widget-message').filter({ hasText: texts.joined }).waitFor();
    await expect.poll(() => customer.widget.getByTestId('widget-phase').innerText()).toContain(texts.withYou);
    const banner = await customer.widget.getByTestId('widget-phase').innerText();
    expect(banner).toContain(holder.name);
    expect(banner).toContain(helper.name);
    await screenshot(helperPage, `help-joined-${locale}`);
    await expectAccessible(helperPage, 'a joined conversation at 1280 px');
    await helperPage.setViewportSize({ width: 390, height: 800 });
    await expectAccessible(helperPage, 'a joined conversation at 390 px');
    await helperPage.setViewportSize({ width: 1280, height: 800 });

    await helperPage.getByTestId('action-leave').click();
    await customer.widget.getByTestId('widget-message').filter({ hasText: texts.left }).waitFor();
    await expect.poll(() => customer.widget.getByTestId('widget-phase').innerText()).not.toContain(helper.name);
    // Gone from the helper's sight: it was only theirs to help with.
    await helperPage.getByTestId('inbox-tab-open').click();
    await expect.poll(() => helperPage.getByTestId('inbox-row').filter({ hasText: customerName }).count()).toBe(0);
    expect(helperErrors).toEqual([]);
  });

  it('the holder closing a transferred chat is told before the click that a success is stored as Escalated, and why', JOURNEY, async () => {
    const ctx = await world.newContext(locale);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, world.url, holder.email, PASSWORD);
    await page.goto(`${world.url}/inbox/${chatId}`);
    await page.getByTestId('action-close').click();
    const stored = page.getByTestId('close-stored');
    await expect.poll(() => stored.getAttribute('data-result')).toBe('ESCALATED');
    expect(await stored.innerText()).toContain(texts.escalated);
    expect(await stored.innerText()).toContain(texts.why);
    await expectAccessible(page, 'the close dialog');
    await page.getByTestId('close-confirm').click();
    await expect.poll(async () => (await ok(world.url, 'query($id: ID!) { interaction(id: $id) { result } }', { id: chatId }, world.admin)).interaction.result).toBe('ESCALATED');
    expect(errors).toEqual([]);
    expect(customer.errors).toEqual([]);
  });
});
