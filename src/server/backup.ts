import { PGlite } from '@electric-sql/pglite';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'hono';
import { lockDataDir, lockHolder, prepareDataDir, tighten } from './datadir';
import { HttpError } from './errors';
import type { Sql } from './sql';

/**
 * Backups a person can run (`npm run backup`, `npm run restore`; README "Backups").
 * PostgreSQL: pg_dump's custom format and pg_restore. PGlite: a tarball of the data directory,
 * taken by the process that holds it (a copy of files under a running database is not
 * consistent): the running server makes it on request, or, when none runs, this process opens
 * the directory itself, under the same lock.
 */

const PGLITE = 'pglite';

/** GET /api/v1/admin/backup: the running PGlite server's data directory, as a gzipped tarball. */
export function backupRoute(sql: Sql) {
  return async (c: Context) => {
    if (!sql.dumpDataDir) throw new HttpError(404, 'not-found', 'this server runs on PostgreSQL: back it up with pg_dump (npm run backup)');
    const tarball = await sql.dumpDataDir();
    return c.body(await tarball.arrayBuffer(), 200, { 'Content-Type': 'application/gzip' });
  };
}

/** pg_dump / pg_restore of the installed PostgreSQL (PG_BIN, else PATH, else Debian's place). */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  if (process.env.PG_BIN) return join(process.env.PG_BIN, name);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const newest = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of newest) if (existsSync(join(debian, v, 'bin', name))) return join(debian, v, 'bin', name);
  }
  return name;
}

export interface BackupEnv {
  dataDir: string;
  databaseUrl?: string;
  adminToken?: string;
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

export function defaultBackupFile(env: BackupEnv): string {
  return join(env.dataDir, '..', 'backups', `friendly-desk-${stamp()}.${env.databaseUrl ? 'pgdump' : 'tar.gz'}`);
}

/** Write a backup to `file` (owner-only). */
export async function backup(env: BackupEnv, file: string): Promise<void> {
  process.umask(0o077);
  if (env.databaseUrl) {
    execFileSync(pgTool('pg_dump'), ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${env.databaseUrl}`], { stdio: ['ignore', 'inherit', 'inherit'] });
    return;
  }
  const holder = lockHolder(env.dataDir);
  if (holder) {
    if (!holder.url) throw new Error(`the server (pid ${holder.pid}) holding ${env.dataDir} is still starting; try again in a moment`);
    const token = env.adminToken || readFileSync(join(env.dataDir, 'admin-token'), 'utf8').trim();
    const res = await fetch(`${holder.url}/api/v1/admin/backup`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`the server answered ${res.status}: ${await res.text()}`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()), { mode: 0o600 });
    return;
  }
  const lock = lockDataDir(env.dataDir, 'process (server, backup or restore)');
  try {
    const db = await PGlite.create(join(env.dataDir, PGLITE));
    try {
      await db.query('CHECKPOINT');
      writeFileSync(file, Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer()), { mode: 0o600 });
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

/**
 * Put a backup back. PostgreSQL: into the database of DATABASE_URL (its objects replaced).
 * PGlite: only with the server stopped; the current directory is kept aside, never deleted.
 * Returns how many ops the restored database holds, as a check a person can read.
 */
export async function restore(env: BackupEnv, file: string): Promise<{ ops: number; keptAside?: string }> {
  if (!existsSync(file)) throw new Error(`${file}: no such backup`);
  if (env.databaseUrl) {
    execFileSync(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${env.databaseUrl}`, file], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: env.databaseUrl });
    await client.connect();
    try {
      return { ops: Number((await client.query('SELECT count(*) AS n FROM ops')).rows[0].n) };
    } finally {
      await client.end();
    }
  }
  prepareDataDir(env.dataDir);
  const lock = lockDataDir(env.dataDir, 'process (server, backup or restore)');
  try {
    const dir = join(env.dataDir, PGLITE);
    let keptAside: string | undefined;
    if (existsSync(dir)) {
      keptAside = `${dir}.before-restore-${stamp()}`;
      renameSync(dir, keptAside);
    }
    const db = await PGlite.create(dir, { loadDataDir: new Blob([readFileSync(file)]) });
    try {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM ops');
      await db.query('CHECKPOINT');
      return { ops: Number(rows[0].n), keptAside };
    } finally {
      await db.close();
      tighten(env.dataDir); // the tarball's files arrive 0666
    }
  } finally {
    lock.release();
  }
}
