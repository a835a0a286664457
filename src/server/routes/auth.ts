import { Hono, type Context } from 'hono';
import type { z } from '../../domain/zod';
import { audit, listAudit } from '../audit';
import { HttpError } from '../errors';
import { limit, readJson, type ServerContext } from '../http';
import { adminAuth, requireAdmin, requireCommune, type AdminVariables } from '../scope';
import { createUser, login, logout, zLogin, zNewUser } from '../users';

/** A small JSON body checked against a schema; the first problem names its field. */
async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const body = await readJson(c);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, 'invalid-body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

const small = limit(4096);

/** /api/v1/auth: central users sign in and out; `me` tells the dashboard who a token is. */
export function authRoutes(opts: ServerContext) {
  const app = new Hono<{ Variables: AdminVariables }>();
  app.post('/login', small, async (c) => {
    const input = await readBody(c, zLogin);
    // The client address counts failed logins (TRUST_PROXY and IPv6 /64 as for enrollment: limits.ts).
    const address = opts.clientKey(c);
    return c.json(await login(opts.sql, input, address, opts.now()));
  });
  app.post('/logout', adminAuth(opts), async (c) => {
    await logout(opts.sql, c.var.admin.token);
    return c.body(null, 204);
  });
  // 1.1 addition: who the bearer is and its scope (the dashboard shows it after a reload).
  app.get('/me', adminAuth(opts), (c) => {
    const { userId: _id, name, ...scope } = c.var.admin.actor;
    return c.json({ username: name, ...scope });
  });
  return app;
}

/** /api/v1/admin: accounts and the audit log, behind the admin routes' authentication. */
export function accountRoutes() {
  const app = new Hono<{ Variables: AdminVariables }>();
  app.post('/users', async (c) => {
    requireAdmin(c);
    const user = await createUser(c.var.admin.sql, await readBody(c, zNewUser), c.var.admin.now());
    const scope = user.province ? ` of province ${user.province}` : user.communeId ? ' of a commune' : '';
    await audit(c, { communeId: user.communeId, target: user.id, summary: `created ${user.role} user ${user.username}${scope}`, details: { username: user.username, role: user.role } });
    return c.json(user, 201);
  });
  app.get('/audit', async (c) => {
    const q = c.req.query();
    if (q.communeId) await requireCommune(c, q.communeId);
    return c.json(await listAudit(c.var.admin.sql, c.var.admin, { communeId: q.communeId || undefined, from: q.from || undefined, to: q.to || undefined, actor: q.actor || undefined }));
  });
  return app;
}
