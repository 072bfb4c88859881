import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // A camera and a microphone that play a test pattern and a tone, granted without a prompt. The
      // same two flags answer getDisplayMedia with a fake 1280x720 screen, picked without the picker
      // (checked on Chromium 156 headless), so screen sharing needs no flag of its own.
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
}

export const SCREENSHOTS = path.resolve(__dirname, '..', 'artifacts', 'screenshots');

/** Saves a screenshot of a main screen under tests/artifacts/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

export const DOCS_SCREENSHOTS = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * A screenshot the README shows (docs/screenshots), taken where a browser test reaches that screen.
 * With UPDATE_DOCS_SCREENSHOTS=1 the test rewrites the committed picture; otherwise it goes beside
 * the others under tests/artifacts, so an ordinary run leaves the tree as it was.
 */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  await screenshot(page, `docs-${name}`);
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, `${name}.png`) });
}

/** Collects page errors, so a test can assert the app ran without crashing. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on a page or a frame for WCAG 2.1 A and AA and answers its violations as
 * "rule: target" lines, so a failing assertion names what to fix.
 */
export async function accessibilityViolations(target: Page | Frame): Promise<string[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ content: AXE });
  // A dialog fading in is half transparent: its text would fail contrast only for the moment of the fade.
  await target.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  const violations = await target.evaluate(async () => {
    // Vue marks an element entering or leaving with `*-enter-active`/`*-leave-active` for the length of
    // the transition: a notice that starts to fade while axe runs is on its way out, not a defect.
    const moving = [['[class*="-enter-active"]'], ['[class*="-leave-active"]']];
    const result = await (window as any).axe.run({ include: [['html']], exclude: moving }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => `${n.target.join(' ')} ${String(n.html).slice(0, 160)}`).join(', ')}`);
  });
  return violations as string[];
}

/** Fails with axe-core's list of WCAG 2.1 A/AA violations, if any, naming the screen. */
export async function expectAccessible(target: Page | Frame, screen: string): Promise<void> {
  const violations = await accessibilityViolations(target);
  if (violations.length) throw new Error(`${screen} is not accessible:\n${violations.join('\n')}`);
}

/** axe at a desktop's and a phone's width, retried once after a second so a fading notice is not taken for a defect; the page is left wide. */
export async function expectAccessibleAtBothWidths(page: Page, screen: string): Promise<void> {
  const wide = { width: 1280, height: 800 };
  for (const size of [wide, { width: 390, height: 800 }]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    if ((await accessibilityViolations(page)).length) await page.waitForTimeout(1000);
    await expectAccessible(page, `${screen} at ${size.width} px`);
  }
  await page.setViewportSize(wide);
}

/** The widget's own document inside the page that embeds it. */
export function widgetFrame(page: Page): Frame {
  const frame = page.frames().find((f) => new URL(f.url()).pathname.startsWith('/widget'));
  if (!frame) throw new Error('The widget frame is not open');
  return frame;
}

/** Signs in through the app's own form and waits for the inbox, where every signed-in person lands. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL(/\/inbox/);
}

/**
 * A browser test plays several people through many steps; alone one takes about ten seconds, but
 * beside the rest of the suite on two cores it has been seen to take three times that. Each step
 * still fails in ten seconds with its locator named; this bounds the whole journey.
 */
export const JOURNEY = { timeout: 90_000 };

/**
 * How long one step (a click, a locator read) may wait. Alone a step takes well under a second; on CI,
 * three pages signing in at once beside the rest of the suite kept a renderer busy for over ten
 * seconds, so a first click timed out and every later step of the journey failed with it.
 */
export const STEP_TIMEOUT = 20_000;
