import { serve } from '@hono/node-server';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import seed from '../domain/demo/demo-commune.json';
import { createServer } from './app';
import { seedDemoIfEmpty } from './communes';
import { DEVICE_KINDS, issueEnrollmentCode } from './devices';
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

export async function openDatabase(dataDir: string): Promise<Sql> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(join(dataDir, 'pglite'));
}

/** One process is the whole product on a laptop: `npm start` → http://localhost:8080. */
async function main() {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const dataDir = resolve(process.env.DATA_DIR ?? 'data');
  mkdirSync(dataDir, { recursive: true });
  const sql = await openDatabase(dataDir);
  await migrate(sql);
  const admin = adminTokenFor(dataDir);
  const firstStartFile = join(dataDir, 'first-start.txt');

  const demo = await seedDemoIfEmpty(sql);
  if (demo) {
    const lines = [
      `Friendly Desk — first start. Demo commune: ${demo.name} (${demo.code}).`,
      admin.file ? `Admin token (central dashboard, #/admin): ${admin.token}   (stored in ${admin.file})` : 'Admin token: from ADMIN_TOKEN.',
      'Enrollment codes (valid 7 days, one tablet each):',
    ];
    for (const kind of DEVICE_KINDS) {
      const { code } = await issueEnrollmentCode(sql, demo.id, kind, new Date(), FIRST_START_CODE_TTL);
      lines.push(`  ${kind.padEnd(8)} ${code}`);
    }
    // The demo's PINs are public (README); real staff PINs are never printed nor stored.
    lines.push(`Demo staff: ${seed.staff.filter((m) => m.active).map((m) => `${m.name} (PIN ${m.pin})`).join(', ')}.`);
    writeFileSync(firstStartFile, `${lines.join('\n')}\n`, { mode: 0o600 });
    console.log(lines.join('\n'));
  } else if (admin.created) {
    // A new data directory beside an existing PostgreSQL database: a new token, nothing seeded.
    console.log(`Admin token (central dashboard, #/admin): ${admin.token}   (stored in ${admin.file})`);
  } else {
    console.log(`Admin token and first-start enrollment codes: ${existsSync(firstStartFile) ? firstStartFile : admin.file ?? 'ADMIN_TOKEN'}`);
  }

  const { app, close } = createServer({
    sql,
    adminToken: admin.token,
    distDir: resolve(process.env.DIST_DIR ?? 'dist'),
    log: process.env.LOG === '0' ? undefined : (line) => console.log(line),
  });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    console.log(`Friendly Desk on http://${host === '127.0.0.1' ? 'localhost' : host}:${info.port} (${sql.kind})`);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: finishing requests, closing the database`);
    server.close(async () => {
      await close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(`Friendly Desk could not start: ${(err as Error).message}`);
  process.exit(1);
});
