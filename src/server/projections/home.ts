import { foldHomeClient, foldHomeVisit, vnDateTime, type FoldOp, type HomeClient, type HomeVisit, type Op } from '../../domain';
import { jsonText, Params, rowsFrom, type Column } from '../rows';
import type { Sql } from '../sql';
import { OP_FIELDS, rowToOp, type StoredRow } from '../stored-op';

// The report rows of the home service: the reason a person is on the list, when they joined and
// their birth year (longevity letters);
// each visit's date, purpose, outcome and the dossiers dealt with. No name, address or phone.

const CLIENT_COLUMNS: Column<HomeClient>[] = [
  { name: 'id', type: 'uuid', of: (c) => c.id },
  { name: 'reason', type: 'text', of: (c) => c.reason },
  { name: 'registered_at', type: 'timestamptz', of: (c) => c.registeredAt },
  // The longevity letters due (70, 75 … 100+) are counted from it; null once cleared.
  { name: 'birth_year', type: 'integer', of: (c) => c.birthYear ?? null },
];
const VISIT_COLUMNS: Column<HomeVisit>[] = [
  { name: 'id', type: 'uuid', of: (v) => v.id },
  { name: 'client_id', type: 'uuid', of: (v) => v.clientId },
  { name: 'date', type: 'date', of: (v) => v.date },
  { name: 'purpose', type: 'text', of: (v) => v.purpose },
  { name: 'outcome', type: 'text', of: (v) => v.outcome ?? null },
  { name: 'dossier_ids', type: 'jsonb', of: (v) => jsonText(v.dossierIds) },
];

async function upsert<T>(tx: Sql, table: string, communeId: string, columns: Column<T>[], rows: T[]) {
  if (rows.length === 0) return;
  const p = new Params(communeId);
  const names = columns.map((c) => c.name);
  await tx.query(
    `INSERT INTO ${table} (commune_id, ${names.join(', ')}) SELECT $1, r.* FROM ${rowsFrom(p, 'r', columns, rows)}
     ON CONFLICT (id) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')} WHERE ${table}.commune_id = EXCLUDED.commune_id`,
    p.values,
  );
}

/**
 * Fold again the people and visits this batch's stored ops touched, from every op the server holds
 * for them (two tablets' edits meet here as on the tablets). Home ops are few: a push without them
 * costs nothing here.
 */
export async function refoldHome(tx: Sql, communeId: string, applied: Op[]): Promise<void> {
  const ids = [...new Set(applied.filter((op) => op.type.startsWith('home.')).map((op) => op.entityId))];
  if (ids.length === 0) return;
  const { rows } = await tx.query<StoredRow>(
    `SELECT ${OP_FIELDS} FROM ops WHERE commune_id = $1 AND entity_id = ANY($2::uuid[]) AND excluded IS NULL AND type LIKE 'home.%'`,
    [communeId, ids],
  );
  const ops: FoldOp[] = rows.map((r) => ({ ...rowToOp(r), deviceId: r.device_id }));
  const clients = ids.map((id) => foldHomeClient(id, ops)).filter((c): c is HomeClient => Boolean(c));
  const visits = ids.map((id) => foldHomeVisit(id, ops)).filter((v): v is HomeVisit => Boolean(v));
  await upsert(tx, 'home_clients', communeId, CLIENT_COLUMNS, clients);
  await upsert(tx, 'home_visits', communeId, VISIT_COLUMNS, visits);
}

export interface HomeFigures {
  /** People on the list by the end of the period. */
  clients: number;
  /** Visits planned for a day of the period, and those done. */
  visitsPlanned: number;
  visitsDone: number;
  /** Dossiers received at a home in the period, plus those returned at a home on a visit of the period. */
  dossiersAtHome: number;
  dossiersReceivedAtHome: number;
  dossiersReturnedAtHome: number;
  byReason: Record<string, { clients: number; visitsPlanned: number; visitsDone: number }>;
}

/** The `home` block of a commune's report, between two Vietnam dates (inclusive). */
export async function homeFigures(sql: Sql, communeId: string, from: string, to: string): Promise<HomeFigures> {
  const start = vnDateTime(from, '00:00').toISOString();
  const end = new Date(vnDateTime(to, '00:00').getTime() + 86_400_000).toISOString();
  const [byReason, dossiers] = await Promise.all([
    sql.query<{ reason: string; clients: number; planned: number; done: number }>(
      `SELECT c.reason,
              count(DISTINCT c.id) FILTER (WHERE c.registered_at < $4)::int AS clients,
              count(v.id) FILTER (WHERE v.date BETWEEN $2::date AND $3::date)::int AS planned,
              count(v.id) FILTER (WHERE v.date BETWEEN $2::date AND $3::date AND v.outcome = 'done')::int AS done
         FROM home_clients c LEFT JOIN home_visits v ON v.client_id = c.id AND v.commune_id = c.commune_id
        WHERE c.commune_id = $1 GROUP BY c.reason`,
      [communeId, from, to, end],
    ),
    // Received at home: the dossier's channel. Returned at home: listed on a visit of the period
    // that took place, and returned in the period.
    sql.query<{ received: number; returned: number; total: number }>(
      `WITH received AS (
         SELECT id FROM dossiers WHERE commune_id = $1 AND channel = 'home' AND received_at >= $4 AND received_at < $5
       ), returned AS (
         SELECT d.id FROM home_visits v CROSS JOIN LATERAL jsonb_array_elements_text(v.dossier_ids) AS x(id)
           JOIN dossiers d ON d.id = x.id::uuid AND d.commune_id = v.commune_id
          WHERE v.commune_id = $1 AND v.date BETWEEN $2::date AND $3::date AND v.outcome = 'done'
            AND d.returned_at >= $4 AND d.returned_at < $5
       )
       SELECT (SELECT count(*) FROM received)::int AS received, (SELECT count(DISTINCT id) FROM returned)::int AS returned,
              (SELECT count(*) FROM (SELECT id FROM received UNION SELECT id FROM returned) u)::int AS total`,
      [communeId, from, to, start, end],
    ),
  ]);
  const f: HomeFigures = { clients: 0, visitsPlanned: 0, visitsDone: 0, dossiersAtHome: 0, dossiersReceivedAtHome: 0, dossiersReturnedAtHome: 0, byReason: {} };
  for (const r of byReason.rows) {
    f.byReason[r.reason] = { clients: r.clients, visitsPlanned: r.planned, visitsDone: r.done };
    f.clients += r.clients;
    f.visitsPlanned += r.planned;
    f.visitsDone += r.done;
  }
  const d = dossiers.rows[0];
  f.dossiersReceivedAtHome = d.received;
  f.dossiersReturnedAtHome = d.returned;
  f.dossiersAtHome = d.total;
  return f;
}
