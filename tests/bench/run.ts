// `npm run bench`: builds the bench pages, opens them in headless Chromium and prints the figures.
// Targets are printed beside each figure; a miss is reported, not hidden.
import { build } from 'vite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, launchChromiumProfile } from '../support/browser';
import { startTestServer } from '../support/test-server';
import { longFlowSurvey } from '../support/fixtures';
import { runServerPushBench } from './server-push';
import { runLighthouseBench } from './lighthouse';
import { startPouchServer } from './pouch-server';
import { runNewTabletBench } from './new-tablet';
import { runReportBench } from './report';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 100_000);

function row(name: string, value: number, unit: string, target?: number) {
  const verdict = target === undefined ? '' : value <= target ? `  ✓ target ≤ ${target} ${unit}` : `  ✗ MISSES target ≤ ${target} ${unit}`;
  console.log(`${name.padEnd(44)} ${value.toFixed(1).padStart(9)} ${unit}${verdict}`);
}

/**
 * The built app on a kiosk tablet: the JavaScript it has fetched when its first screen appears
 * (Chromium's own record, to check the build's static count), and the time from a tap to the
 * next question on screen.
 */
async function kioskTapBench(browser: Browser) {
  const dist = resolve(import.meta.dirname, '../../dist');
  const app = await startTestServer({ db: 'pglite', distDir: dist });
  try {
    // The long flow (every criterion and yes/no question): ten screens a tap each, to time.
    await app.admin('PUT', `/api/v1/admin/communes/${app.demoCommuneId}/config/survey`, longFlowSurvey);
    const page = await browser.newPage({ viewport: { width: 800, height: 1280 } });
    await page.goto(app.url);
    await page.getByLabel('Mã đăng ký thiết bị').fill(await app.enrollmentCode(app.demoCommuneId, 'kiosk'));
    await page.getByRole('button', { name: 'Đăng ký máy' }).click();
    await page.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();

    await page.addInitScript(() => {
      const watch = new MutationObserver(() => {
        if (!document.querySelector('h1')?.textContent?.includes('hài lòng')) return;
        watch.disconnect();
        const scripts = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'));
        (window as unknown as { firstScreenScripts: string[] }).firstScreenScripts = scripts;
      });
      watch.observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await page.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();
    const scripts = await page.evaluate(() => (window as unknown as { firstScreenScripts: string[] }).firstScreenScripts);
    const kb = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(resolve(dist, `.${path}`))).length, 0) / 1024;
    console.log(`\nKiosk (built app, Chromium, 800×1280)`);
    row(`JS fetched before the first screen (${scripts.length} files)`, kb, 'KB gzip', 120);

    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      // Tap the first button of each screen (a face, "Có", …) until the comment screen.
      for (let step = 0; step < 10; step++) {
        const ms = await page.evaluate(
          () =>
            new Promise<number>((done) => {
              const heading = document.querySelector('h1')!;
              const before = document.querySelector('.kiosk-progress')?.textContent;
              const button = document.querySelector<HTMLButtonElement>('.faces button, .yes-no button')!;
              const t0 = performance.now();
              const observer = new MutationObserver(() => {
                if (document.querySelector('.kiosk-progress')?.textContent !== before) {
                  observer.disconnect();
                  // Count until the new screen is painted, not just in the DOM.
                  requestAnimationFrame(() => done(performance.now() - t0));
                }
              });
              observer.observe(heading.parentElement!, { subtree: true, childList: true, characterData: true });
              button.click();
            }),
        );
        samples.push(ms);
      }
      await page.reload();
      await page.getByRole('heading', { name: /Ông\/bà có hài lòng/ }).waitFor();
    }
    samples.sort((a, b) => a - b);
    row(`tap → next question painted (median of ${samples.length})`, samples[Math.floor(samples.length / 2)], 'ms', 100);
    row('  worst', samples[samples.length - 1], 'ms', 100);
  } finally {
    await app.close();
  }
}

type Browser = Awaited<ReturnType<typeof launchChromium>>;
type Server = Awaited<ReturnType<typeof startTestServer>>;

/** The counter's store with many dossiers: the list, searches, and creating one more. */
async function dossierStoreBench(server: Server) {
  // IndexedDB on disk, as on a tablet: a fresh context would keep it in memory, which Chromium
  // fills and reads at other speeds.
  const profile = mkdtempSync(join(tmpdir(), 'fd-bench-profile-'));
  const context = await launchChromiumProfile(profile, { viewport: { width: 1280, height: 800 } });
  let r;
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/tests/bench/dossiers.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const { product } = await (await context.newCDPSession(page)).send('Browser.getVersion');
    console.log(`\nCounter dossier store, ${DOSSIERS.toLocaleString('en')} dossiers in IndexedDB on disk (Chromium ${product.split('/')[1]})`);
    r = await page.evaluate((n) => (window as unknown as { runBench: (n: number) => Promise<any> }).runBench(n), DOSSIERS);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  row('fill store (bulk, chunks of 1,000)', r.fillMs / 1000, 's');
  row('first page of the list on screen (median)', r.firstPageMs.median, 'ms', 100);
  row('  worst of 5', r.firstPageMs.max, 'ms');
  row('search "nguyen thi hoa" (median)', r.searchName.median, 'ms', 100);
  row('search "vo duc yen", open only (median)', r.searchRare.median, 'ms', 100);
  row('search "nguyen yen" (middle name left out)', r.searchSkipping.median, 'ms', 100);
  row('search "nguyen" (1 in 15 dossiers, median)', r.searchCommon.median, 'ms', 100);
  row('search by phone (median)', r.searchPhone.median, 'ms', 100);
  row('overdue filter, first page (median)', r.overdue.median, 'ms', 100);
  row('create one dossier (median of 30)', r.create.median, 'ms', 20);
  row('  worst of 30', r.create.max, 'ms');
}

const DRAIN_RECORDS = 10_000;

/** A tablet back from a week offline: its outbox drained through the real sync code. */
async function drainBench(browser: Browser, server: Server) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/tests/bench/drain.html`);
  await page.waitForFunction(() => document.title === 'ready');
  const code = await server.enrollmentCode(server.demoCommuneId);
  const cpu = process.cpuUsage();
  const d = await page.evaluate(
    ([c, n]) => (window as unknown as { runDrain: (c: string, n: number) => Promise<any> }).runDrain(c as string, n as number),
    [code, DRAIN_RECORDS] as const,
  );
  const serverCpu = process.cpuUsage(cpu);
  await page.close();
  console.log(`\nChromium tablet back online with ${d.pendingBefore.toLocaleString('en')} pending ops (server on PGlite)`);
  row(`drain the outbox (${d.rounds} sync round${d.rounds === 1 ? '' : 's'}, ${d.pendingAfter} left)`, d.ms / 1000, 's', 10);
  row('  of which pushing, until the last op was sent', d.pushedMs / 1000, 's');
  row('  CPU of this process meanwhile (the server)', (serverCpu.user + serverCpu.system) / 1e6, 's');
  for (const [route, ms] of Object.entries(d.waited ?? {}) as [string, number][]) row(`  waiting on ${route} answers (all requests)`, ms / 1000, 's');
  return d.ms as number;
}

/** The peer: the same records in PouchDB 9 on IndexedDB, replicated to express-pouchdb in Node. */
async function pouchDrainBench(browser: Browser, oursMs: number) {
  const pouch = await startPouchServer(resolve(import.meta.dirname, '../../dist-bench'));
  try {
    const page = await browser.newPage();
    await page.goto(`${pouch.url}/tests/bench/pouch.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const cpu = process.cpuUsage();
    const d = await page.evaluate(
      ([remote, n]) => (window as unknown as { runPouchDrain: (r: string, n: number) => Promise<any> }).runPouchDrain(remote as string, n as number),
      [`${pouch.url}/db/bench-${Date.now()}`, DRAIN_RECORDS] as const,
    );
    const serverCpu = process.cpuUsage(cpu);
    await page.close();
    if (d.remoteDocs !== DRAIN_RECORDS) throw new Error(`PouchDB replicated ${d.remoteDocs} of ${DRAIN_RECORDS} records`);
    console.log(`\nThe same ${DRAIN_RECORDS.toLocaleString('en')} records: PouchDB 9 (IndexedDB) replicating to express-pouchdb (in-memory, Node)`);
    row('PouchDB replication', d.ms / 1000, 's');
    row('  CPU of this process meanwhile (the server)', (serverCpu.user + serverCpu.system) / 1e6, 's');
    const ratio = d.ms / oursMs;
    console.log(`${'this app drains faster than PouchDB by'.padEnd(44)} ${ratio.toFixed(1).padStart(9)} ×  ${ratio >= 3 ? '✓' : '✗ MISSES'} target ≥ 3 ×`);
  } finally {
    await pouch.close();
  }
}

/** BENCH_ONLY=drain,kiosk (any of dossiers, drain, new-tablet, kiosk, lighthouse, server, report) runs just those. */
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string) => !only || only.includes(name);

async function main() {
  await build({ configFile: resolve(import.meta.dirname, 'vite.bench.config.ts'), logLevel: 'warn' });
  // The real server, serving the bench pages beside its API.
  const server = await startTestServer({ db: 'pglite', distDir: resolve(import.meta.dirname, '../../dist-bench') });
  const browser = await launchChromium();
  try {
    if (wanted('dossiers')) await dossierStoreBench(server);
    if (wanted('drain')) await pouchDrainBench(browser, await drainBench(browser, server));
    if (wanted('kiosk')) await kioskTapBench(browser);
  } finally {
    await browser.close();
    await server.close();
  }
  if (wanted('new-tablet')) await runNewTabletBench(row);
  if (wanted('lighthouse')) await runLighthouseBench();
  if (wanted('server')) await runServerPushBench();
  if (wanted('report')) await runReportBench();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
