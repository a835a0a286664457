import { serve, type ServerType } from '@hono/node-server';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createServer } from '../../src/server/app';
import { seedDemoIfEmpty } from '../../src/server/communes';
import { migrate } from '../../src/server/migrations';
import { openPglite, openPostgres, type Sql } from '../../src/server/sql';
import seed from '../../src/domain/demo/demo-commune.json';
import { pgliteDataDir } from './pglite-template';
import { startPostgres } from './postgres';

export type Backend = 'pglite' | 'postgres';

export interface TestServer {
  url: string;
  adminToken: string;
  sql: Sql;
  /** The demo commune seeded at start. */
  demoCommuneId: string;
  close(): Promise<void>;
  /** Stop and start again on the same data and port, as after a crash or a deploy. */
  restart(): Promise<void>;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  createCommune(code?: string): Promise<{ id: string; code: string; name: string }>;
  enrollmentCode(communeId: string, kind?: 'counter' | 'kiosk' | 'mobile'): Promise<string>;
  enroll(code: string): Promise<{ deviceId: string; token: string; deviceNo: number; kind: string; commune: { id: string; code: string; name: string } }>;
  /** Shortcut: a fresh device of that kind in that commune. */
  newDevice(communeId: string, kind?: 'counter' | 'kiosk' | 'mobile'): Promise<{ deviceId: string; token: string; deviceNo: number }>;
}

/** A fresh PostgreSQL database inside a running cluster, so test files do not see each other. */
export async function freshDatabase(clusterUrl: string): Promise<string> {
  const name = `fd_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return clusterUrl.replace(/\/[^/]*$/, `/${name}`);
}

/**
 * The real server in this process on 127.0.0.1 (a free port, kept across restarts), over PGlite
 * (in `dataDir`, by default a temp dir holding a copy of the run's empty cluster: pglite-template.ts) or PostgreSQL (`pgUrl`, else a throwaway cluster of its
 * own). close() removes what it made itself: the temp dir, the cluster.
 */
export async function startTestServer(
  opts: { db?: Backend; pgUrl?: string; dataDir?: string; distDir?: string; now?: () => Date; housekeepingEveryOps?: number; trustProxy?: string; pgliteDurable?: boolean; log?: (line: string) => void } = {},
): Promise<TestServer> {
  const backend = opts.db ?? 'pglite';
  const ownDataDir = backend === 'pglite' && !opts.dataDir ? pgliteDataDir() : undefined;
  const dataDir = opts.dataDir ?? ownDataDir ?? '';
  const ownCluster = backend === 'postgres' && !opts.pgUrl ? await startPostgres() : undefined;
  const pgUrl = backend === 'postgres' ? (opts.pgUrl ?? ownCluster!.url) : undefined;
  const adminToken = `test-admin-${Math.random().toString(36).slice(2)}`;
  let port = 0;
  let server: ServerType;
  let sql: Sql;
  let close: () => Promise<void>;
  let demoCommuneId = '';
  let closed = false;

  async function start() {
    sql = pgUrl ? await openPostgres(pgUrl) : await openPglite(join(dataDir, 'pglite'), { durable: opts.pgliteDurable });
    await migrate(sql);
    // Seeded now, or on an earlier start on the same data.
    const demo = (await seedDemoIfEmpty(sql)) ?? (await sql.query<{ id: string }>('SELECT id FROM communes WHERE code = $1', [seed.commune.code])).rows[0];
    demoCommuneId = demo?.id ?? '';
    const made = createServer({ sql, adminToken, distDir: opts.distDir, now: opts.now, housekeepingEveryOps: opts.housekeepingEveryOps, trustProxy: opts.trustProxy ?? '', log: opts.log });
    close = made.close;
    server = serve({ fetch: made.app.fetch, port, hostname: '127.0.0.1' });
    await new Promise<void>((ok) => server.once('listening', () => ok()));
    port = (server.address() as AddressInfo).port;
  }
  async function stop() {
    await new Promise<void>((ok) => {
      server.close(() => ok());
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    await close();
  }
  await start();

  const t: TestServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    adminToken,
    get sql() {
      return sql;
    },
    get demoCommuneId() {
      return demoCommuneId;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await stop();
      ownCluster?.stop();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
    restart: async () => {
      await stop();
      await start();
    },
    admin: (method, path, body) =>
      fetch(`${t.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async createCommune(code = `T${Math.random().toString(36).slice(2, 8)}`) {
      const res = await t.admin('POST', '/api/v1/admin/communes', { code, name: `Xã ${code}`, province: 'Tỉnh Thử' });
      if (res.status !== 201) throw new Error(`createCommune: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async enrollmentCode(communeId, kind = 'counter') {
      const res = await t.admin('POST', '/api/v1/admin/enrollments', { communeId, kind });
      if (res.status !== 201) throw new Error(`enrollmentCode: ${res.status} ${await res.text()}`);
      return (await res.json()).code;
    },
    async enroll(code) {
      const res = await fetch(`${t.url}/api/v1/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
      if (res.status !== 201) throw new Error(`enroll: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async newDevice(communeId, kind = 'counter') {
      return t.enroll(await t.enrollmentCode(communeId, kind));
    },
  };
  return t;
}
