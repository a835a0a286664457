import { PGlite } from '@electric-sql/pglite';
import { fsyncSync } from 'node:fs';

/**
 * PGlite (0.5) starts its postgres with `-F` (fsync off), and the Emscripten file layer under it
 * has no fsync: postgres's fsync() reaches `stream_ops.fsync` of the Node file system mount,
 * which NODEFS does not define, and fdatasync() is a no-op syscall. Commits reach the OS page
 * cache (they survive kill -9) but not the disk (a power cut can lose them).
 *
 * Durable mode: start postgres without `-F`, with `wal_sync_method=fsync` (the one method that
 * goes through fsync()), and give the mount an fsync that calls the real one. Each commit then
 * fsyncs its WAL, and checkpoints fsync the data files, as on PostgreSQL. Measured here: a lone
 * small commit 1.4 → 4.4 ms; a 500-op push pays it once per batch (README, "What the embedded
 * database promises").
 */
export const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'];

interface EmscriptenFs {
  lookupPath(path: string): { node: { mount: { type: { stream_ops: Record<string, unknown>; tryFSOperation?: unknown } } } };
}

/** Give PGlite's Node file system mount a real fsync; throws if this PGlite is not laid out as expected. */
export async function installFsync(db: PGlite): Promise<void> {
  const fs = (db as unknown as { mod?: { FS?: EmscriptenFs } }).mod?.FS;
  // The data directory is mounted at /pglite/data (PGlite's PGDATA) from the host directory.
  const mount = fs?.lookupPath('/pglite/data').node.mount.type;
  if (!mount?.stream_ops || typeof mount.tryFSOperation !== 'function') {
    throw new Error('this PGlite version does not expose its Node file system: cannot commit durably (set PGLITE_FSYNC=off to run without, or use PostgreSQL)');
  }
  mount.stream_ops.fsync = (stream: { nfd: number }) => {
    fsyncSync(stream.nfd);
    return 0;
  };
  const { rows } = await db.query<{ fsync: string }>('SHOW fsync');
  if (rows[0]?.fsync !== 'on') throw new Error('PGlite started with fsync off');
  // Whatever was written before the hook (initdb, start-up) goes to disk now.
  await db.query('CHECKPOINT');
}
