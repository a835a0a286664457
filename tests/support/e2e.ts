// The end-to-end set-up the Chromium tests share: the real server (or the built app alone) and one
// headless Chromium per test file, started before the file's tests and closed after them, and
// tablets opened as the tests open them (Vietnamese locale, Vietnam's time zone).
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startAppServer } from './app-server';
import { live } from './live';
import { startTestServer, type TestServer } from './test-server';

type AppServer = Awaited<ReturnType<typeof startAppServer>>;

/** Chromium for this file, closed after its tests; `start` runs first (a server), `stop` last. */
function useChromium<T extends object>(what: string, start: () => Promise<T>, stop: (started: T) => Promise<void>) {
  let started: T | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    started = await start();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (started) await stop(started);
  });
  return { started: live(() => started, what), browser: live(() => browser, 'Chromium') };
}

/** The real server on PGlite serving the built app (dist/), and Chromium. */
export function useServerAndChromium(): { s: TestServer; browser: Browser } {
  const { started, browser } = useChromium('the test server', () => startTestServer({ db: 'pglite', distDir: 'dist' }), (s) => s.close());
  return { s: started, browser };
}

/** The built app alone on a static server (a private copy a test may change, as a release would), and Chromium. */
export function useAppAndChromium(): { server: AppServer; browser: Browser } {
  const { started, browser } = useChromium('the app server', startAppServer, (server) => server.close());
  return { server: started, browser };
}

/** A tablet's browser context: landscape 1280×800 unless told, in Vietnamese and Vietnam's time zone. */
export function newTablet(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true, ...options });
}

/** Open the app and wait until its service worker is ready (it caches the app for offline use). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(async () => Boolean(await navigator.serviceWorker.ready));
}
