/**
 * A supervisor watching an agent's screen, each in their own browser: the agent accepts and picks a
 * screen (Chromium's fake screen, picked without a prompt), the supervisor's viewer plays it live,
 * the agent sees that it is shared until either side stops; a declined request, a refused picker
 * and an agent who does not allow it send nothing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api.js';
import { expectAccessible, JOURNEY, launchChromium, screenshot, signInThroughForm, STEP_TIMEOUT, watchErrors } from '../support/browser.js';
import { expectCode, gql, ok } from '../support/graphql.js';
import { adminToken, createPerson, PASSWORD, type Person } from '../support/world.js';

let api: ApiProcess;
let browser: Browser;
let admin: string;
let ana: Person;
let nora: Person;
let supervisor: Person;
let monitor: Page;
let anaPage: Page;
let monitorErrors: string[];
let anaErrors: string[];
const suffix = Date.now().toString(36);
const anaName = `Ana Screen ${suffix}`;
const noraName = `Nora Screen ${suffix}`;
const supervisorName = `Sofia Screen ${suffix}`;
const contexts: BrowserContext[] = [];

async function signedInPage(person: Person): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  contexts.push(ctx);
  ctx.setDefaultTimeout(STEP_TIMEOUT);
  // Keeps the screens the page picked, so the test can see whether they still run, end one as the
  // browser's own "Stop sharing" does, or have the picker refused.
  await ctx.addInitScript(() => {
    const w = window as any;
    w.__screens = [];
    const devices = navigator.mediaDevices;
    if (!devices) return;
    const pick = devices.getDisplayMedia.bind(devices);
    devices.getDisplayMedia = async (options?: DisplayMediaStreamOptions) => {
      if (w.__refuseScreen) throw new DOMException('Permission denied', 'NotAllowedError');
      const stream = await pick(options);
      w.__screens.push(stream);
      return stream;
    };
  });
  const page = await ctx.newPage();
  await signInThroughForm(page, api.url, person.email, PASSWORD);
  return page;
}

const agentRow = (person: Person) => monitor.locator(`[data-testid="monitor-agent-row"][data-user-id="${person.id}"]`);
const viewer = () => monitor.getByTestId('screen-viewer');
const viewerState = () => monitor.getByTestId('screen-viewer-state').getAttribute('data-state');
const screensRunning = (page: Page) => page.evaluate(() => (window as any).__screens.filter((s: MediaStream) => s.getVideoTracks().some((t) => t.readyState === 'live')).length as number);
const SCREEN = 'mutation($a: ID!) { requestScreen(agentId: $a) { id state } }';

async function askForScreen(person: Person): Promise<void> {
  await agentRow(person).getByTestId('monitor-agent-actions').click();
  await monitor.getByTestId('monitor-action-screen').click();
  await viewer().waitFor();
}

/** The supervisor's video as the page plays it. */
const played = () => monitor.getByTestId('screen-viewer-video').evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, time: v.currentTime }));

beforeAll(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
  admin = await adminToken(api.url);
  ana = await createPerson(api.url, admin, 'AGENT', { name: anaName, mayMonitorScreen: true });
  nora = await createPerson(api.url, admin, 'AGENT', { name: noraName, mayMonitorScreen: true });
  // An administrator takes it back: from now on Nora's screen cannot be asked for.
  await ok(api.url, 'mutation($id: ID!) { updateUser(id: $id, input: { mayMonitorScreen: false }) { id } }', { id: nora.id }, admin);
  supervisor = await createPerson(api.url, admin, 'SUPERVISOR', { name: supervisorName });
  [monitor, anaPage] = await Promise.all([signedInPage(supervisor), signedInPage(ana), signedInPage(nora)]);
  monitorErrors = watchErrors(monitor);
  anaErrors = watchErrors(anaPage);
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await api?.stop();
});

// A failed step leaves nothing open for the next: the viewer closes (ending the call), and Ana's share with it.
afterEach(async () => {
  if (await viewer().count())
    await monitor
      .getByTestId('screen-viewer-close')
      .click()
      .catch(() => undefined);
  await viewer()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await anaPage
    .getByTestId('screen-sharing')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
});

describe('watching an agent’s screen', JOURNEY, () => {
  it('opens the monitor on this file’s two agents', async () => {
    await monitor.getByTestId('nav-monitor').click();
    await monitor.waitForURL(/\/monitor/);
    await monitor.getByTestId('monitor-view').waitFor();
    // Other test files share the database: narrow the panel to this file's agents.
    await monitor.getByTestId('monitor-filter-agents').click();
    for (const name of [anaName, noraName]) {
      await monitor.getByTestId('monitor-filter-agents').locator('input').fill(name);
      await monitor.locator('.n-base-select-option').filter({ hasText: name }).click();
    }
    await monitor.keyboard.press('Escape');
    await expect.poll(() => monitor.getByTestId('monitor-agent-row').count(), { timeout: 10_000 }).toBe(2);
    for (const person of [ana, nora]) await expect.poll(() => agentRow(person).getAttribute('data-state')).toBe('FREE');
  });

  it('asks, the agent accepts and picks a screen, the supervisor watches it live, and closing the viewer stops the share', async () => {
    await askForScreen(ana);
    await expect.poll(viewerState).toBe('asking');
    await expect(viewer().textContent()).resolves.toContain(`Asking ${anaName}`);
    await expectAccessible(monitor, 'the screen viewer while asking');

    const request = anaPage.getByTestId('screen-request');
    await request.waitFor({ timeout: 10_000 });
    await expect(request.getByTestId('screen-request-from').textContent()).resolves.toContain(`${supervisorName} asks to watch your screen`);
    await expectAccessible(anaPage, 'the agent’s screen request');
    await screenshot(anaPage, 'screen-monitor-request');

    await request.getByTestId('screen-accept').click();
    const sharing = anaPage.getByTestId('screen-sharing');
    await sharing.waitFor();
    await expect(sharing.textContent()).resolves.toContain(`Your screen is being shared with ${supervisorName}`);
    await request.waitFor({ state: 'detached' });

    await expect.poll(viewerState, { timeout: 15_000 }).toBe('live');
    // Real frames: the picture has a size, and its clock moves on.
    await expect.poll(async () => (await played()).width, { timeout: 15_000 }).toBeGreaterThan(0);
    const before = (await played()).time;
    await expect.poll(async () => (await played()).time, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect(monitor.getByTestId('screen-viewer-video').evaluate((v: HTMLVideoElement) => v.muted && v.playsInline && v.getAttribute('aria-label'))).resolves.toBe(`Screen of ${anaName}, live`);
    await expectAccessible(monitor, 'the screen viewer, live');
    // The agent's browser is capturing one screen now, so the "stopped" check below can fail.
    expect(await screensRunning(anaPage)).toBe(1);
    await screenshot(monitor, 'screen-monitor-live');
    await screenshot(anaPage, 'screen-monitor-shared');

    await monitor.getByTestId('screen-viewer-close').click();
    await viewer().waitFor({ state: 'detached' });
    await sharing.waitFor({ state: 'detached', timeout: 10_000 });
    // The agent's browser stops capturing too, so its own sharing indicator goes as well.
    await expect.poll(() => screensRunning(anaPage)).toBe(0);
  });

  it('ends for the supervisor when the agent presses Stop', async () => {
    await askForScreen(ana);
    await anaPage.getByTestId('screen-accept').click();
    await anaPage.getByTestId('screen-sharing').waitFor();
    await expect.poll(viewerState, { timeout: 15_000 }).toBe('live');
    expect(await screensRunning(anaPage)).toBe(1);
    await anaPage.getByTestId('screen-stop').click();
    await anaPage.getByTestId('screen-sharing').waitFor({ state: 'detached' });
    await expect.poll(viewerState, { timeout: 10_000 }).toBe('ended');
    await expect.poll(() => screensRunning(anaPage)).toBe(0);
    await monitor.getByTestId('screen-viewer-close').click();
    await viewer().waitFor({ state: 'detached' });
  });

  it('ends when the agent stops sharing from the browser itself', async () => {
    await askForScreen(ana);
    await anaPage.getByTestId('screen-accept').click();
    await anaPage.getByTestId('screen-sharing').waitFor();
    await expect.poll(viewerState, { timeout: 15_000 }).toBe('live');
    // What the browser's "Stop sharing" does: the picked screen's track ends.
    await anaPage.evaluate(() => {
      const track = (window as any).__screens.at(-1).getVideoTracks()[0] as MediaStreamTrack;
      track.stop();
      track.dispatchEvent(new Event('ended'));
    });
    await anaPage.getByTestId('screen-sharing').waitFor({ state: 'detached' });
    await expect.poll(viewerState, { timeout: 10_000 }).toBe('ended');
    await monitor.getByTestId('screen-viewer-close').click();
    await viewer().waitFor({ state: 'detached' });
  });

  it('shows the supervisor that the agent declined', async () => {
    await askForScreen(ana);
    await anaPage.getByTestId('screen-decline').click();
    await expect.poll(viewerState, { timeout: 10_000 }).toBe('declined');
    await expect(viewer().textContent()).resolves.toContain(`${anaName} declined to share their screen.`);
    await expect(anaPage.getByTestId('screen-sharing').count()).resolves.toBe(0);
    await expectAccessible(monitor, 'the screen viewer after a decline');
    await screenshot(monitor, 'screen-monitor-declined');
    await monitor.getByTestId('screen-viewer-close').click();
    await viewer().waitFor({ state: 'detached' });
  });

  it('sends nothing when the agent’s browser refuses the picker, and tells the supervisor no', async () => {
    const screensBefore = await anaPage.evaluate(() => (window as any).__screens.length as number);
    await anaPage.evaluate(() => ((window as any).__refuseScreen = true));
    await askForScreen(ana);
    await anaPage.getByTestId('screen-accept').click();
    await expect.poll(viewerState, { timeout: 10_000 }).toBe('declined');
    await expect(anaPage.getByTestId('screen-sharing').count()).resolves.toBe(0);
    await expect(anaPage.evaluate(() => (window as any).__screens.length)).resolves.toBe(screensBefore);
    await anaPage.evaluate(() => ((window as any).__refuseScreen = false));
    await monitor.getByTestId('screen-viewer-close').click();
    await viewer().waitFor({ state: 'detached' });
  });

  it('cannot ask an agent who does not allow it: the action is disabled and the API refuses', async () => {
    await agentRow(nora).getByTestId('monitor-agent-actions').click();
    const action = monitor.getByTestId('monitor-action-screen');
    await action.waitFor();
    await expect(action.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(action.getAttribute('title')).resolves.toBe('This agent does not allow screen monitoring.');
    await action.click({ force: true });
    await monitor.waitForTimeout(300);
    await expect(viewer().count()).resolves.toBe(0);
    await monitor.keyboard.press('Escape');

    expectCode(await gql(api.url, SCREEN, { a: nora.id }, supervisor.token), 'FORBIDDEN');
    // The agent who allows it still can be asked through the API.
    const call = (await ok(api.url, SCREEN, { a: ana.id }, supervisor.token)).requestScreen;
    expect(call.state).toBe('REQUESTED');
    await anaPage.getByTestId('screen-request').waitFor({ timeout: 10_000 });
    await ok(api.url, 'mutation($c: ID!) { endCall(callId: $c) { state } }', { c: call.id }, supervisor.token);
    await anaPage.getByTestId('screen-request').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('ran without page errors', () => {
    expect(monitorErrors).toEqual([]);
    expect(anaErrors).toEqual([]);
  });
});
