/**
 * The agent's inbox through a busy morning, in English and in Spanish: a chat routed to the agent
 * while another is open rings, shows a notice, badges its row and counts in the tab title until the
 * agent opens it (issue 15, defect 1); a customer moved to another tray keeps their whole wait on the
 * clock, with the time in the new tray beside it (defect 2); the views Open, Mine, Waiting (per
 * tray), Needs help and Closed fit at 1280 px and never mix closed chats with open ones (defect 6);
 * the queues of a campaign that routes by itself are counted, not listed (issue 18); a
 * chat waiting for the customer is highlighted with the hourglass until they write (manual 003).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAccessible, JOURNEY, screenshot, signInThroughForm, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { widgetWorld } from '../support/widget.js';
import { createCampaign, createPerson, PASSWORD } from '../support/world.js';

// Counts of a queue nobody picks from come once a minute by default: every 2 s here, to see them.
const world = widgetWorld({ INBOX_COUNTS_EVERY_MS: '2000' });

const START = 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken interaction { id protocol } } }';

async function startChat(campaignId: string, name: string): Promise<{ id: string; protocol: string; visitorToken: string }> {
  const data = await ok(world.url, START, { i: { campaignId, channel: 'WEBCHAT', contact: { name } } });
  return { ...data.startInteraction.interaction, visitorToken: data.startInteraction.visitorToken };
}

/** Counts the chimes the page plays: every tone of a chime is an oscillator started on an AudioContext. */
const COUNT_CHIMES = `(() => {
  window.__tones = 0;
  const make = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () { window.__tones += 1; return make.call(this); };
})();`;

const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number }).__tones);

/** Seconds in a row's clock ("42s", "3m"). */
function seconds(text: string): number {
  const match = /(\d+)([smh])/.exec(text);
  if (!match) throw new Error(`not a clock: ${text}`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
}

const TEXTS = {
  'en-US': { given: 'New chat for you', views: ['Open', 'Mine', 'Waiting', 'Needs help', 'Closed'], inTray: 'in tray' },
  'es-ES': { given: 'Nuevo chat para ti', views: ['Abiertos', 'Míos', 'En espera', 'Ayuda', 'Cerrados'], inTray: 'en bandeja' },
} as const;

describe.each(Object.entries(TEXTS))('the inbox through a busy morning (%s)', (locale, texts) => {
  let page: Page;
  let errors: string[];
  let campaign: Awaited<ReturnType<typeof createCampaign>>;
  /** A campaign whose agents pick: its waiting chats are listed. */
  let picked: Awaited<ReturnType<typeof createCampaign>>;
  let sales: string;
  const chats: { id: string; protocol: string; visitorToken: string }[] = [];
  const row = (protocol: string) => page.getByTestId('inbox-row').filter({ hasText: protocol });

  beforeAll(async () => {
    const agent = await createPerson(world.url, world.admin, 'AGENT', { maxConcurrentChats: 2 });
    campaign = await createCampaign(world.url, world.admin, { routingStrategy: 'ROUND_ROBIN', memberIds: [agent.id] });
    picked = await createCampaign(world.url, world.admin, { routingStrategy: 'MANUAL', memberIds: [agent.id] });
    sales = (await ok(world.url, 'mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: `Sales ${locale}`, campaignId: picked.id, userIds: [agent.id] } }, world.admin))
      .createTray.id;
    const ctx = await world.newContext(locale);
    await ctx.addInitScript(COUNT_CHIMES);
    page = await ctx.newPage();
    errors = watchErrors(page);
    await signInThroughForm(page, world.url, agent.email, PASSWORD);
    await page.getByTestId('current-user').waitFor();
    // A chat routed the moment the agent's socket opens can be given before the page's arrivals
    // subscription is live, and then only the inbox shows it. Warm-up chats are started (and
    // closed) until one is told, so every case runs on a page that hears arrivals.
    await vi.waitFor(
      async () => {
        const probe = await startChat(campaign.id, 'Warm-up customer');
        const told = page.getByTestId('notification-new-chat').filter({ hasText: probe.protocol });
        const heard = await told.waitFor({ timeout: 3000 }).then(
          () => true,
          () => false,
        );
        await ok(world.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: probe.id }, world.admin);
        await told.waitFor({ state: 'detached' });
        if (!heard) throw new Error('the page does not hear arrivals yet');
      },
      { timeout: 30_000, interval: 100 },
    );
  });

  it('a chat routed while another is open rings, badges and counts until the agent opens it', JOURNEY, async () => {
    chats.push(await startChat(campaign.id, 'First customer'));
    // Told as given to the agent; a click on the notice opens it.
    await page.getByTestId('notification-new-chat').filter({ hasText: chats[0]!.protocol }).click();
    await page.waitForURL(new RegExp(chats[0]!.id));
    const base = await page.title();
    const before = await tones(page);

    chats.push(await startChat(campaign.id, 'Second customer'));
    const notice = page.locator('.n-notification', { has: page.getByTestId('notification-new-chat').filter({ hasText: chats[1]!.protocol }) });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(texts.given);
    await expect.poll(() => tones(page)).toBeGreaterThan(before);
    await expect.poll(() => page.title()).toBe(`(1) ${base}`);
    await expect.poll(() => row(chats[1]!.protocol).getByTestId('inbox-row-new').count()).toBe(1);
    await screenshot(page, `inbox-routed-notice-${locale}`);

    await notice.getByTestId('notification-new-chat').click();
    await page.waitForURL(new RegExp(chats[1]!.id));
    await expect.poll(() => page.title()).toBe(base);
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => row(chats[1]!.protocol).getByTestId('inbox-row-new').count()).toBe(0);
  });

  it('a customer moved to another tray keeps their whole wait, with the time in the new tray beside it', JOURNEY, async () => {
    // This customer waits in the General tray of the campaign whose agents pick.
    chats.push(await startChat(picked.id, 'Third customer'));
    await row(chats[2]!.protocol).waitFor();
    await page.waitForTimeout(5000);
    await ok(world.url, 'mutation($id: ID!, $to: TransferTargetInput!) { transferInteraction(id: $id, to: $to) { id } }', { id: chats[2]!.id, to: { trayId: sales } }, world.admin);
    await expect.poll(() => row(chats[2]!.protocol).getByTestId('inbox-row-here').count()).toBe(1);
    const clock = (await row(chats[2]!.protocol).getByTestId('inbox-row-time').innerText()).split('\n');
    expect(seconds(clock[0]!)).toBeGreaterThanOrEqual(4);
    expect(clock[1]).toContain(texts.inTray);
    expect(seconds(clock[1]!.replace(texts.inTray, ''))).toBeLessThan(seconds(clock[0]!));
  });

  it('a chat waiting for the customer is highlighted with the hourglass until the customer writes', JOURNEY, async () => {
    const target = chats[1]!;
    await ok(world.url, 'mutation($id: ID!) { setInteractionStatus(id: $id, status: WAITING_FOR_CUSTOMER) { id } }', { id: target.id }, world.admin);
    await row(target.protocol).getByTestId('awaiting-customer').waitFor();
    expect(await row(target.protocol).getAttribute('class')).toContain('row--awaiting');
    await page.getByTestId('conversation-header').getByTestId('awaiting-customer').waitFor();
    await expectAccessible(page, 'the inbox with a chat waiting for the customer');
    await ok(world.url, 'mutation($i: PostMessageInput!) { postMessage(input: $i) { id } }', { i: { interactionId: target.id, body: 'Here it is' } }, target.visitorToken);
    await expect.poll(() => row(target.protocol).getByTestId('awaiting-customer').count()).toBe(0);
    await expect.poll(() => page.getByTestId('conversation-header').getByTestId('awaiting-customer').count()).toBe(0);
  });

  it('the views fit beside an open chat and closed chats never mix with open ones', JOURNEY, async () => {
    const tabs = page.locator('[data-testid^="inbox-tab-"]');
    await expect.poll(() => tabs.allInnerTexts()).toHaveLength(5);
    const labels = (await tabs.allInnerTexts()).map((text) => text.replace(/\s*\d+\+?$/, '').trim());
    expect(labels).toEqual(texts.views);
    const list = (await page.locator('.inbox__list').boundingBox())!;
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(list.x + list.width + 2);
    }

    await page.getByTestId('inbox-tab-mine').click();
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(2);
    // A fourth customer waits in General, so the Waiting view offers its trays.
    const general = await startChat(picked.id, 'Fourth customer');
    await page.getByTestId('inbox-tab-waiting').click();
    await row(general.protocol).waitFor();
    await row(chats[2]!.protocol).waitFor();
    await page.getByTestId(`inbox-tray-${sales}`).click();
    await expect.poll(() => page.getByTestId('inbox-row').allInnerTexts()).toEqual([expect.stringContaining(chats[2]!.protocol)]);
    await page.getByTestId('inbox-tray-all').click();
    // The agent is full: a customer of the campaign that routes by itself waits for it, counted but not listed.
    const routed = await startChat(campaign.id, 'Fifth customer');
    // Other files' customers may wait too (the database is shared): this campaign's chip counts its own.
    await page.getByTestId('inbox-unlisted').waitFor();
    await expect.poll(() => page.getByTestId(`inbox-tray-${campaign.generalTrayId}`).locator('.inbox__count').innerText()).toBe('1');
    expect(await row(routed.protocol).count()).toBe(0);

    await ok(world.url, 'mutation($id: ID!) { closeInteraction(id: $id, result: SUCCESS) { id } }', { id: chats[0]!.id }, world.admin);
    await page.getByTestId('inbox-tab-open').click();
    await expect.poll(() => row(chats[0]!.protocol).count()).toBe(0);
    await page.getByTestId('inbox-tab-closed').click();
    await row(chats[0]!.protocol).waitFor();
    for (const open of chats.slice(1)) expect(await row(open.protocol).count()).toBe(0);
    await expectAccessible(page, 'the inbox at 1280 px');
    await page.setViewportSize({ width: 390, height: 800 });
    await expectAccessible(page, 'the inbox at 390 px');
    expect(errors).toEqual([]);
  });
});
