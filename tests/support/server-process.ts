import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgliteDataDir } from './pglite-template';
import { freePort } from './ports';

/**
 * The real server as its own process (`src/server/main.ts`), as it runs in production. Without a
 * DATA_DIR it gets a temp one, on PGlite holding a copy of the run's empty cluster (pglite-template.ts).
 */
export async function startServerProcess(
  env: { DATABASE_URL?: string; ADMIN_TOKEN: string; DATA_DIR?: string; PG_POOL_MAX?: string } & Record<string, string | undefined>,
): Promise<{ url: string; pid: number; output: () => string; stop: () => Promise<void>; kill: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env, DATA_DIR: env.DATA_DIR ?? (env.DATABASE_URL ? mkdtempSync(join(tmpdir(), 'friendly-desk-proc-')) : pgliteDataDir('friendly-desk-proc-')), PORT: String(port), HOST: '127.0.0.1', LOG: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 120_000); // PGlite opens in 30 s and more on a loaded machine
    const check = () => {
      if (output.includes(`:${port} (`)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
    /** kill -9: no shutdown handler runs, as in a crash. */
    kill: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGKILL');
      }),
  };
}
