import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { z } from '../../domain/zod';
import { isCleanText } from '../../domain';
import { audit, listAudit } from '../audit';
import { errorBody, HttpError } from '../errors';
import { adminAuth, requireAdmin, requireCommune, type AdminVariables } from '../scope';
import type { Sql } from '../sql';
import { createUser, login, logout, zLogin, zNewUser } from '../users';

interface Options {
  sql: Sql;
  adminToken: string;
  now: () => Date;
}

/** A small JSON body checked against a schema; the first problem names its field. */
async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new HttpError(400, 'invalid-body', 'the body is not valid JSON');
  }
  if (!isCleanText(body)) throw new HttpError(400, 'invalid-body', 'text contains NUL or broken Unicode');
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, 'invalid-body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

const small = bodyLimit({ maxSize: 4096, onError: (c) => c.json(errorBody('body-too-large', 'the body is larger than 4096 bytes'), 413) });

/** /api/v1/auth: central users sign in and out; `me` tells the dashboard who a token is. */
export function authRoutes(opts: Options) {
  const app = new Hono<{ Variables: AdminVariables }>();
  app.post('/login', small, async (c) => {
    const input = await readBody(c, zLogin);
    // The client address counts failed logins (behind a proxy, all clients share the proxy's).
    const address = getConnInfo(c).remote.address ?? 'unknown';
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
