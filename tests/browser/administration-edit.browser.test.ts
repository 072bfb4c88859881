/**
 * The administration screens that change what already exists, as an administrator uses them:
 * deactivating a person (after a confirmation naming them) and reactivating them, editing and
 * retiring a pause reason, and creating, renaming and deleting tags and skills. Each change is
 * checked through the API as well as on the screen, and each section stays accessible with the new
 * controls showing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, startWidgetChat } from '../support/world.js';

// Other test files share the database: every name this file looks for is its own.
const run = Date.now().toString(36);

let api: ApiProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let admin: string;
let campaign: CampaignFixture;
let agent: Person;

const gql = (query: string, variables: Record<string, unknown> = {}) => ok(api.url, query, variables, admin);

/** Picks an option in a Naive UI select. */
async function pick(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.n-base-select-option', { hasText: option }).first().click();
}

/** Axe on the page once the "Saved." notices have gone: mid fade-in their contrast is not yet final. */
async function expectAccessibleSettled(screen: string): Promise<void> {
  await expect.poll(() => page.locator('.n-message').count(), { timeout: 10_000 }).toBe(0);
  await expectAccessible(page, screen);
  await screenshot(page, `admin-edit-${screen.split(' ')[0]}`);
}

async function open(section: string, control: string): Promise<void> {
  await page.getByTestId(`admin-nav-${section}`).click();
  await page.getByTestId(control).waitFor();
}

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  admin = await adminToken(api.url);
  campaign = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL' });
  agent = await createPerson(api.url, admin, 'AGENT', { name: `Lucía ${run}` });
  context = await browser.newContext({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
  page = await context.newPage();
  errors = watchErrors(page);
  await signInThroughForm(page, api.url, ADMIN.email, ADMIN.password);
  await page.goto(`${api.url}/admin`);
  await page.getByTestId('admin-nav-users').waitFor();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await api?.stop();
});

describe('changing what exists', JOURNEY, () => {
  it('a person is deactivated after a confirmation naming them, shown as such, and reactivated', async () => {
    await open('users', 'user-new');
    const row = page.locator(`[data-testid="user-row"][data-id="${agent.id}"]`);
    await row.waitFor();
    expect(await page.getByTestId(`user-reactivate-${agent.id}`).count()).toBe(0);
    await page.getByTestId(`user-deactivate-${agent.id}`).click();
    expect(await page.getByTestId('user-deactivate-question').textContent()).toContain(`Lucía ${run}`);
    await page.getByTestId('user-deactivate-confirm').click();
    const active = async () => (await gql('{ users(includeInactive: true) { id active } }')).users.find((u: any) => u.id === agent.id).active;
    await expect.poll(active).toBe(false);
    // Hidden while "Show deactivated" is off, listed with its state when on.
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('user-show-inactive').click();
    await expect.poll(() => page.getByTestId(`user-state-${agent.id}`).textContent()).toContain('Deactivated');
    await expectAccessibleSettled('users with deactivated people shown');

    await page.getByTestId(`user-reactivate-${agent.id}`).click();
    await expect.poll(active).toBe(true);
    await expect.poll(() => page.getByTestId(`user-state-${agent.id}`).textContent()).toContain('Active');
    await page.getByTestId(`user-deactivate-${agent.id}`).waitFor();
    // An administrator is never offered to deactivate themself.
    const me = (await gql('{ me { id } }')).me.id;
    await page.locator(`[data-testid="user-row"][data-id="${me}"]`).waitFor();
    expect(await page.getByTestId(`user-deactivate-${me}`).count()).toBe(0);
  });

  it('a pause reason is renamed with a new icon, retired out of the list, and restored', async () => {
    const id = (await gql('mutation($n: String!) { createPauseReason(name: $n, icon: "coffee") { id } }', { n: `Gym ${run}` })).createPauseReason.id;
    await open('pauses', 'pause-name');
    const row = page.locator(`[data-testid="pause-row"][data-id="${id}"]`);
    await row.waitFor();
    await page.getByTestId(`pause-edit-${id}`).click();
    await page.getByTestId('pause-edit-name').fill(`Doctor ${run}`);
    await pick('pause-edit-icon', 'health');
    await page.getByTestId('pause-edit-save').click();
    await expect.poll(() => row.textContent()).toContain(`Doctor ${run}`);
    expect(await row.locator('[aria-label="health"]').count()).toBe(1);
    const stored = async () => (await gql('{ pauseReasons(includeRetired: true) { id name icon active } }')).pauseReasons.find((r: any) => r.id === id);
    expect(await stored()).toEqual({ id, name: `Doctor ${run}`, icon: 'health', active: true });

    await page.getByTestId(`pause-retire-${id}`).click();
    await expect.poll(async () => (await stored()).active).toBe(false);
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('pause-show-retired').click();
    await expect.poll(() => page.getByTestId(`pause-state-${id}`).textContent()).toContain('Retired');
    await expectAccessibleSettled('pause reasons with retired ones shown');
    await page.getByTestId(`pause-restore-${id}`).click();
    await expect.poll(async () => (await stored()).active).toBe(true);
    await expect.poll(() => page.getByTestId(`pause-state-${id}`).textContent()).toContain('Offered');
  });

  it('a tag is created, renamed on the chats carrying it, and deleted from them', async () => {
    const tag = `courtesy-${run}`;
    await open('labels', 'labels-tags');
    await page.getByTestId('tag-new-name').fill(tag);
    await page.getByTestId('tag-create').click();
    const row = (name: string) => page.locator(`[data-testid="tag-row"][data-name="${name}"]`);
    await row(tag).waitFor();
    const chat = await startWidgetChat(api.url, campaign.id);
    await gql('mutation($id: ID!, $t: [String!]!) { setTags(id: $id, tags: $t) { id } }', { id: chat.id, t: [tag] });
    const tags = async () => (await gql('query($id: ID!) { interaction(id: $id) { tags } }', { id: chat.id })).interaction.tags;

    // Another section and back: the list is read again, with the chat counted.
    await open('users', 'user-new');
    await open('labels', 'labels-tags');
    await page.getByTestId(`tag-rename-${tag}`).click();
    await page.getByTestId('tag-rename-name').fill(`${tag}-call`);
    await page.getByTestId('tag-rename-save').click();
    await row(`${tag}-call`).waitFor();
    expect(await tags()).toEqual([`${tag}-call`]);
    expect(await row(`${tag}-call`).locator('td').nth(1).textContent()).toBe('1');

    await page.getByTestId(`tag-delete-${tag}-call`).click();
    expect(await page.getByTestId('tag-delete-question').textContent()).toContain('1 chat');
    await page.getByTestId('tag-delete-confirm').click();
    await row(`${tag}-call`).waitFor({ state: 'detached' });
    expect(await tags()).toEqual([]);
  });

  it('a skill is created, renamed on the people having it, and deleted', async () => {
    const skill = `german-${run}`;
    await open('labels', 'labels-skills');
    await page.getByTestId('skill-new-name').fill(skill);
    await page.getByTestId('skill-create').click();
    const row = (name: string) => page.locator(`[data-testid="skill-row"][data-name="${name}"]`);
    await row(skill).waitFor();
    await gql('mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }', { id: agent.id, i: { skills: [skill] } });
    const skills = async () => (await gql('{ users { id skills } }')).users.find((u: any) => u.id === agent.id).skills;

    await open('users', 'user-new');
    await open('labels', 'labels-skills');
    await page.getByTestId(`skill-rename-${skill}`).click();
    await page.getByTestId('skill-rename-name').fill(`${skill}-native`);
    await page.getByTestId('skill-rename-save').click();
    await row(`${skill}-native`).waitFor();
    expect(await skills()).toEqual([`${skill}-native`]);
    await expectAccessibleSettled('tags and expertise');

    await page.getByTestId(`skill-delete-${skill}-native`).click();
    expect(await page.getByTestId('skill-delete-question').textContent()).toContain('1 person');
    await page.getByTestId('skill-delete-confirm').click();
    await row(`${skill}-native`).waitFor({ state: 'detached' });
    expect(await skills()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
