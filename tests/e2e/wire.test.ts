// The built app on the wire: JavaScript goes compressed (brotli to a browser, gzip to a client that
// asks only for gzip), never bigger than the build's gzip figure, and hashed files cache forever.
import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { useServerAndChromium } from '../support/e2e';

const DIST = 'dist';
const { s, browser } = useServerAndChromium();

/** The build's gzip figure of a file: what scripts/report-bundle.mjs counts. */
const buildGzip = (path: string) => gzipSync(readFileSync(join(DIST, path))).length;

/** A raw GET (node:http does not decode): the headers and the bytes as they crossed the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; bytes: number }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ headers: res.headers, bytes }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('the app on the wire', () => {
  it('sends Chromium every script of the first screen as brotli, each no bigger than its gzip at build', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1280 } });
    const scripts: { path: string; encoding?: string; vary?: string; cache?: string; wireBytes: Promise<number> }[] = [];
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      if (!path.endsWith('.js') || path === '/sw.js') return;
      const h = res.headers();
      scripts.push({
        path,
        encoding: h['content-encoding'],
        vary: h['vary'],
        cache: h['cache-control'],
        wireBytes: res.request().sizes().then((sz) => sz.responseBodySize),
      });
    });
    await page.goto(s.url);
    await page.getByLabel('Mã đăng ký thiết bị').waitFor();
    await page.close();

    expect(scripts.length).toBeGreaterThan(2);
    for (const js of scripts) {
      // A file of a few dozen bytes grows when compressed: the build keeps it plain (no .br beside it).
      const plain = !existsSync(join(DIST, `${js.path}.br`));
      expect(js.encoding, js.path).toBe(plain ? undefined : 'br');
      expect(js.vary, js.path).toMatch(/Accept-Encoding/i);
      expect(js.cache, js.path).toBe('public, max-age=31536000, immutable');
      expect(await js.wireBytes, js.path).toBeLessThanOrEqual(buildGzip(js.path));
    }
  });

  it('sends gzip to a client that asks only for gzip, and the plain file to one that asks for nothing', async () => {
    const html = await (await fetch(s.url)).text();
    const entry = html.match(/src="(\/assets\/index-[^"]+\.js)"/)![1];
    const plainSize = readFileSync(join(DIST, entry)).length;

    const gz = await rawGet(`${s.url}${entry}`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gz.bytes).toBeLessThanOrEqual(buildGzip(entry));
    expect(gz.bytes).toBeLessThan(plainSize / 2);

    const br = await rawGet(`${s.url}${entry}`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.bytes).toBeLessThan(gz.bytes);

    const plain = await rawGet(`${s.url}${entry}`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.bytes).toBe(plainSize);
  });
});
