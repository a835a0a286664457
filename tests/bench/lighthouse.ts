// Lighthouse 12 (mobile preset: a mid-range phone on slow 4G, simulated) on the built app served
// by the real server, as a tablet meets it: the first-run page of a new tablet, the counter
// (enrolled: cold load to the sign-in screen, then signing in to the dossier list) and the kiosk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from 'chrome-launcher';
import { startFlow, type FlowResult } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { findChromium } from '../support/browser';
import { startTestServer, type TestServer } from '../support/test-server';

const TARGETS = { performance: 90, tbtMs: 200, accessibility: 100 };
type Lhr = FlowResult['steps'][number]['lhr'];

async function withChrome(run: (page: Page) => Promise<void>) {
  const profile = mkdtempSync(join(tmpdir(), 'fd-lighthouse-'));
  const chrome = await launch({ chromePath: findChromium(), userDataDir: profile, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  try {
    await run(await browser.newPage());
  } finally {
    await browser.disconnect();
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function enroll(page: Page, server: TestServer, kind: 'counter' | 'kiosk') {
  await page.goto(server.url);
  await page.locator('::-p-aria(Mã đăng ký thiết bị)').fill(await server.enrollmentCode(server.demoCommuneId, kind));
  await page.locator('::-p-aria(Đăng ký máy[role="button"])').click();
}

function print(name: string, lhr: Lhr, only: ('performance' | 'tbt' | 'accessibility')[] = ['performance', 'tbt', 'accessibility']) {
  const figure = (label: string, value: number | undefined, unit: string, ok: boolean, target: string) =>
    console.log(`${`${name}: ${label}`.padEnd(58)} ${value === undefined ? '     n/a' : value.toFixed(0).padStart(8)} ${unit.padEnd(3)} ${ok ? '✓' : '✗ MISSES'} target ${target}`);
  const perf = lhr.categories.performance?.score;
  const tbt = lhr.audits['total-blocking-time']?.numericValue;
  const a11y = lhr.categories.accessibility?.score;
  if (only.includes('performance') && perf != null) figure('performance', perf * 100, '', perf * 100 >= TARGETS.performance, `≥ ${TARGETS.performance}`);
  if (only.includes('tbt') && tbt !== undefined) figure('total blocking time', tbt, 'ms', tbt <= TARGETS.tbtMs, `≤ ${TARGETS.tbtMs} ms`);
  if (only.includes('accessibility') && a11y != null) figure('accessibility', a11y * 100, '', a11y * 100 >= TARGETS.accessibility, `= ${TARGETS.accessibility}`);
  const metric = (id: string) => lhr.audits[id]?.displayValue;
  if (only.includes('performance') && lhr.audits['first-contentful-paint'])
    console.log(`   FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, speed index ${metric('speed-index')}`);
  // Why a page loses points: the failing audits that weigh most, as Lighthouse names them.
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual')
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  if (failing.length) console.log(`   failing audits: ${failing.slice(0, 8).join('; ')}`);
}

export async function runLighthouseBench(dist = resolve(import.meta.dirname, '../../dist')) {
  const server = await startTestServer({ db: 'pglite', distDir: dist });
  const flags = { onlyCategories: ['performance', 'accessibility'], logLevel: 'error' as const };
  try {
    console.log('\nLighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU slowdown), built app on the real server');
    await withChrome(async (page) => {
      const flow = await startFlow(page, { flags });
      await flow.navigate(server.url);
      print('first-run page', (await flow.createFlowResult()).steps[0].lhr);
    });

    await withChrome(async (page) => {
      await enroll(page, server, 'counter');
      await page.locator('::-p-aria(Đăng nhập cán bộ[role="heading"])').wait();
      const flow = await startFlow(page, { flags: { ...flags, disableStorageReset: true } });
      await flow.navigate(server.url, { name: 'counter: cold load to sign-in' });
      await flow.startTimespan({ name: 'counter: sign in to the list' });
      await page.locator('::-p-text(Nguyễn Thị Lan)').click();
      await page.locator('::-p-aria(Mã PIN)').fill('1234');
      await page.locator('::-p-aria(Đăng nhập[role="button"])').click();
      await page.locator('::-p-aria(Đăng xuất[role="button"])').wait();
      await new Promise((r) => setTimeout(r, 1000));
      await flow.endTimespan();
      await flow.snapshot({ name: 'counter: the dossier list' });
      const [load, signIn, list] = (await flow.createFlowResult()).steps.map((s) => s.lhr);
      print('counter, cold load (sign-in screen)', load);
      print('counter, signing in to the list', signIn, ['tbt']);
      print('counter, signed-in dossier list', list, ['accessibility']);
    });

    await withChrome(async (page) => {
      await enroll(page, server, 'kiosk');
      await page.locator('::-p-text(hài lòng)').wait();
      const flow = await startFlow(page, { flags: { ...flags, disableStorageReset: true } });
      await flow.navigate(server.url);
      print('kiosk, cold load (first question)', (await flow.createFlowResult()).steps[0].lhr);
    });
  } finally {
    await server.close();
  }
}
