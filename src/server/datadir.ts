import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The server's data directory: readable by the server's user only, and held by one process at
 * a time. Two PGlite processes on one directory each see only their own writes and leave it
 * unreadable; the lock file refuses the second one before it opens anything.
 */

/** Owner-only from the start: every file this process (and PGlite inside it) creates is 0600, every directory 0700. */
export function prepareDataDir(dir: string): void {
  process.umask(0o077);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A directory made by an older version (0755, files 0666) is tightened too.
  tighten(dir);
}

/**
 * Every directory 0700, every file 0600. Needed again after PGlite opens a new directory: its
 * first start copies the initial cluster in with explicit 0666 modes (umask does not apply to
 * chmod); the files it writes later follow the umask.
 */
export function tighten(path: string): void {
  chmodSync(path, 0o700);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) tighten(child);
    else if (entry.isFile()) chmodSync(child, 0o600);
  }
}

export const LOCK_FILE = 'server.lock';

export interface DataDirLock {
  /** Says where this process answers, so `npm run backup` can ask it for a consistent copy. */
  setUrl(url: string): void;
  release(): void;
}

export interface LockHolder {
  pid: number;
  url?: string;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The live process holding this directory, if any (a lock left by a killed process does not count). */
export function lockHolder(dir: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) && alive(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

export class DataDirBusyError extends Error {}

/**
 * Take the directory for this process. The lock file is created exclusively (O_EXCL), so of two
 * processes starting at once exactly one wins; a lock whose process is gone (kill -9, power cut)
 * is taken over.
 */
export function lockDataDir(dir: string, what = 'server'): DataDirLock {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      const write = (holder: LockHolder) => {
        writeSync(fd, JSON.stringify(holder), 0);
      };
      write({ pid: process.pid });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        closeSync(fd);
        rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { setUrl: (url) => write({ pid: process.pid, url }), release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = lockHolder(dir);
      if (holder) {
        throw new DataDirBusyError(
          `${dir} is in use by another Friendly Desk process (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''}). ` +
            `One ${what} per DATA_DIR: stop that one first, or give this one another DATA_DIR.`,
        );
      }
      // Stale: its process is gone. Remove it and try again (once; a race with another starter is lost cleanly).
      if (attempt > 0) throw new DataDirBusyError(`${dir}: could not take ${file}; is another process starting?`);
      rmSync(file, { force: true });
    }
  }
}

/** Free bytes for an unprivileged writer on the file system holding `dir`. */
export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

