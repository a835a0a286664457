// Prints the gzipped JavaScript a tablet loads before its first screen: the entry script of
// dist/index.html and every chunk it preloads. Lazy chunks (demo data, QR encoder) are not counted.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const TARGET_KB = { counter: 170 };
const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const src of new Set(scripts)) {
  const bytes = gzipSync(readFileSync(join(dist, src))).length;
  total += bytes;
  console.log(`  ${src}  ${(bytes / 1024).toFixed(1)} KB gzip`);
}
const kb = total / 1024;
console.log(`First-screen JS (counter tablet): ${kb.toFixed(1)} KB gzip (target ≤ ${TARGET_KB.counter} KB)`);
if (kb > TARGET_KB.counter) {
  console.error('Over the first-screen JS budget.');
  process.exit(1);
}
