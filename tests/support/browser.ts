import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...extraArgs,
    ],
  });
}
