// Prints the gzipped JavaScript each kind of tablet loads before its first screen, from the
// build's manifest: the entry chunk, the lazy screen of that kind, and everything they import
// statically, plus the default language's strings. Lazy pieces loaded later (QR encoder and decoder, demo data, admin) are not counted.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
// Each screen with the string files it loads before drawing (see src/app/App.tsx).
const SCREENS = [
// The counter's first working screen is the shell with the counter's routes (loaded as the clerk signs in).
  { kind: 'counter', screens: ['src/app/Shell.tsx', 'src/features/counter/CounterRoutes.tsx'], strings: ['core', 'counter', 'kiosk'], targetKb: 170 },
  { kind: 'kiosk', screens: ['src/features/kiosk/KioskApp.tsx'], strings: ['core', 'kiosk'], targetKb: 120 },
];

function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
let failed = false;
for (const { kind, screens, strings, targetKb } of SCREENS) {
  for (const screen of screens) if (!manifest[screen]) throw new Error(`${screen} is not a chunk of its own`);
  // The Vietnamese strings of that screen load before it is drawn too.
  const keys = new Set([...closure('index.html'), ...screens.flatMap((screen) => [...closure(screen)]), ...strings.flatMap((p) => [...closure(`locales/vi/${p}.json`)])]);
  const files = [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  const kb = files.reduce((sum, f) => sum + gz(f), 0) / 1024;
  const ok = kb <= targetKb;
  failed ||= !ok;
  console.log(`First-screen JS (${kind} tablet): ${kb.toFixed(1)} KB gzip in ${files.length} files (target ≤ ${targetKb} KB)${ok ? '' : '  ✗ over budget'}`);
}
if (failed && process.env.BUNDLE_BUDGET_STRICT) process.exit(1);
