import { Hono, type Context } from 'hono';
import { addDaysToKey, isCleanText, isDateKey, isUuid, MAX_BATCH_BYTES, vnDateKey } from '../../domain';
import { CONFIG_PARTS, createCommune, editableConfig, getCommune, putConfigPart, zNewCommune, type ConfigPart } from '../communes';
import { backupRoute } from '../backup';
import { DEVICE_KINDS, issueEnrollmentCode, listDevices, revokeDevice, type DeviceKind } from '../devices';
import { HttpError } from '../errors';
import { isObject, limit, readJson, type ServerContext } from '../http';
import { commentCommune, commentsOf, communeReport, markCommentHandled, monthlyTrend, monthsBetween, provinceCommunes, provinceReport } from '../reports';
import { audit } from '../audit';
import { adminAuth, communesInScope, requireAdmin, requireCommune, requireDevice, requireProvince, type AdminVariables } from '../scope';
import { accountRoutes } from './auth';

type AdminEnv = { Variables: AdminVariables };

/** The trend route's longest span (three years of months). */
const MAX_TREND_MONTHS = 36;

/**
 * The central admin API (mounted at /api/v1/admin), behind the admin token or a central user's
 * session (scope.ts); each route checks the scope it touches and every change goes to the audit log.
 */
export function adminRoutes(ctx: ServerContext) {
  const { sql, now } = ctx;
  const routes = new Hono<AdminEnv>();

  // The token first, then the body limit: nothing of an anonymous body is read.
  routes.use('*', adminAuth(ctx), limit(MAX_BATCH_BYTES));
  routes.route('/', accountRoutes());

  routes.get('/communes', async (c) => c.json(await communesInScope(c)));

  routes.post('/communes', async (c) => {
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

  routes.post('/enrollments', async (c) => {
    const body = await readJson(c);
    if (!isObject(body) || typeof body.communeId !== 'string') throw new HttpError(400, 'invalid-body', 'communeId: a string is required');
    if (!DEVICE_KINDS.includes(body.kind as DeviceKind)) throw new HttpError(400, 'invalid-body', `kind: one of ${DEVICE_KINDS.join(', ')}`);
    await requireCommune(c, body.communeId);
    const issued = await issueEnrollmentCode(sql, body.communeId, body.kind as DeviceKind, now());
    await audit(c, { communeId: body.communeId, summary: `issued an enrollment code for a ${body.kind} tablet`, details: { kind: body.kind as DeviceKind } }); // never the code itself
    return c.json(issued, 201);
  });

  // The whole database: the root credential or an admin only.
  routes.get('/backup', async (c) => {
    requireAdmin(c);
    return backupRoute(sql)(c);
  });
  routes.post('/devices/:id/revoke', async (c) => {
    const id = c.req.param('id');
    const { communeId, deviceNo } = await requireDevice(c, id);
    if (!isUuid(id)) throw new HttpError(404, 'not-found', 'no such device');
    const revoked = await revokeDevice(sql, id, now());
    await audit(c, { communeId, target: revoked.id, summary: `revoked tablet no. ${deviceNo}`, details: { deviceNo: deviceNo! } });
    return c.json(revoked);
  });

  const communeParam = async (c: Context<AdminEnv>) => {
    const id = c.req.query('communeId') ?? '';
    await requireCommune(c, id);
    if (!id || id.length > 100 || !isCleanText(id) || !(await getCommune(sql, id))) throw new HttpError(404, 'not-found', 'communeId: no such commune');
    return id;
  };

  routes.get('/devices', async (c) => c.json(await listDevices(sql, await communeParam(c), now())));

  // Reports (1.1 and its extensions, README "Contract notes"): one commune, or a province side by side.
  const dateRange = (c: Context<AdminEnv>) => {
    // Both optional (1.1): the first day of the current month to today, in Vietnam.
    const today = vnDateKey(now());
    const from = c.req.query('from') ?? `${today.slice(0, 8)}01`;
    const to = c.req.query('to') ?? today;
    if (!isDateKey(from) || !isDateKey(to) || from > to || to > addDaysToKey(from, 3660))
      throw new HttpError(400, 'invalid-query', 'from and to: real dates YYYY-MM-DD, from ≤ to, at most ten years apart');
    return { from, to };
  };
  const idParam = (c: Context<AdminEnv>, name: 'procedureId' | 'staffId') => {
    const v = c.req.query(name);
    if (v === undefined) return undefined;
    if (!v || v.length > 100 || !isCleanText(v)) throw new HttpError(400, 'invalid-query', `${name}: 1 to 100 characters`);
    return v;
  };
  /** communeId= or province= (exactly one); a province is the caller's own (an admin's any). */
  const reportScope = async (c: Context<AdminEnv>): Promise<{ communeId: string } | { province: string }> => {
    const province = c.req.query('province');
    if (province === undefined) return { communeId: await communeParam(c) };
    if (c.req.query('communeId') !== undefined) throw new HttpError(400, 'invalid-query', 'communeId or province, not both');
    if (!province || province.length > 100 || !isCleanText(province)) throw new HttpError(400, 'invalid-query', 'province: 1 to 100 characters');
    requireProvince(c, province);
    return { province };
  };

  routes.get('/reports', async (c) => {
    const scope = await reportScope(c);
    const { from, to } = dateRange(c);
    const filter = { procedureId: idParam(c, 'procedureId'), staffId: idParam(c, 'staffId') };
    if ('province' in scope) return c.json(await provinceReport(sql, scope.province, from, to, now(), filter));
    return c.json(await communeReport(sql, scope.communeId, from, to, now(), filter));
  });

  routes.get('/reports/monthly', async (c) => {
    const scope = await reportScope(c);
    const [from, to] = [c.req.query('from'), c.req.query('to')];
    const month = /^\d{4}-(0[1-9]|1[0-2])$/;
    if (!from || !to || !month.test(from) || !month.test(to) || from > to || monthsBetween(from, to).length > MAX_TREND_MONTHS)
      throw new HttpError(400, 'invalid-query', `from and to: months YYYY-MM, from ≤ to, at most ${MAX_TREND_MONTHS} months`);
    const ids = 'province' in scope ? (await provinceCommunes(sql, scope.province)).map((r) => r.id) : [scope.communeId];
    return c.json({ months: await monthlyTrend(sql, ids, from, to, now()) });
  });

  routes.get('/reports/comments', async (c) => {
    const communeId = await communeParam(c);
    const { from, to } = dateRange(c);
    return c.json({ comments: await commentsOf(sql, communeId, from, to) });
  });

  routes.post('/comments/:opId/handled', async (c) => {
    const opId = c.req.param('opId').toLowerCase();
    const communeId = isUuid(opId) ? await commentCommune(sql, opId) : undefined;
    // An unknown comment is out of scope for anyone but an admin (nothing learnt about other communes).
    await requireCommune(c, communeId);
    if (!communeId) throw new HttpError(404, 'not-found', 'no such comment');
    const body = c.req.header('Content-Length') === '0' ? {} : await readJson(c);
    const note = isObject(body) ? body.note : undefined;
    if (!isObject(body) || (note !== undefined && (typeof note !== 'string' || note.length > 1000 || !isCleanText(note))))
      throw new HttpError(400, 'invalid-body', 'note: a text of at most 1000 characters');
    const at = now().toISOString();
    const by = c.var.admin.actor.name;
    await markCommentHandled(sql, opId, by, at, note);
    // The note stays on the comment; the log says only that it was handled (no citizen's words in it).
    await audit(c, { communeId, target: opId, summary: 'marked a citizen comment handled' });
    return c.json({ opId, handled: { by, at, ...(note ? { note } : {}) } });
  });

  // Read back as edited (1.1): staff with names and roles, never PIN hashes.
  routes.get('/communes/:id/config', async (c) => {
    await requireCommune(c, c.req.param('id'));
    return c.json(await editableConfig(sql, c.req.param('id')));
  });
  routes.get('/communes/:id/config/:part', async (c) => {
    await requireCommune(c, c.req.param('id'));
    const part = c.req.param('part');
    if (!(CONFIG_PARTS as readonly string[]).includes(part)) throw new HttpError(404, 'not-found', `unknown config part "${part.slice(0, 64)}"`);
    const config = await editableConfig(sql, c.req.param('id'));
    return c.json(config[part as ConfigPart]);
  });

  routes.put('/communes/:id/config/:part', async (c) => {
    await requireCommune(c, c.req.param('id'));
    const version = await putConfigPart(sql, c.req.param('id'), c.req.param('part'), await readJson(c));
    await audit(c, { communeId: c.req.param('id'), target: c.req.param('part'), summary: `saved config ${c.req.param('part')}, version ${version}`, details: { part: c.req.param('part'), version } });
    return c.json({ version });
  });

  return routes;
}
