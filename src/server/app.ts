import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { getConnInfo } from '@hono/node-server/conninfo';
import { existsSync } from 'node:fs';
import { isCleanText } from '../domain';
import { createHash } from 'node:crypto';
import { communeReport } from './reports';
import { createCommune, getCommune, loadConfig, loadReferenceIds, putConfigPart, zNewCommune, type ReferenceIds } from './communes';
import { authenticateDevice, cachedDeviceAuth, DEVICE_KINDS, enroll, issueEnrollmentCode, listDevices, revokeDevice, type Device, type DeviceKind } from './devices';
import { errorBody, HttpError, sendError } from './errors';
import { housekeeping } from './housekeeping';
import { applyBatch, rowToOp, type StoredRow } from './push';
import type { Sql } from './sql';
import { audit } from './audit';
import { accountRoutes, authRoutes } from './routes/auth';
import { adminAuth, communesInScope, requireAdmin, requireCommune, requireDevice, type AdminVariables } from './scope';
import { mountApp } from './web';

export const PROTOCOL = 1;
export const MAX_BATCH_OPS = 500;
export const MAX_BATCH_BYTES = 1024 * 1024;
export const MAX_PULL = 1000;

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
}

type Env = { Variables: { device: Device } & AdminVariables };

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-body', 'the body is not valid JSON');
  }
  // The push route checks per op (one bad op must not fail its batch); everywhere else the whole body.
  if (c.req.path !== '/api/v1/sync/push' && !isCleanText(body)) throw new HttpError(400, 'invalid-body', 'text contains NUL or broken Unicode');
  return body;
}

// A kiosk may push surveys only, which name no procedure or clerk: no lists to read for it.
const NO_REFERENCES: ReferenceIds = { procedures: new Set(), staff: new Set() };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** The push envelope, checked in the contract's order; the ops themselves are checked one by one. */
function checkPushBody(body: unknown, d: Device): unknown[] {
  if (!isObject(body)) throw new HttpError(400, 'invalid-body', 'the body must be an object {protocol, deviceId, ops}');
  if (typeof body.protocol !== 'number' || !Number.isInteger(body.protocol)) throw new HttpError(400, 'invalid-body', 'protocol: a whole number is required');
  if (body.protocol < PROTOCOL) throw new HttpError(426, 'client-too-old', `this server speaks protocol ${PROTOCOL}; update the app`);
  if (body.protocol > PROTOCOL) throw new HttpError(426, 'server-too-old', `this server speaks protocol ${PROTOCOL} only`);
  if (!Array.isArray(body.ops)) throw new HttpError(400, 'invalid-body', 'ops: an array is required');
  if (typeof body.deviceId !== 'string') throw new HttpError(400, 'invalid-body', 'deviceId: a string is required');
  if (body.ops.length > MAX_BATCH_OPS) throw new HttpError(413, 'batch-too-large', `at most ${MAX_BATCH_OPS} ops per request`);
  if (body.deviceId.toLowerCase() !== d.id) throw new HttpError(403, 'forbidden', 'deviceId does not match the device token');
  return body.ops;
}

export function createServer(opts: ServerOptions) {
  const { sql } = opts;
  const now = opts.now ?? (() => new Date());
  const app = new Hono<Env>();
  const serverTime = () => now().toISOString();
  const upkeep = housekeeping(sql, opts.housekeepingEveryOps);

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
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const limit = (maxSize: number, code = 'body-too-large') =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        // The rest of the body is never read: close the connection so the client does not reuse it mid-upload.
        c.header('Connection', 'close');
        return c.json(errorBody(code, `the body is larger than ${maxSize} bytes`), 413);
      },
    });

  // Procedure and staff ids per commune and config version. Any config change bumps the version,
  // so a cached entry is never stale, whichever server process changed it.
  const idCache = new Map<string, Awaited<ReturnType<typeof loadReferenceIds>>>();
  const referenceIds = async (d: Device) => {
    const key = `${d.commune_id}:${d.config_version}`;
    let ids = idCache.get(key);
    if (!ids) {
      ids = await loadReferenceIds(sql, d.commune_id);
      if (idCache.size >= 1000) idCache.delete(idCache.keys().next().value!);
      idCache.set(key, ids);
    }
    return ids;
  };

  // ---- device API ----
  const device = async (c: Context<Env>, next: () => Promise<void>) => {
    c.set('device', await authenticateDevice(sql, c.req.header('Authorization')));
    await next();
  };

  app.post('/api/v1/enroll', limit(4096), async (c) => {
    const body = await readJson(c);
    const info = getConnInfo(c);
    const result = await enroll(sql, isObject(body) ? body.code : undefined, info.remote.address ?? 'unknown', now());
    return c.json(result, 201);
  });

  app.get('/api/v1/config', device, async (c) => {
    const d = c.get('device');
    const config = await loadConfig(sql, d.commune_id);
    const etag = `"${createHash('sha256').update(`${d.commune_id}:${config.version}:${d.kind}`).digest('hex').slice(0, 20)}"`;
    c.header('ETag', etag);
    if (c.req.header('If-None-Match')?.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag)) return c.body(null, 304);
    // A kiosk gets only what a kiosk needs: nothing about staff, procedures or people.
    if (d.kind === 'kiosk') {
      const { id, code, name } = config.commune;
      // Salted PIN hashes only (no names): staff leave kiosk mode with their PIN.
      const staffPins = config.staff.filter((m) => m.active).map(({ pinSalt, pinHash }) => ({ pinSalt, pinHash }));
      return c.json({ version: config.version, commune: { id, code, name }, survey: config.survey, staffPins });
    }
    return c.json(config);
  });

  // The body is read first (at most 1 MiB), but answered in the contract's order: token, then body.
  const pushAuth = cachedDeviceAuth(sql);
  app.post('/api/v1/sync/push', limit(MAX_BATCH_BYTES, 'batch-too-large'), async (c) => {
    const authorization = c.req.header('Authorization');
    if (!authorization) throw new HttpError(401, 'unauthorized', 'a device token is required');
    let body: unknown;
    let bodyError: unknown;
    try {
      body = await readJson(c);
    } catch (err) {
      // The body limit answers its own 413; anything else waits until the token is checked.
      if (!(err instanceof HttpError)) throw err;
      bodyError = err;
    }
    const d = await pushAuth(authorization);
    if (bodyError) throw bodyError;
    const ops = checkPushBody(body, d);
    const known = d.kind === 'kiosk' ? NO_REFERENCES : await referenceIds(d);
    const results = await sql.transaction((tx) => applyBatch(tx, d, ops, known), { keyLookupsOnly: true });
    upkeep.stored(results.filter((r) => r.status === 'applied').length);
    return c.json({ results, serverTime: serverTime() });
  });

  app.get('/api/v1/sync/pull', device, async (c) => {
    const d = c.get('device');
    if (d.kind === 'kiosk') throw new HttpError(403, 'forbidden', 'a kiosk cannot read the commune’s data');
    const after = c.req.query('after') ?? '0';
    const limitRaw = c.req.query('limit') ?? '500';
    if (!/^\d{1,18}$/.test(after)) throw new HttpError(400, 'invalid-query', 'after: an opaque cursor from a previous pull');
    if (!/^\d{1,4}$/.test(limitRaw) || Number(limitRaw) < 1 || Number(limitRaw) > MAX_PULL)
      throw new HttpError(400, 'invalid-query', `limit: 1 to ${MAX_PULL}`);
    const n = Number(limitRaw);
    const { rows } = await sql.query<StoredRow & { seq: string }>(
      `SELECT seq, op_id, device_id, device_seq, type, entity_id, at, hlc, data FROM ops
        WHERE commune_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [d.commune_id, after, n + 1],
    );
    const page = rows.slice(0, n);
    const ops = page.map((r) => ({ ...rowToOp(r), deviceId: r.device_id, cursor: String(r.seq) }));
    return c.json({ ops, cursor: ops.at(-1)?.cursor ?? (after === '0' ? null : after), hasMore: rows.length > n, serverTime: serverTime() });
  });

  // ---- admin API ----
  // ADMIN_TOKEN or a central user's session (scope.ts); each route checks the scope it touches.
  app.use('/api/v1/admin/*', limit(MAX_BATCH_BYTES), adminAuth({ sql, adminToken: opts.adminToken, now }));
  app.route('/api/v1/auth', authRoutes({ sql, adminToken: opts.adminToken, now }));
  app.route('/api/v1/admin', accountRoutes());

  app.get('/api/v1/admin/communes', async (c) => c.json(await communesInScope(c)));

  app.post('/api/v1/admin/communes', async (c) => {
    requireAdmin(c);
    const parsed = zNewCommune.safeParse(await readJson(c));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, 'invalid-body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const commune = await createCommune(sql, parsed.data);
    await audit(c, { communeId: commune.id, target: commune.id, summary: `created commune ${commune.code} (${commune.name}, ${commune.province})`, details: { code: commune.code } });
    return c.json(commune, 201);
  });

  app.post('/api/v1/admin/enrollments', async (c) => {
    const body = await readJson(c);
    if (!isObject(body) || typeof body.communeId !== 'string') throw new HttpError(400, 'invalid-body', 'communeId: a string is required');
    if (!DEVICE_KINDS.includes(body.kind as DeviceKind)) throw new HttpError(400, 'invalid-body', `kind: one of ${DEVICE_KINDS.join(', ')}`);
    await requireCommune(c, body.communeId);
    const issued = await issueEnrollmentCode(sql, body.communeId, body.kind as DeviceKind, now());
    await audit(c, { communeId: body.communeId, summary: `issued an enrollment code for a ${body.kind} tablet`, details: { kind: body.kind as DeviceKind } }); // never the code itself
    return c.json(issued, 201);
  });

  app.post('/api/v1/admin/devices/:id/revoke', async (c) => {
    const { communeId, deviceNo } = await requireDevice(c, c.req.param('id'));
    const revoked = await revokeDevice(sql, c.req.param('id'), now());
    await audit(c, { communeId, target: revoked.id, summary: `revoked tablet no. ${deviceNo}`, details: { deviceNo: deviceNo! } });
    return c.json(revoked);
  });

  const communeParam = async (c: Context<Env>) => {
    const id = c.req.query('communeId') ?? '';
    await requireCommune(c, id);
    if (!id || id.length > 100 || !isCleanText(id) || !(await getCommune(sql, id))) throw new HttpError(404, 'not-found', 'communeId: no such commune');
    return id;
  };

  app.get('/api/v1/admin/devices', async (c) => c.json(await listDevices(sql, await communeParam(c))));

  app.get('/api/v1/admin/reports', async (c) => {
    const communeId = await communeParam(c);
    const from = c.req.query('from') ?? '';
    const to = c.req.query('to') ?? '';
    if (!DATE_KEY.test(from) || !DATE_KEY.test(to) || from > to) throw new HttpError(400, 'invalid-query', 'from and to: YYYY-MM-DD, from ≤ to');
    const config = await loadConfig(sql, communeId);
    return c.json(await communeReport(sql, communeId, config.calendar, from, to, now()));
  });

  app.put('/api/v1/admin/communes/:id/config/:part', async (c) => {
    await requireCommune(c, c.req.param('id'));
    const version = await putConfigPart(sql, c.req.param('id'), c.req.param('part'), await readJson(c));
    await audit(c, { communeId: c.req.param('id'), target: c.req.param('part'), summary: `saved config ${c.req.param('part')}, version ${version}`, details: { part: c.req.param('part'), version } });
    return c.json({ version });
  });

  app.all('/api/*', (c) => c.json(errorBody('not-found', 'no such API route'), 404));

  if (opts.distDir && existsSync(opts.distDir)) mountApp(app as unknown as Hono, opts.distDir);

  return {
    app,
    close: async () => {
      await upkeep.idle();
      await sql.close();
    },
  };
}
