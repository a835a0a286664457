import { Hono, type Context } from 'hono';
import { MAX_BATCH_BYTES, MAX_BATCH_OPS, MAX_PULL, PROTOCOL, type PullReply, type PushReply } from '../../domain';
import { loadReferenceIds, type ReferenceIds } from '../communes';
import { cachedDeviceAuth, type Device } from '../devices';
import { HttpError } from '../errors';
import { isObject, limit, parseJson, type Env, type ServerContext } from '../http';
import { lastDeviceSeqOf, recordLastDeviceSeq } from '../device-seq';
import { lowDiskGuard } from '../health';
import { applyBatch, readOps } from '../oplog';
import { opForTablet } from '../pull-privacy';
import { deviceAuth } from './device';

// A kiosk may push surveys only, which name no procedure or clerk: no lists to read for it.
const NO_REFERENCES: ReferenceIds = { procedures: new Set(), staff: new Set() };

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

/** Push and pull (mounted at /api/v1/sync). */
export function syncRoutes(ctx: ServerContext) {
  const { sql, now, upkeep } = ctx;
  const routes = new Hono<Env>();
  const serverTime = () => now().toISOString();

  // Procedure and staff ids per commune and config version. Any config change bumps the version,
  // so a cached entry is never stale, whichever server process changed it.
  const idCache = new Map<string, ReferenceIds>();
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

  // The token is checked before a byte of the body is read (1.1): an anonymous request costs a lookup, not a parse.
  const pushAuth = cachedDeviceAuth(sql);
  const pushDevice = async (c: Context<Env>, next: () => Promise<void>) => {
    const authorization = c.req.header('Authorization');
    if (!authorization) throw new HttpError(401, 'unauthorized', 'a device token is required');
    c.set('device', await pushAuth(authorization));
    await next();
  };

  if (ctx.lowDisk) routes.use('/push', lowDiskGuard(ctx.lowDisk.dir, ctx.lowDisk.minFreeBytes));
  routes.post('/push', pushDevice, limit(MAX_BATCH_BYTES, 'batch-too-large'), async (c) => {
    const d = c.get('device');
    const body = await parseJson(c);
    const ops = checkPushBody(body, d);
    const lastDeviceSeq = lastDeviceSeqOf(body as Record<string, unknown>);
    const known = d.kind === 'kiosk' ? NO_REFERENCES : await referenceIds(d);
    const nowMs = now().getTime();
    const outcome = await sql.transaction(async (tx) => {
      const applied = await applyBatch(tx, d, ops, known, nowMs);
      if (!applied.revoked) await recordLastDeviceSeq(tx, d.id, lastDeviceSeq);
      return applied;
    }, { keyLookupsOnly: true });
    if (outcome.revoked) throw new HttpError(401, 'device-revoked', 'this tablet was revoked');
    upkeep.stored(outcome.results.filter((r) => r.status === 'applied').length);
    const reply: PushReply = { results: outcome.results, serverTime: serverTime() };
    return c.json(reply);
  });

  routes.get('/pull', deviceAuth(ctx), async (c) => {
    const d = c.get('device');
    if (d.kind === 'kiosk') throw new HttpError(403, 'forbidden', 'a kiosk cannot read the commune’s data');
    const after = c.req.query('after') ?? '0';
    const limitRaw = c.req.query('limit') ?? '500';
    if (!/^\d{1,18}$/.test(after)) throw new HttpError(400, 'invalid-query', 'after: an opaque cursor from a previous pull');
    if (!/^\d{1,4}$/.test(limitRaw) || Number(limitRaw) < 1 || Number(limitRaw) > MAX_PULL)
      throw new HttpError(400, 'invalid-query', `limit: 1 to ${MAX_PULL}`);
    const page = await readOps(sql, d.commune_id, after, Number(limitRaw));
    // Kiosk comments stay central: a counter or mobile tablet gets survey answers without them.
    const ops = page.ops.map(opForTablet);
    const hasMore = page.hasMore;
    const reply: PullReply = { ops, cursor: ops.at(-1)?.cursor ?? (after === '0' ? null : after), hasMore, serverTime: serverTime() };
    return c.json(reply);
  });

  return routes;
}
