import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchChromium } from '../support/browser';

// The accessibility check every browser test leans on: it must still see a real defect while it
// passes over a notice caught in the middle of fading out.
describe('the accessibility check', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => browser?.close());

  const faint = (classes: string) =>
    `<!doctype html><html lang="en"><head><title>t</title></head><body><main>` + `<p style="color:#ddd;background:#fff" class="${classes}">Nuevo chat en espera</p></main></body></html>`;

  it('reports text too faint to read', async () => {
    await page.setContent(faint('notice'));
    expect((await accessibilityViolations(page)).join('\n')).toMatch(/^color-contrast/);
  });

  it('passes over a notice that is leaving or entering', async () => {
    for (const moving of ['notification-transition-leave-active', 'fade-enter-active']) {
      await page.setContent(faint(`notice ${moving}`));
      expect(await accessibilityViolations(page)).toEqual([]);
    }
  });
});
