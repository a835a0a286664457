import type { MiddlewareHandler } from 'hono';
import { isUuid } from '../domain';
import { getCommune } from './communes';
import { HttpError } from './errors';
import type { Sql } from './sql';
import { safeEqual } from './tokens';
import { ADMIN_TOKEN_ACTOR, sessionActor, type Actor } from './users';

/**
 * Who may do what on the admin routes (DESIGN.md "Central users (1.1)"): the ADMIN_TOKEN and
 * `admin` users everything; a `province` user the communes of its province; a `commune` user its
 * own commune. Out of scope is 403 forbidden, also for a commune that does not exist (a scoped
 * user learns nothing about communes outside its scope).
 */
export interface AdminScope {
  actor: Actor & { expiresAt?: string };
  /** The bearer token of the request (a session token is ended by logout). */
  token: string;
  sql: Sql;
  now: () => Date;
}

export type AdminVariables = { admin: AdminScope };
type WithScope = { var: AdminVariables };

/** The admin routes' authentication: ADMIN_TOKEN or a live session token; sets `admin` on the context. */
export function adminAuth(opts: { sql: Sql; adminToken: string; now: () => Date }): MiddlewareHandler<{ Variables: AdminVariables }> {
  return async (c, next) => {
    const token = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token) throw new HttpError(401, 'unauthorized', 'the admin token or a session token is required');
    const actor = safeEqual(token, opts.adminToken) ? ADMIN_TOKEN_ACTOR : await sessionActor(opts.sql, token, opts.now());
    if (!actor) throw new HttpError(401, 'unauthorized', 'unknown or expired token; sign in again');
    c.set('admin', { actor, token, sql: opts.sql, now: opts.now });
    await next();
  };
}

const forbidden = () => new HttpError(403, 'forbidden', 'outside your scope');

/** Only an admin (the ADMIN_TOKEN or an `admin` user): creating communes and users. */
export function requireAdmin(c: WithScope): void {
  if (c.var.admin.actor.role !== 'admin') throw forbidden();
}

/** The commune must be in the caller's scope. An admin passes whatever the id (the route answers 404 itself). */
export async function requireCommune(c: WithScope, communeId: unknown): Promise<void> {
  const { actor, sql } = c.var.admin;
  if (actor.role === 'admin') return;
  if (typeof communeId !== 'string') throw forbidden();
  if (actor.role === 'commune') {
    if (communeId !== actor.communeId) throw forbidden();
    return;
  }
  const commune = await getCommune(sql, communeId);
  if (!commune || commune.province !== actor.province) throw forbidden();
}

/** The province must be the caller's (province reports); a commune user sees no province. */
export function requireProvince(c: WithScope, province: string): void {
  const { actor } = c.var.admin;
  if (actor.role !== 'admin' && !(actor.role === 'province' && actor.province === province)) throw forbidden();
}

/** The device's commune must be in scope; returns the device's commune and number (for the audit log), or {} for an unknown device. */
export async function requireDevice(c: WithScope, deviceId: string): Promise<{ communeId?: string; deviceNo?: number }> {
  const { rows } = isUuid(deviceId)
    ? await c.var.admin.sql.query<{ commune_id: string; device_no: number }>('SELECT commune_id, device_no FROM devices WHERE id = $1', [deviceId])
    : { rows: [] };
  // An unknown device is the route's 404 for an admin, and out of scope for anyone else.
  await requireCommune(c, rows[0]?.commune_id);
  return rows[0] ? { communeId: rows[0].commune_id, deviceNo: Number(rows[0].device_no) } : {};
}

/** A SQL condition keeping rows whose commune column is in the actor's scope; parameters from $first. */
export function scopeCondition(actor: Actor, communeColumn: string, first: number): { sql: string; params: unknown[] } {
  if (actor.role === 'province') return { sql: `${communeColumn} IN (SELECT id FROM communes WHERE province = $${first})`, params: [actor.province] };
  if (actor.role === 'commune') return { sql: `${communeColumn} = $${first}`, params: [actor.communeId] };
  return { sql: 'TRUE', params: [] };
}

/** GET /admin/communes: the communes in the caller's scope. */
export async function communesInScope(c: WithScope) {
  const { actor, sql } = c.var.admin;
  const cond = scopeCondition(actor, 'id', 1);
  const { rows } = await sql.query(`SELECT id, code, name, province FROM communes WHERE ${cond.sql} ORDER BY name`, cond.params);
  return rows;
}
