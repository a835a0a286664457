import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { existsSync } from 'node:fs';
import { errorBody, HttpError, sendError } from './errors';
import { healthz } from './health';
import { housekeeping } from './housekeeping';
import type { Env, ServerContext } from './http';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { deviceRoutes } from './routes/device';
import { syncRoutes } from './routes/sync';
import type { Sql } from './sql';
import { clientKeyReader } from './limits';
import { keepMonthsCounted } from './reports';
import { mountApp } from './web';

export interface ServerOptions {
  sql: Sql;
  adminToken: string;
  /** The built app to serve beside the API; skipped when missing. */
  distDir?: string;
  now?: () => Date;
  /** Request log lines: method, route, status, duration. Nothing personal, no tokens. */
  log?: (line: string) => void;
  /** PGlite only: vacuum and analyze after this many stored ops (see housekeeping.ts). */
  housekeepingEveryOps?: number;
  /** Refuse pushes while the disk holding `dir` has less than `minFreeBytes` free (health.ts). */
  lowDisk?: { dir: string; minFreeBytes: number };
  /** Proxies whose X-Forwarded-For is believed (limits.ts); default: the env's TRUST_PROXY. */
  trustProxy?: string;
  /** How often the finished months no report has kept yet are counted in the background (reports.ts); default 5 minutes. */
  reportMonthsEveryMs?: number;
}

/** The central server: middleware, then one mount line per area (routes/<area>.ts hold the HTTP, SQL lives beside them). */
export function createServer(opts: ServerOptions) {
  const { sql } = opts;
  const ctx: ServerContext = {
    sql,
    adminToken: opts.adminToken,
    now: opts.now ?? (() => new Date()),
    upkeep: housekeeping(sql, opts.housekeepingEveryOps),
    clientKey: clientKeyReader(opts.trustProxy),
    lowDisk: opts.lowDisk,
  };
  const months = keepMonthsCounted(sql, ctx.now, opts.reportMonthsEveryMs ?? 5 * 60_000);
  const app = new Hono<Env>();

  app.onError((err, c) => {
    if (err instanceof HttpError) return sendError(c, err);
    // Unexpected: say nothing about internals to the client. A database error's message may quote
    // the data it choked on, so the log keeps only its SQLSTATE code.
    const { name, message, code } = err as Error & { code?: unknown };
    const what = typeof code === 'string' ? `${name} ${code}` : `${name}: ${message.slice(0, 200)}`;
    console.error(`[server] ${c.req.method} ${c.req.routePath} 500 ${what}`);
    return c.json(errorBody('internal-error', 'the server could not handle this request'), 500);
  });
  if (opts.log) {
    const log = opts.log;
    app.use('/api/*', async (c, next) => {
      const t0 = performance.now();
      await next();
      log(`${c.req.method} ${c.req.routePath} ${c.res.status} ${Math.round(performance.now() - t0)}ms`);
    });
  }
  app.use('/api/*', secureHeaders());
  app.use('/api/*', async (c, next) => {
    // Set before the handler, so the response is made with it: setting a header on a finished
    // response makes Hono copy it into a stream, which the Node adapter then reads chunk by chunk
    // (a push answer took that slow path). A response made some other way gets it after.
    c.header('Cache-Control', 'no-store');
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  app.get('/healthz', healthz(sql));
  app.route('/api/v1', deviceRoutes(ctx));
  app.route('/api/v1/sync', syncRoutes(ctx));
  app.route('/api/v1/auth', authRoutes(ctx));
  app.route('/api/v1/admin', adminRoutes(ctx));
  app.all('/api/*', (c) => c.json(errorBody('not-found', 'no such API route'), 404));

  if (opts.distDir && existsSync(opts.distDir)) mountApp(app as unknown as Hono, opts.distDir);

  return {
    app,
    close: async () => {
      await ctx.upkeep.idle();
      await months.idle();
      await sql.close();
    },
  };
}
