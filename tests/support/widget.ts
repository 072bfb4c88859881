import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ApiProcess, startApi } from './api.js';
import { launchChromium, STEP_TIMEOUT, watchErrors } from './browser.js';
import { adminToken } from './world.js';

/** A campaign's texts for the widget in the three languages Parley speaks. */
export const WIDGET_TEXTS = [
  { language: 'en', welcome: 'Welcome!', outOfHours: 'We are closed now.', unavailable: 'Everyone is busy.', offline: 'Leave us a message.' },
  { language: 'es', welcome: '¡Bienvenido!', outOfHours: 'Ahora estamos cerrados.', unavailable: 'Todos están ocupados.', offline: 'Déjanos un mensaje.' },
  { language: 'pt', welcome: 'Bem-vindo!', outOfHours: 'Estamos fechados agora.', unavailable: 'Todos estão ocupados.', offline: 'Deixe uma mensagem.' },
];

export interface OpenWidget {
  page: Page;
  widget: FrameLocator;
  errors: string[];
}

/**
 * A widget test file's API, Chromium and administrator, started before its tests and closed after
 * them, with the customer's side: a browser (its own storage, as another device) and the demo page
 * with the widget opened from its launcher.
 */
export function widgetWorld(env: Record<string, string> = {}) {
  let api: ApiProcess | undefined;
  let browser: Browser | undefined;
  let admin = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(env), launchChromium()]);
    admin = await adminToken(api.url);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await api?.stop();
  });

  async function newContext(locale: string, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
    const phone = viewport.width < 500;
    const ctx = await browser!.newContext({ locale, viewport, isMobile: phone, hasTouch: phone });
    contexts.push(ctx);
    // A step that cannot happen fails with its locator named, well before the test's own timeout.
    ctx.setDefaultTimeout(STEP_TIMEOUT);
    return ctx;
  }

  async function openWidget(ctx: BrowserContext, campaignId: string): Promise<OpenWidget> {
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${api!.url}/demo?campaign=${campaignId}`);
    await page.locator('[data-parley-widget="button"]').click();
    return { page, widget: page.frameLocator('iframe[data-parley-widget="frame"]'), errors };
  }

  return {
    get url() {
      return api!.url;
    },
    get admin() {
      return admin;
    },
    newContext,
    openWidget,
  };
}
