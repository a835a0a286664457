import type { Context, MiddlewareHandler } from 'hono';
import { freeBytes } from './datadir';
import { errorBody } from './errors';
import type { Sql } from './sql';

const HEALTH_TIMEOUT_MS = 5_000;

/** GET /healthz: 200 when the database answers a query within 5 s, 503 otherwise (for a load balancer or a watchdog). */
export function healthz(sql: Sql) {
  return async (c: Context) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error('timeout')), HEALTH_TIMEOUT_MS)));
    try {
      await Promise.race([sql.query('SELECT 1'), timeout]);
      return c.json({ ok: true, database: sql.kind }, 200, { 'Cache-Control': 'no-store' });
    } catch {
      return c.json({ ok: false, database: sql.kind, ...errorBody('database-unavailable', 'the database does not answer') }, 503, { 'Cache-Control': 'no-store' });
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Pushes are refused while the disk holding the database has less than `minFreeBytes` free:
 * a full disk once left PGlite spinning at 100 % CPU, answering nothing. Tablets keep the ops
 * and retry with their usual backoff, so nothing is lost; pushes resume by themselves once room
 * is made. Free space is read at most once a second.
 */
export function lowDiskGuard(dir: string, minFreeBytes: number): MiddlewareHandler {
  let checkedAt = 0;
  let free = Infinity;
  return async (c, next) => {
    if (Date.now() - checkedAt > 1000) {
      free = freeBytes(dir);
      checkedAt = Date.now();
    }
    if (free < minFreeBytes) {
      const mb = (n: number) => Math.floor(n / 1048576);
      console.error(`[server] push refused: ${mb(free)} MB free on the data disk, below the ${mb(minFreeBytes)} MB set by MIN_FREE_DISK_MB`);
      return c.json(errorBody('low-disk', `the server's disk is nearly full (${mb(free)} MB free); your changes stay on the tablet and are sent later`), 507);
    }
    await next();
  };
}
