import { serve } from '@hono/node-server';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import seed from '../domain/demo/demo-commune.json';
import { createServer } from './app';
import { seedDemoIfEmpty } from './communes';
import { DataDirBusyError, lockDataDir, prepareDataDir, tighten } from './datadir';
import { DEVICE_KINDS, issueEnrollmentCode } from './devices';
import { capConnections, httpServerOptions, limitsFromEnv } from './limits';
import { migrate } from './migrations';
import { openPglite, openPostgres, type Sql } from './sql';

const FIRST_START_CODE_TTL = 7 * 24 * 60 * 60_000;

/** ADMIN_TOKEN from the environment, or one made on first start and kept (owner-only) in DATA_DIR. */
function adminTokenFor(dataDir: string): { token: string; file?: string; created?: boolean } {
  if (process.env.ADMIN_TOKEN) return { token: process.env.ADMIN_TOKEN };
  const file = join(dataDir, 'admin-token');
  const created = !existsSync(file);
  if (created) {
    writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { token: readFileSync(file, 'utf8').trim(), file, created };
}

/** PGlite commits durably (fsync) unless PGLITE_FSYNC=off; see pglite-durable.ts. */
export async function openDatabase(dataDir: string): Promise<Sql> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(join(dataDir, 'pglite'), { durable: process.env.PGLITE_FSYNC !== 'off' });
}

/** What the embedded database promises, said on every first start (README, "What the embedded database promises"). */
const PGLITE_PROMISE = (durable: boolean) =>
  durable
    ? 'Database: embedded PGlite in DATA_DIR, every answered push fsynced to disk; one server process only; back it up with `npm run backup`. For several processes or a production pilot use PostgreSQL (DATABASE_URL).'
    : 'Database: embedded PGlite with PGLITE_FSYNC=off: a crash of this process keeps what was answered, a power cut or OS crash may lose it. Not for real data; use PostgreSQL (DATABASE_URL).';

/**
 * The demo commune (public PINs and kiosk code) only where it cannot meet real data: the embedded
 * database with no commune yet, or when asked with DEMO=1. DEMO=0 never seeds it.
 */
const wantsDemo = () => (process.env.DEMO === '1' ? true : process.env.DEMO === '0' ? false : !process.env.DATABASE_URL);

/** One process is the whole product on a laptop: `npm start` → http://localhost:8080. */
async function main() {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const dataDir = resolve(process.env.DATA_DIR ?? 'data');
  const limits = limitsFromEnv();
  const minFreeMb = Number(process.env.MIN_FREE_DISK_MB ?? 512);
  if (!Number.isFinite(minFreeMb) || minFreeMb < 0) throw new Error(`MIN_FREE_DISK_MB: a number of megabytes, not "${process.env.MIN_FREE_DISK_MB}"`);
  prepareDataDir(dataDir);
  // PGlite: one process per directory. PostgreSQL: DATA_DIR holds only the admin token, and
  // several processes on one machine may share it.
  const lock = process.env.DATABASE_URL ? undefined : lockDataDir(dataDir);
  const sql = await openDatabase(dataDir);
  tighten(dataDir);
  await migrate(sql);
  const admin = adminTokenFor(dataDir);
  const firstStartFile = join(dataDir, 'first-start.txt');
  const tokenLine = admin.file ? `Admin token (central dashboard, #/admin): in ${admin.file}` : 'Admin token: from ADMIN_TOKEN.';

  const demo = wantsDemo() ? await seedDemoIfEmpty(sql) : null;
  if (demo) {
    const lines = [
      `Friendly Desk — first start. Demo commune: ${demo.name} (${demo.code}).`,
      ...(sql.kind === 'pglite' ? [PGLITE_PROMISE(process.env.PGLITE_FSYNC !== 'off')] : []),
      tokenLine,
      'Enrollment codes (valid 7 days, one tablet each):',
    ];
    for (const kind of DEVICE_KINDS) {
      const { code } = await issueEnrollmentCode(sql, demo.id, kind, new Date(), FIRST_START_CODE_TTL);
      lines.push(`  ${kind.padEnd(8)} ${code}`);
    }
    // The demo's PINs and kiosk code are public (README); real ones are never printed nor stored.
    lines.push(`Demo staff: ${seed.staff.filter((m) => m.active).map((m) => `${m.name} (PIN ${m.pin})`).join(', ')}.`);
    lines.push(`Demo kiosk code (to unlock a kiosk): ${seed.kioskCode}.`);
    writeFileSync(firstStartFile, `${lines.join('\n')}\n`, { mode: 0o600 });
    console.log(lines.join('\n'));
  } else {
    if (sql.kind === 'pglite') console.log(PGLITE_PROMISE(process.env.PGLITE_FSYNC !== 'off'));
    // A new data directory beside an existing database: a new token, nothing seeded.
    if (admin.created) console.log(tokenLine);
    else console.log(`Admin token and first-start enrollment codes: ${existsSync(firstStartFile) ? firstStartFile : admin.file ?? 'ADMIN_TOKEN'}`);
  }

  const { app, close } = createServer({
    sql,
    adminToken: admin.token,
    distDir: resolve(process.env.DIST_DIR ?? 'dist'),
    log: process.env.LOG === '0' ? undefined : (line) => console.log(line),
    // The disk that fills is PGlite's (DATA_DIR); PostgreSQL watches its own.
    lowDisk: sql.kind === 'pglite' ? { dir: dataDir, minFreeBytes: minFreeMb * 1048576 } : undefined,
  });
  const server = serve({ fetch: app.fetch, port, hostname: host, serverOptions: httpServerOptions(limits) }, (info) => {
    const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${info.port}`;
    lock?.setUrl(`http://${host.includes(':') ? `[${host}]` : host}:${info.port}`);
    console.log(`Friendly Desk on ${url} (${sql.kind})`);
  });
  capConnections(server as Server, limits);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: finishing requests, closing the database`);
    server.close(async () => {
      await close();
      lock?.release();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof DataDirBusyError ? `Friendly Desk did not start: ${err.message}` : `Friendly Desk could not start: ${(err as Error).message}`);
  process.exit(1);
});
