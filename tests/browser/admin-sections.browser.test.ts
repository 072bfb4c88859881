/**
 * The administration sections as an administrator uses them, against the real API: a custom tray and
 * who sees it, people and teams (the new person then signs in), a pause reason an agent then picks,
 * tags and expertise, a webhook delivering to a receiver this test runs, offline messages, security
 * groups. Then every section passes axe (WCAG 2.1 A/AA) in the light and the dark theme (switched
 * with the header's toggle), and fits a tablet and a phone without the page scrolling sideways.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type ApiProcess, startApi } from '../support/api.js';
import { accessibilityViolations, expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { ok } from '../support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, PASSWORD, type Person, signIn, startWidgetChat } from '../support/world.js';

/** Each section and the control a person comes to it for; the menu must list exactly these. */
const MAIN_CONTROL: Record<string, string> = {
  campaigns: 'campaign-new',
  groups: 'security-group-table',
  trays: 'tray-name',
  users: 'user-new',
  pauses: 'pause-name',
  labels: 'labels-tags',
  apiKeys: 'apikey-name',
  webhooks: 'webhook-url',
  offline: 'offline-campaign',
  report: 'report-search',
};

// Other test files share the database: every name this file looks for is its own.
const run = Date.now().toString(36);
const names = {
  tray: `Escalations ${run}`,
  team: `Night shift ${run}`,
  newTeam: `Weekend ${run}`,
  user: `Paula ${run}`,
  email: `paula-${run}@tests.parley.dev`,
  skill: `billing-${run}`,
  tag: `refund-${run}`,
  pause: `Dentist ${run}`,
  offline: `Please call me back about order ${run}`,
  group: `Partners ${run}`,
};

let api: ApiProcess;
let browser: Browser;
let page: Page;
let errors: string[];
let admin: string;
let campaign: CampaignFixture;
let agent: Person;
let team: { id: string; name: string };
const contexts: BrowserContext[] = [];

/** A receiver for webhook deliveries: keeps every body it is sent and answers 200. */
const received: string[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    received.push(body);
    res.writeHead(200).end();
  });
});

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-US', colorScheme: 'light', viewport: { width: 1280, height: 900 } });
  contexts.push(ctx);
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  return ctx.newPage();
}

async function signInPage(email: string, password: string): Promise<Page> {
  const p = await newPage();
  await signInThroughForm(p, api.url, email, password);
  return p;
}

/** Opens a section from the menu, as a person does. */
async function open(section: string): Promise<void> {
  await page.getByTestId(`admin-nav-${section}`).click();
  await page.getByTestId(MAIN_CONTROL[section]!).waitFor();
}

/** Picks an option in a Naive UI select, typing to filter first where the list may be long. */
async function pick(testId: string, option: string, { filter = true, multiple = false } = {}): Promise<void> {
  await page.getByTestId(testId).click();
  if (filter) await page.keyboard.type(option);
  await page.locator('.n-base-select-option', { hasText: option }).first().click();
  if (multiple) await page.keyboard.press('Escape');
}

/**
 * axe on the page once it is still: text halfway through a fade is not what a person reads. A notice
 * may start to fade out, or a dialog's mask to settle, while axe runs on a loaded machine; so what
 * fails is measured again a second later, up to three times, and only what fails every time is a defect.
 */
async function accessible(screen: string): Promise<void> {
  for (let look = 1; look < 3; look++) {
    await settled();
    if ((await accessibilityViolations(page)).length === 0) return;
    await page.waitForTimeout(1000);
  }
  await settled();
  await expectAccessible(page, screen);
}

/** Waits for notices, loading tables and transitions to be over. */
async function settled(): Promise<void> {
  const fading = () => page.evaluate(() => [...document.querySelectorAll('.n-message-wrapper')].some((e) => getComputedStyle(e).opacity !== '1'));
  await expect.poll(fading).toBe(false);
  // Nor a table still loading: its dimmed rows under the spinner are not what a person reads either.
  const loading = () => page.evaluate(() => [...document.querySelectorAll('.n-spin-body')].some((e) => (e as HTMLElement).offsetParent !== null));
  await expect.poll(loading, { timeout: 10_000 }).toBe(false);
  // Nor anything halfway through a transition (a section or a row fading in): axe would measure a blend.
  const moving = () => page.evaluate(() => document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity));
  await expect.poll(moving, { timeout: 10_000 }).toBe(false);
}

/** Switches the theme with the header's toggle, as a person does, unless the page already shows it. */
async function switchTheme(scheme: 'light' | 'dark'): Promise<void> {
  const isDark = async () => (await settledBackground()) < 60;
  if ((await isDark()) !== (scheme === 'dark')) await page.getByTestId('theme-toggle').click();
  // Colours fade to the new theme: axe measures contrast once the fade is over.
  await expect.poll(isDark).toBe(scheme === 'dark');
}

/** The page's background once it stops changing (themes fade into each other): its red channel. */
async function settledBackground(): Promise<number> {
  const read = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  for (let before = await read(); ;) {
    await page.waitForTimeout(100);
    const now = await read();
    if (now === before) return Number(now.match(/\d+/)![0]);
    before = now;
  }
}

/** How far the page scrolls sideways and what sticks out first (outside any box that scrolls), or null. */
function sidewaysOverflow(): Promise<string | null> {
  return page.evaluate(() => {
    const by = document.documentElement.scrollWidth - window.innerWidth;
    if (by <= 0) return null;
    const inScroller = (e: Element | null): boolean => !!e && e !== document.body && (getComputedStyle(e).overflowX !== 'visible' || inScroller(e.parentElement));
    const out = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right + window.scrollX > window.innerWidth + 1 && !inScroller(e.parentElement));
    const first = out.find((e) => !out.includes(e.parentElement!));
    return `${by} px, first by ${first ? [first.tagName.toLowerCase(), ...first.classList].join('.') : 'nothing found'}`;
  });
}

const gql = (query: string, variables: Record<string, unknown> = {}) => ok(api.url, query, variables, admin);

beforeAll(async () => {
  // Deliveries are picked from the job queue every half second, so the log fills while the test waits.
  [api, browser] = await Promise.all([startApi({ JOB_POLL_SECONDS: '0.5' }), launchChromium(), new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))]);
  admin = await adminToken(api.url);
  // Manual routing: chats here wait in the tray, never reach other files' free agents.
  campaign = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL', allowOfflineMessages: true });
  agent = await createPerson(api.url, admin, 'AGENT', { name: `Tomás ${run}`, skills: [names.skill] });
  team = (await gql('mutation($i: CreateTeamInput!) { createTeam(input: $i) { id name } }', { i: { name: names.team } })).createTeam;
  page = await signInPage(ADMIN.email, ADMIN.password);
  errors = watchErrors(page);
  await page.goto(`${api.url}/admin`);
  await page.getByTestId('admin-nav-campaigns').waitFor();
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});

describe('administration sections', JOURNEY, () => {
  it('a custom tray is made for a campaign and opened to a team and an agent', async () => {
    await open('trays');
    await page.getByTestId('tray-name').fill(names.tray);
    await pick('tray-campaign', campaign.name);
    await page.getByTestId('tray-create').click();
    const row = page.getByTestId('tray-row').filter({ hasText: names.tray });
    await row.waitFor();
    expect(await row.textContent()).toContain(campaign.name);
    const trayId = (await row.getAttribute('data-id'))!;

    await page.getByTestId(`tray-access-${trayId}`).click();
    await page.getByTestId('tray-access-editor').waitFor();
    await accessible('the tray access editor');
    await pick('tray-access-teams', team.name, { multiple: true });
    await pick('tray-access-agents', `Tomás ${run}`, { multiple: true });
    await page.getByTestId('tray-access-save').click();
    await page.getByTestId('tray-access-editor').waitFor({ state: 'detached' });

    // What the editor shows after a reload is what the server kept.
    await page.reload();
    await page.getByTestId(`tray-access-${trayId}`).click();
    await expect.poll(() => page.getByTestId('tray-access-teams').textContent()).toContain(team.name);
    expect(await page.getByTestId('tray-access-agents').textContent()).toContain(`Tomás ${run}`);
    const access = (await gql('query($id: ID!) { trayAccess(trayId: $id) { teams { id } users { id } } }', { id: trayId })).trayAccess;
    expect(access).toEqual({ teams: [{ id: team.id }], users: [{ id: agent.id }] });
    await page.getByTestId('tray-access-cancel').click();
  });

  it('a person made with languages, skills and a chat limit, edited and put in a team signs in until deactivated', async () => {
    await open('users');
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-name').fill(names.user);
    await page.getByTestId('user-email').fill(names.email);
    await page.getByTestId('user-password').fill(PASSWORD);
    await pick('user-languages', 'English', { filter: false, multiple: true });
    await pick('user-languages', 'Portuguese', { filter: false, multiple: true });
    const skills = page.getByTestId('user-skills');
    await skills.locator('button').last().click();
    await skills.locator('input').fill(names.skill);
    await skills.locator('input').press('Enter');
    await page.getByTestId('user-max-chats').fill('4');
    await accessible('the user editor');
    await page.getByTestId('user-save').click();
    const row = page.getByTestId('user-row').filter({ hasText: names.email });
    await row.waitFor();
    expect(await row.textContent()).toContain(names.skill);
    const userId = (await row.getAttribute('data-id'))!;

    await page.getByTestId(`user-edit-${userId}`).click();
    await page.getByTestId('user-name').fill(`${names.user} Ruiz`);
    await page.getByTestId('user-max-chats').fill('2');
    await page.getByTestId('user-save').click();
    await expect.poll(() => row.textContent()).toContain(`${names.user} Ruiz`);
    const saved = (await gql('{ users { id name languages skills maxConcurrentChats } }')).users.find((u: any) => u.id === userId);
    expect({ ...saved, languages: [...saved.languages].sort() }).toEqual({ id: userId, name: `${names.user} Ruiz`, languages: ['en', 'pt'], skills: [names.skill], maxConcurrentChats: 2 });

    await page.getByTestId('team-name').fill(names.newTeam);
    await pick('team-members', `${names.user} Ruiz`, { multiple: true });
    await page.getByTestId('team-create').click();
    await page
      .getByTestId('team-row')
      .filter({ hasText: names.newTeam })
      .filter({ hasText: `${names.user} Ruiz` })
      .waitFor();

    const paula = await signInPage(names.email, PASSWORD);
    await expect.poll(() => paula.getByTestId('current-user').textContent()).toContain(`${names.user} Ruiz`);

    // Deactivated, she is signed out at once and cannot sign in; reactivated, she can again.
    await page.getByTestId(`user-deactivate-${userId}`).click();
    await page.getByTestId('user-deactivate-confirm').click();
    await paula.waitForURL(/\/signin/);
    await expect(signIn(api.url, names.email)).rejects.toThrow();
    await page.getByTestId('user-show-inactive').click();
    await expect.poll(() => page.getByTestId(`user-state-${userId}`).textContent()).toContain('Deactivated');
    await page.getByTestId(`user-reactivate-${userId}`).click();
    await expect.poll(() => page.getByTestId(`user-state-${userId}`).textContent()).toContain('Active');
    expect(await signIn(api.url, names.email)).toBeTruthy();
  });

  it('a pause reason with an icon is offered in an agent’s pause menu, renamed, until it is retired', async () => {
    await open('pauses');
    await page.getByTestId('pause-name').fill(names.pause);
    await pick('pause-icon', 'health', { filter: false });
    await page.getByTestId('pause-create').click();
    const row = page.getByTestId('pause-row').filter({ hasText: names.pause });
    await row.waitFor();
    expect(await row.locator('[aria-label="health"]').count()).toBe(1);

    const tomas = await signInPage(agent.email, PASSWORD);
    await tomas.getByTestId('my-state').click();
    await tomas.getByText(names.pause).click();
    await expect.poll(() => tomas.getByTestId('my-state').getAttribute('data-state')).toMatch(/IN_BREAK/);
    expect(await tomas.getByTestId('my-state').textContent()).toContain(names.pause);

    // Renamed, and then retired: an agent who opens the menu afresh is no longer offered it.
    const reasonId = (await row.getAttribute('data-id'))!;
    await page.getByTestId(`pause-edit-${reasonId}`).click();
    await page.getByTestId('pause-edit-name').fill(`${names.pause} visit`);
    await accessible('the pause reason editor');
    await page.getByTestId('pause-edit-save').click();
    await page
      .getByTestId('pause-row')
      .filter({ hasText: `${names.pause} visit` })
      .waitFor();
    await tomas.reload();
    await tomas.getByTestId('my-state').click();
    await tomas.locator(`[data-reason-id="${reasonId}"]`, { hasText: `${names.pause} visit` }).waitFor();
    await page.getByTestId(`pause-retire-${reasonId}`).click();
    await page.locator(`[data-testid="pause-row"][data-id="${reasonId}"]`).waitFor({ state: 'detached' });
    await tomas.reload();
    await tomas.getByTestId('my-state').click();
    await tomas.getByTestId('my-state-available').waitFor();
    expect(await tomas.locator(`[data-reason-id="${reasonId}"]`).count()).toBe(0);
  });

  it('tags and expertise in use are listed; a tag is made, renamed and deleted', async () => {
    const chat = await startWidgetChat(api.url, campaign.id, 'Tagged Customer');
    await gql('mutation($id: ID!, $tags: [String!]!) { setTags(id: $id, tags: $tags) { id } }', { id: chat.id, tags: [names.tag] });
    await open('labels');
    await page.getByTestId('labels-tags').getByText(names.tag).waitFor();
    await page.getByTestId('labels-skills').getByText(names.skill).first().waitFor();

    // A tag made here, renamed, and deleted.
    const made = `${names.tag}-new`;
    const tagRow = (name: string) => page.locator(`[data-testid="tag-row"][data-name="${name}"]`);
    await page.getByTestId('tag-new-name').fill(made);
    await page.getByTestId('tag-create').click();
    await tagRow(made).waitFor();
    await page.getByTestId(`tag-rename-${made}`).click();
    await page.getByTestId('tag-rename-name').fill(`${made}-2`);
    await accessible('a tag being renamed');
    await page.getByTestId('tag-rename-save').click();
    await tagRow(`${made}-2`).waitFor();
    await page.getByTestId(`tag-delete-${made}-2`).click();
    await page.getByTestId('tag-delete-confirm').click();
    await tagRow(`${made}-2`).waitFor({ state: 'detached' });
    expect((await gql('{ tags }')).tags).not.toContain(`${made}-2`);
  });

  it('a webhook delivers to its receiver, shows the delivery, sends a test and a delivery again, and turns off and on', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${run}`;
    await open('webhooks');
    await page.getByTestId('webhook-url').fill(url);
    await pick('webhook-campaigns', campaign.name, { multiple: true });
    await page.getByTestId('webhook-create').click();
    await page.getByTestId('secret-notice').waitFor();
    await page.getByTestId('secret-done').click();
    const row = page.getByTestId('webhook-row').filter({ hasText: url });
    await row.waitFor();
    expect(await row.textContent()).toContain(campaign.name);
    const hookId = (await row.getAttribute('data-id'))!;

    const chat = await startWidgetChat(api.url, campaign.id, 'Webhook Customer');
    await expect.poll(() => received.some((body) => body.includes(chat.id)), { timeout: 20_000 }).toBe(true);
    const DELIVERIES = 'query($id: ID!) { webhookDeliveries(webhookId: $id) { deliveredAt } }';
    // The receiver has the body before the hook's job records the answer: under load that takes a while.
    await expect.poll(async () => (await gql(DELIVERIES, { id: hookId })).webhookDeliveries.some((d: any) => d.deliveredAt), { timeout: 20_000 }).toBe(true);
    await page.getByTestId(`webhook-log-${hookId}`).click();
    await page.getByTestId('webhook-deliveries').getByTestId('webhook-delivery').filter({ hasText: 'STARTED' }).filter({ hasText: '200' }).waitFor();
    await accessible('a webhook’s delivery log');

    // A test request, then the customer's event sent again from the log: both reach the receiver.
    const before = received.length;
    await page.getByTestId(`webhook-ping-${hookId}`).click();
    await expect.poll(() => received.slice(before).some((body) => JSON.parse(body).type === 'PING'), { timeout: 20_000 }).toBe(true);
    const started = page.getByTestId('webhook-deliveries').getByTestId('webhook-delivery').filter({ hasText: 'STARTED' });
    const sentBefore = received.filter((body) => body.includes(chat.id)).length;
    await started.getByRole('button').click();
    await expect.poll(() => received.filter((body) => body.includes(chat.id)).length, { timeout: 20_000 }).toBe(sentBefore + 1);

    const active = page.getByTestId(`webhook-active-${hookId}`);
    const isActive = async () => (await gql('{ webhooks { id active } }')).webhooks.find((w: any) => w.id === hookId).active;
    await active.click();
    await expect.poll(isActive).toBe(false);
    await page.reload();
    await expect.poll(() => active.getAttribute('aria-checked')).toBe('false');
    await active.click();
    await expect.poll(isActive).toBe(true);
    await expect.poll(() => active.getAttribute('aria-checked')).toBe('true');
  });

  it('an offline message left by a customer is listed under its campaign', async () => {
    const LEAVE = 'mutation($i: LeaveOfflineMessageInput!) { leaveOfflineMessage(input: $i) { id } }';
    await ok(api.url, LEAVE, { i: { campaignId: campaign.id, name: 'Offline Customer', email: `offline-${run}@example.com`, language: 'en', body: names.offline } });
    await open('offline');
    await pick('offline-campaign', campaign.name);
    const row = page.getByTestId('offline-row').filter({ hasText: names.offline });
    await row.waitFor();
    expect(await row.textContent()).toContain(`offline-${run}@example.com`);
    expect(await page.getByTestId('offline-row').count()).toBe(1);
  });

  it('a security group is made, renamed, and given a campaign', async () => {
    const other = await createCampaign(api.url, admin, { routingStrategy: 'MANUAL' });
    await open('groups');
    await page.getByTestId('security-group-name').fill(names.group);
    await page.getByTestId('security-group-create').click();
    const row = page.getByTestId('security-group-row').filter({ hasText: names.group });
    await row.waitFor();
    await page.getByTestId(`security-group-rename-${await row.getAttribute('data-id')}`).click();
    await page.getByTestId('security-group-rename-input').fill(`${names.group} EU`);
    await accessible('a security group being renamed');
    await page.getByTestId('security-group-rename-save').click();
    await page
      .getByTestId('security-group-row')
      .filter({ hasText: `${names.group} EU` })
      .waitFor();

    await open('campaigns');
    await page.getByTestId(`campaign-edit-${other.id}`).click();
    await pick('campaign-security-group', `${names.group} EU`, { filter: false });
    // Closed while the save is still on its way (held back here for a second): the answer must not
    // open the editor again.
    const slowSave = async (route: import('playwright-core').Route) => {
      if (route.request().postData()?.includes('updateCampaign')) await new Promise((r) => setTimeout(r, 1_000));
      await route.continue();
    };
    await page.route('**/graphql', slowSave);
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && !!r.request().postData()?.includes('updateCampaign'));
    await page.getByTestId('campaign-save').click();
    await page.getByTestId('campaign-close').click();
    await answered;
    await page.unroute('**/graphql', slowSave);
    // The list shows the new group once the save's answer has been handled (the editor would reopen
    // right then): from that moment the editor must still be closed.
    await expect.poll(() => page.getByTestId(`campaign-group-${other.id}`).textContent(), { timeout: 10_000 }).toBe(`${names.group} EU`);
    expect(await page.getByTestId('campaign-editor').count()).toBe(0);
    await page.getByTestId('campaign-new').waitFor();
    const saved = (await gql('{ campaigns { id securityGroup { name } } }')).campaigns.find((c: any) => c.id === other.id);
    expect(saved.securityGroup.name).toBe(`${names.group} EU`);
  });

  it('the menu lists every section this file checks', async () => {
    const listed = await page.locator('[data-testid^="admin-nav-"]').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')!.slice('admin-nav-'.length)));
    expect(listed).toEqual(Object.keys(MAIN_CONTROL));
  });

  it.each([
    ['light', 1280],
    ['dark', 1280],
    ['dark', 768],
    ['light', 390],
  ] as const)('every section is accessible, in sight and without sideways scrolling: %s theme, %i px wide', async (scheme, width) => {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    await switchTheme(scheme);

    const problems: string[] = [];
    for (const section of Object.keys(MAIN_CONTROL)) {
      const screen = `${section} (${scheme}, ${width} px)`;
      await page.getByTestId(`admin-nav-${section}`).click();
      const control = page.getByTestId(MAIN_CONTROL[section]!);
      await control.waitFor({ state: 'attached' });
      // The app has moved to the section: its menu entry is the current page.
      await expect.poll(() => page.getByTestId(`admin-nav-${section}`).getAttribute('aria-current'), { timeout: 10_000 }).toBe('page');
      const box = (await control.isVisible()) ? await control.boundingBox() : null;
      // Seen without scrolling sideways: at least its start is on the screen.
      if (!box || box.x < 0 || box.x + Math.min(box.width, 120) > width) problems.push(`${screen}: its main control is not in sight (${JSON.stringify(box)})`);
      const overflow = await sidewaysOverflow();
      if (overflow) problems.push(`${screen}: the page scrolls sideways by ${overflow}`);
      await accessible(screen).catch((e: Error) => problems.push(e.message));
      await screenshot(page, `admin-${section}-${scheme}-${width}`);
    }
    // Joined, so a failure reads the problems themselves rather than "[ Array(1) ]".
    expect(problems.join('\n')).toBe('');
    expect(errors).toEqual([]);
  });

  it('the campaign editor is accessible in both themes on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open('campaigns');
    await page.getByTestId(`campaign-edit-${campaign.id}`).click();
    await page.getByTestId('campaign-editor').waitFor();
    for (const scheme of ['dark', 'light'] as const) {
      await switchTheme(scheme);
      expect(await sidewaysOverflow()).toBeNull();
      await accessible(`the campaign editor (${scheme}, 390 px)`);
      await screenshot(page, `admin-campaign-editor-${scheme}-390`);
    }
  });

  it('on a phone, a section opened by its address has its menu entry in sight', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${api.url}/admin/report`);
    const entry = page.getByTestId('admin-nav-report');
    expect(await entry.getAttribute('aria-current')).toBe('page');
    await expect.poll(async () => (await entry.boundingBox())?.x).toBeGreaterThanOrEqual(0);
    const box = (await entry.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  });
});
