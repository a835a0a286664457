import { isCleanText, vnDateTime } from '../domain';
import { HttpError } from './errors';
import { scopeCondition, type AdminScope } from './scope';
import type { Sql } from './sql';

/**
 * The audit log: every admin change with who, when and what. A summary names the kind of change
 * and counts, never a PIN, a password, an enrollment code or anyone's personal data.
 */
export interface AuditEntry {
  communeId?: string;
  /** What was changed: a device id, a user id, a config part. */
  target?: string;
  summary: string;
  /** The same facts as named values, for the dashboard to say in the reader's language. */
  details?: Record<string, string | number>;
}

/** Record a change made by this request's actor (the route is the request's). */
export async function audit(c: { var: { admin: AdminScope }; req: { method: string; routePath: string } }, entry: AuditEntry): Promise<void> {
  const { actor, sql, now } = c.var.admin;
  await sql.query(
    'INSERT INTO audit_log (at, actor_id, actor, route, commune_id, target, summary, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [
      now().toISOString(),
      actor.userId,
      actor.name,
      `${c.req.method} ${c.req.routePath}`,
      entry.communeId ?? null,
      entry.target ?? null,
      entry.summary,
      entry.details ? JSON.stringify(entry.details) : null,
    ],
  );
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;
export const AUDIT_PAGE = 500;

export interface AuditQuery {
  communeId?: string;
  /** Vietnam dates YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  /** A username, or 'admin-token'. */
  actor?: string;
}

/** Audit entries in the caller's scope, newest first (at most AUDIT_PAGE). */
export async function listAudit(sql: Sql, scope: AdminScope, q: AuditQuery) {
  for (const [name, value] of Object.entries(q)) {
    if (value !== undefined && (value.length > 100 || !isCleanText(value))) throw new HttpError(400, 'invalid-query', `${name}: too long or not text`);
  }
  if ((q.from && !DATE_KEY.test(q.from)) || (q.to && !DATE_KEY.test(q.to)) || (q.from && q.to && q.from > q.to)) {
    throw new HttpError(400, 'invalid-query', 'from and to: YYYY-MM-DD, from ≤ to');
  }
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (condition: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(condition(params.length));
  };
  const inScope = scopeCondition(scope.actor, 'commune_id', params.length + 1);
  where.push(inScope.sql);
  params.push(...inScope.params);
  if (q.communeId) add((n) => `commune_id = $${n}`, q.communeId);
  if (q.from) add((n) => `at >= $${n}`, vnDateTime(q.from!, '00:00').toISOString());
  if (q.to) add((n) => `at < $${n}`, new Date(vnDateTime(q.to!, '00:00').getTime() + 86_400_000).toISOString());
  if (q.actor) add((n) => `actor = $${n}`, q.actor.trim().toLowerCase());
  const { rows } = await sql.query<{
    id: string;
    at: string | Date;
    actor: string;
    route: string;
    commune_id: string | null;
    target: string | null;
    summary: string;
    details: Record<string, string | number> | null;
  }>(
    `SELECT id, at, actor, route, commune_id, target, summary, details FROM audit_log
      WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ${AUDIT_PAGE}`,
    params,
  );
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    route: r.route,
    ...(r.commune_id ? { communeId: r.commune_id } : {}),
    ...(r.target ? { target: r.target } : {}),
    summary: r.summary,
    ...(r.details ? { details: r.details } : {}),
  }));
}
