/**
 * Issue 15, defect 4: lists follow changes without a reload. With an agent's inbox open, a pause
 * reason made by an administrator is offered in the pause menu; a tray made and granted to the agent
 * shows in the Waiting view (by name, with the chat waiting in it), and withdrawing the grant takes
 * that chat away; a canned response made for the campaign is offered when the agent types "/". In
 * English and in Spanish, with axe at 1280 and 390 px.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAccessibleAtBothWidths, JOURNEY, signInThroughForm } from '../support/browser.js';
import { widgetWorld } from '../support/widget.js';
import { ok } from '../support/graphql.js';
import { type CampaignFixture, createCampaign, createPerson, startWidgetChat, untilConnected } from '../support/world.js';

const world = widgetWorld();
const unique = () => randomBytes(3).toString('hex');

const run = (query: string, variables: Record<string, unknown>) => ok(world.url, query, variables, world.admin);

describe.each(['en-US', 'es-ES'])('lists that follow changes (%s)', JOURNEY, (locale) => {
  let campaign: CampaignFixture;
  let page: Page;
  let agentId: string;

  /** Whether the pause menu, opened afresh, offers a reason of that name. */
  async function offered(name: string): Promise<number> {
    await page.getByTestId('my-state').click();
    await page.getByTestId('my-state-available').waitFor();
    const count = await page.getByText(name).count();
    await page.keyboard.press('Escape');
    return count;
  }

  /** Makes a pause reason and waits until the open page offers it: the live follow-up is known to run. */
  async function madeAndOffered(name: string): Promise<void> {
    await run('mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: name });
    await vi.waitFor(
      async () => {
        if ((await offered(name)) !== 1) throw new Error(`"${name}" is not offered yet`);
      },
      { timeout: 10_000, interval: 200 },
    );
  }

  beforeAll(async () => {
    const agent = await createPerson(world.url, world.admin, 'AGENT', { languages: ['en', 'es'] });
    agentId = agent.id;
    campaign = await createCampaign(world.url, world.admin, { routingStrategy: 'MANUAL', memberIds: [agent.id] });
    page = await (await world.newContext(locale)).newPage();
    await signInThroughForm(page, world.url, agent.email, 'a-good-test-password');
    await page.getByTestId('inbox-tab-open').waitFor();
    await untilConnected(world.url, agent.token);
    // A change made before the page's subscription is live is not heard (nothing replays directory
    // changes): warm-up reasons are made until one is offered, then every case can rely on it.
    await vi.waitFor(
      async () => {
        const name = `Warm-up ${unique()}`;
        await run('mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: name });
        await page.waitForTimeout(300);
        if ((await offered(name)) !== 1) throw new Error('the page does not follow changes yet');
      },
      { timeout: 15_000, interval: 100 },
    );
  });

  it('offers a pause reason made while the pause menu was already loaded', async () => {
    const name = `Coaching ${unique()}`;
    expect(await offered(name)).toBe(0);
    await madeAndOffered(name);
  });

  it('shows a tray granted to the agent in the Waiting view, with its chat, and takes the chat away when the grant is withdrawn', async () => {
    const trayName = `VIP ${unique()}`;
    const trayId = (await run('mutation($i: CreateTrayInput!) { createTray(input: $i) { id } }', { i: { name: trayName, campaignId: campaign.id } })).createTray.id;
    // Chips show when more than one tray holds someone: another customer waits in General.
    await startWidgetChat(world.url, campaign.id, `Carla ${unique()}`);
    const chat = await startWidgetChat(world.url, campaign.id, `Ana ${unique()}`);
    await run('mutation($id: ID!, $t: TransferTargetInput!) { transferInteraction(id: $id, to: $t) { id } }', { id: chat.id, t: { trayId } });
    const row = page.locator(`[data-testid="inbox-row"][data-id="${chat.id}"]`);
    await page.getByTestId('inbox-tab-waiting').click();
    // Not granted yet: the chat in the new tray is not the agent's to see. A chat started after the
    // transfer is a fence: by the time its row shows, the transfer has been applied.
    const fence = await startWidgetChat(world.url, campaign.id, `Dora ${unique()}`);
    await page.locator(`[data-testid="inbox-row"][data-id="${fence.id}"]`).waitFor();
    expect(await row.count()).toBe(0);

    await run('mutation($t: ID!, $u: [ID!]!) { setTrayAccess(trayId: $t, userIds: $u) { id } }', { t: trayId, u: [agentId] });
    await row.waitFor();
    const chip = page.getByTestId(`inbox-tray-${trayId}`);
    await chip.waitFor();
    expect(await chip.textContent()).toContain(trayName);
    await chip.click();
    await row.waitFor();
    await expectAccessibleAtBothWidths(page, `the Waiting view with a tray granted live (${locale})`);

    await run('mutation($t: ID!) { setTrayAccess(trayId: $t, userIds: []) { id } }', { t: trayId });
    await row.waitFor({ state: 'detached' });
    await chip.waitFor({ state: 'detached' });
    await page.getByTestId('inbox-tab-open').click();
  });

  it('offers a canned response made while the conversation was open', async () => {
    const earlier = unique();
    await run('mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }', { i: { campaignId: campaign.id, shortcut: `live${earlier}`, body: `Loaded ${earlier}` } });
    const chat = await startWidgetChat(world.url, campaign.id, `Bruno ${unique()}`);
    const row = page.locator(`[data-testid="inbox-row"][data-id="${chat.id}"]`);
    await row.getByTestId('inbox-take').click();
    const composer = page.getByTestId('composer-input');
    await composer.waitFor();
    // The campaign's list has loaded (it offers what it had) and does not hold the new one yet.
    await composer.fill('/live');
    await page
      .getByTestId('canned-option')
      .filter({ hasText: `Loaded ${earlier}` })
      .waitFor();
    expect(await page.getByTestId('canned-option').filter({ hasText: 'Made just now' }).count()).toBe(0);
    const shortcut = `live${unique()}`;
    await run('mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }', { i: { campaignId: campaign.id, shortcut, body: 'Made just now' } });
    await page.getByTestId('canned-option').filter({ hasText: 'Made just now' }).waitFor();
    await expectAccessibleAtBothWidths(page, `the composer offering a new canned response (${locale})`);
    await composer.fill('');
  });
});
