// PGlite runs initdb (in WebAssembly) the first time it opens an empty directory: 5–10 s on this
// 2-core machine, about the whole start of a test server, and the suite opens some thirty fresh
// ones. The integration and end-to-end projects run this file as their globalSetup: it lets PGlite
// make one empty cluster per run, and the test servers start from a copy of it. The copy is what
// PGlite itself would have written into the empty directory; the server then migrates and seeds
// it as on any first start. The first-start tests (main.test.ts, safety.test.ts's first) still
// give the server an empty directory.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, type Sql } from '../../src/server/sql';

const ENV = 'FD_TEST_PGLITE_TEMPLATE';

/** globalSetup: the empty cluster, once per run (both projects name this file; the second finds it made). */
export default async function makeTemplate(): Promise<(() => void) | undefined> {
  if (process.env[ENV]) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'friendly-desk-pglite-template-'));
  const sql = await openPglite(join(dir, 'pglite'));
  await sql.close();
  // Test workers and the server processes they spawn inherit it.
  process.env[ENV] = dir;
  return () => {
    delete process.env[ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * A new temp directory to serve as DATA_DIR, its `pglite/` a copy of the run's empty cluster when
 * there is one (under Vitest), else left for PGlite to make (the benchmarks, run alone).
 */
export function pgliteDataDir(prefix = 'friendly-desk-server-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const template = process.env[ENV];
  if (template) cpSync(join(template, 'pglite'), join(dir, 'pglite'), { recursive: true });
  return dir;
}

/**
 * PGlite on a copy of the run's empty cluster, removed on close: for tests that use the database
 * without a server (in memory, PGlite would run initdb again for each).
 */
export async function openTestPglite(): Promise<Sql> {
  const dir = pgliteDataDir('friendly-desk-pglite-');
  const sql = await openPglite(join(dir, 'pglite'));
  return {
    ...sql,
    close: async () => {
      await sql.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
