import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type CDPSession, type Page } from 'playwright-core';

/** Debian's Chromium in CI; a Playwright-installed or system Chrome on a developer laptop. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    /* no Playwright browser installed */
  }
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install Debian package "chromium" or set CHROMIUM_PATH');
  return found;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** A browser profile on disk, as a tablet has (a new context keeps IndexedDB in memory instead). */
export function launchChromiumProfile(userDataDir: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, ...options });
}

// Chromium 150 (Debian bookworm) keeps failing a page's requests under Playwright's
// `context.setOffline(true)`, but a document loaded after that reads `navigator.onLine === true`.
// A DevTools session of our own repeats the emulation for the new document; it lasts while the
// session stays attached, so it is detached when the test goes back online.
const offlineSessions = new Map<Page, CDPSession>();

/** Reload a page while the context is offline, and make sure the new document knows it. */
export async function reloadOffline(page: Page): Promise<void> {
  await page.reload();
  await offlineSessions.get(page)?.detach();
  const cdp = await page.context().newCDPSession(page);
  offlineSessions.set(page, cdp);
  const emulate = (offline: boolean) =>
    cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await emulate(true);
  // Now and then the new document still read online (one full run in several); switching the
  // emulation off and on again settles it.
  const readsOffline = () =>
    page.waitForFunction(() => !navigator.onLine, undefined, { timeout: 2000 }).then(() => true, () => false);
  for (let attempt = 1; !(await readsOffline()); attempt++) {
    if (attempt > 3) throw new Error('Chromium kept reporting navigator.onLine after an offline reload');
    console.warn(`reloadOffline: the new document still reads online; emulating offline again (${attempt})`);
    await emulate(false);
    await emulate(true);
  }
}

/** Back online: Playwright's emulation off, and ours with it. */
export async function goOnline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
  for (const [page, cdp] of offlineSessions) {
    if (page.context() !== context) continue;
    await cdp.detach().catch(() => undefined);
    offlineSessions.delete(page);
  }
}
