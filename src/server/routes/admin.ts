import { Hono, type Context } from 'hono';
import { addDaysToKey, isCleanText, isDateKey, MAX_BATCH_BYTES, vnDateKey } from '../../domain';
import { CONFIG_PARTS, createCommune, editableConfig, getCommune, listCommunes, loadConfig, putConfigPart, zNewCommune, type ConfigPart } from '../communes';
import { backupRoute } from '../backup';
import { DEVICE_KINDS, issueEnrollmentCode, listDevices, revokeDevice, type DeviceKind } from '../devices';
import { HttpError } from '../errors';
import { isObject, limit, readJson, type ServerContext } from '../http';
import { communeReport } from '../reports';
import { safeEqual } from '../tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The central admin API (mounted at /api/v1/admin), behind the admin token. */
export function adminRoutes(ctx: ServerContext) {
  const { sql, now } = ctx;
  const routes = new Hono();

  // The token first, then the body limit: nothing of an anonymous body is read.
  routes.use(
    '*',
    async (c, next) => {
      const token = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
      if (!token || !safeEqual(token, ctx.adminToken)) throw new HttpError(401, 'unauthorized', 'the admin token is required');
      await next();
    },
    limit(MAX_BATCH_BYTES),
  );

  routes.get('/communes', async (c) => c.json(await listCommunes(sql)));

  routes.post('/communes', async (c) => {
    const parsed = zNewCommune.safeParse(await readJson(c));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new HttpError(400, 'invalid-body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    return c.json(await createCommune(sql, parsed.data), 201);
  });

  routes.post('/enrollments', async (c) => {
    const body = await readJson(c);
    if (!isObject(body) || typeof body.communeId !== 'string') throw new HttpError(400, 'invalid-body', 'communeId: a string is required');
    if (!DEVICE_KINDS.includes(body.kind as DeviceKind)) throw new HttpError(400, 'invalid-body', `kind: one of ${DEVICE_KINDS.join(', ')}`);
    return c.json(await issueEnrollmentCode(sql, body.communeId, body.kind as DeviceKind, now()), 201);
  });

  routes.get('/backup', backupRoute(sql));
  routes.post('/devices/:id/revoke', async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id)) throw new HttpError(404, 'not-found', 'no such device');
    return c.json(await revokeDevice(sql, id, now()));
  });

  const communeParam = async (c: Context) => {
    const id = c.req.query('communeId') ?? '';
    if (!id || id.length > 100 || !isCleanText(id) || !(await getCommune(sql, id))) throw new HttpError(404, 'not-found', 'communeId: no such commune');
    return id;
  };

  routes.get('/devices', async (c) => c.json(await listDevices(sql, await communeParam(c), now())));

  routes.get('/reports', async (c) => {
    const communeId = await communeParam(c);
    // Both optional (1.1): the first day of the current month to today, in Vietnam.
    const today = vnDateKey(now());
    const from = c.req.query('from') ?? `${today.slice(0, 8)}01`;
    const to = c.req.query('to') ?? today;
    if (!isDateKey(from) || !isDateKey(to) || from > to || to > addDaysToKey(from, 3660))
      throw new HttpError(400, 'invalid-query', 'from and to: real dates YYYY-MM-DD, from ≤ to, at most ten years apart');
    const config = await loadConfig(sql, communeId);
    return c.json(await communeReport(sql, communeId, config, from, to, now()));
  });

  // Read back as edited (1.1): staff with names and roles, never PIN hashes.
  routes.get('/communes/:id/config', async (c) => c.json(await editableConfig(sql, c.req.param('id'))));
  routes.get('/communes/:id/config/:part', async (c) => {
    const part = c.req.param('part');
    if (!(CONFIG_PARTS as readonly string[]).includes(part)) throw new HttpError(404, 'not-found', `unknown config part "${part.slice(0, 64)}"`);
    const config = await editableConfig(sql, c.req.param('id'));
    return c.json(config[part as ConfigPart]);
  });

  routes.put('/communes/:id/config/:part', async (c) => {
    const version = await putConfigPart(sql, c.req.param('id'), c.req.param('part'), await readJson(c));
    return c.json({ version });
  });

  return routes;
}
