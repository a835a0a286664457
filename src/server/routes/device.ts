import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import { loadConfig } from '../communes';
import { authenticateDevice, enroll } from '../devices';
import { isObject, limit, readJson, type Env, type ServerContext } from '../http';
import { kioskConfig } from '../kiosk-code';

/** A device route's caller, from its bearer token (revoked devices are told so). */
export const deviceAuth = (ctx: ServerContext) => async (c: Context<Env>, next: () => Promise<void>) => {
  c.set('device', await authenticateDevice(ctx.sql, c.req.header('Authorization')));
  await next();
};

/** Enrollment and the config a tablet keeps offline (mounted at /api/v1). */
export function deviceRoutes(ctx: ServerContext) {
  const { sql, now } = ctx;
  const routes = new Hono<Env>();

  routes.post('/enroll', limit(4096), async (c) => {
    const body = await readJson(c);
    const result = await enroll(sql, isObject(body) ? body.code : undefined, ctx.clientKey(c), now());
    return c.json(result, 201);
  });

  routes.get('/config', deviceAuth(ctx), async (c) => {
    const d = c.get('device');
    const config = await loadConfig(sql, d.commune_id);
    const etag = `"${createHash('sha256').update(`${d.commune_id}:${config.version}:${d.kind}`).digest('hex').slice(0, 20)}"`;
    c.header('ETag', etag);
    if (c.req.header('If-None-Match')?.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag)) return c.body(null, 304);
    // A kiosk gets only what a kiosk needs: nothing about staff, procedures or people.
    if (d.kind === 'kiosk') return c.json(await kioskConfig(sql, config));
    return c.json(config);
  });

  return routes;
}
