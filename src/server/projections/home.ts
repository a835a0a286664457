import { foldHomeClient, foldHomeVisit, type FoldOp, type HomeClient, type HomeVisit, type Op } from '../../domain';
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
