// `npm run bench`: builds the bench pages, opens them in headless Chromium and prints the figures.
// Targets are printed beside each figure; a miss is reported, not hidden.
import { build } from 'vite';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../support/browser';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 100_000);

function row(name: string, value: number, unit: string, target?: number) {
  const verdict = target === undefined ? '' : value <= target ? `  ✓ target ≤ ${target} ${unit}` : `  ✗ MISSES target ≤ ${target} ${unit}`;
  console.log(`${name.padEnd(44)} ${value.toFixed(1).padStart(9)} ${unit}${verdict}`);
}

async function main() {
  await build({ configFile: resolve(import.meta.dirname, 'vite.bench.config.ts'), logLevel: 'warn' });
  const app = new Hono();
  app.use('*', serveStatic({ root: resolve(import.meta.dirname, '../../dist-bench') }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
