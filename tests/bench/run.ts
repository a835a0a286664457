// `npm run bench`: builds the bench pages, opens them in headless Chromium and prints the figures.
// Targets are printed beside each figure; a miss is reported, not hidden.
import { build } from 'vite';
import { resolve } from 'node:path';
import { launchChromium } from '../support/browser';
import { startTestServer } from '../support/test-server';
import { runServerPushBench } from './server-push';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 100_000);

function row(name: string, value: number, unit: string, target?: number) {
  const verdict = target === undefined ? '' : value <= target ? `  ✓ target ≤ ${target} ${unit}` : `  ✗ MISSES target ≤ ${target} ${unit}`;
  console.log(`${name.padEnd(44)} ${value.toFixed(1).padStart(9)} ${unit}${verdict}`);
}

async function main() {
  await build({ configFile: resolve(import.meta.dirname, 'vite.bench.config.ts'), logLevel: 'warn' });
  // The real server, serving the bench pages beside its API.
  const server = await startTestServer({ db: 'pglite', distDir: resolve(import.meta.dirname, '../../dist-bench') });
  const url = server.url;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    if (process.env.BENCH_ONLY !== 'drain') {
    await page.goto(`${url}/tests/bench/dossiers.html`);
    await page.waitForFunction(() => document.title === 'ready');
    console.log(`\nCounter dossier store, ${DOSSIERS.toLocaleString('en')} dossiers in IndexedDB (Chromium ${browser.version()})`);
    const r = await page.evaluate((n) => (window as unknown as { runBench: (n: number) => Promise<any> }).runBench(n), DOSSIERS);
    row('fill store (bulk, chunks of 1,000)', r.fillMs / 1000, 's');
    row('first page of the list on screen (median)', r.firstPageMs.median, 'ms', 100);
    row('  worst of 5', r.firstPageMs.max, 'ms');
    row('search "nguyen thi hoa" (median)', r.searchName.median, 'ms', 100);
    row('search "vo duc yen", open only (median)', r.searchRare.median, 'ms', 100);
    row('search "nguyen" (1 in 15 dossiers, median)', r.searchCommon.median, 'ms', 100);
    row('search by phone (median)', r.searchPhone.median, 'ms', 100);
    row('overdue filter, first page (median)', r.overdue.median, 'ms', 100);
    row('create one dossier (median of 30)', r.create.median, 'ms', 20);
    row('  worst of 30', r.create.max, 'ms');
    }

    const drainPage = await browser.newPage();
    await drainPage.goto(`${url}/tests/bench/drain.html`);
    await drainPage.waitForFunction(() => document.title === 'ready');
    const code = await server.enrollmentCode(server.demoCommuneId);
    const d = await drainPage.evaluate(
      ([c, n]) => (window as unknown as { runDrain: (c: string, n: number) => Promise<any> }).runDrain(c as string, n as number),
      [code, 10_000] as const,
    );
    console.log(`\nChromium tablet back online with ${d.pendingBefore.toLocaleString('en')} pending ops (server on PGlite)`);
    row(`drain the outbox (${d.rounds} sync round${d.rounds === 1 ? '' : 's'}, ${d.pendingAfter} left)`, d.ms / 1000, 's', 10);
  } finally {
    await browser.close();
    await server.close();
  }
  if (!process.env.BENCH_ONLY) await runServerPushBench();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
