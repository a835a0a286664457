import { foldDossier, type DossierState, type FoldOp } from '../../domain';
import { Params, rowsFrom, type Column } from '../rows';
import type { Sql } from '../sql';
import { OP_FIELDS, rowToOp, type IncomingOp, type StoredRow } from '../stored-op';

/** The dossiers report rows: one per dossier, its fold (reports read these, never the op log). */
export const DOSSIER_COLUMNS: Column<DossierState>[] = [
  { name: 'id', type: 'uuid', of: (s) => s.id },
  { name: 'code', type: 'text', of: (s) => s.code || null },
  { name: 'procedure_id', type: 'text', of: (s) => s.procedureId || null },
  { name: 'channel', type: 'text', of: (s) => s.channel },
  { name: 'status', type: 'text', of: (s) => s.status },
  { name: 'received_at', type: 'timestamptz', of: (s) => s.receivedAt || null },
  { name: 'due_at', type: 'timestamptz', of: (s) => s.dueAt || null },
  { name: 'processed_at', type: 'timestamptz', of: (s) => s.processedAt ?? null },
  { name: 'returned_at', type: 'timestamptz', of: (s) => s.returnedAt ?? null },
  { name: 'extended', type: 'boolean', of: (s) => s.extended },
  { name: 'flags', type: 'jsonb', of: (s) => JSON.stringify(s.flags) },
  { name: 'supplement_periods', type: 'jsonb', of: (s) => JSON.stringify(s.supplementPeriods) },
];

/** A batch's dossier ops that count for the figures, by dossier. */
export function dossierOpsOf(fresh: IncomingOp[]): Map<string, FoldOp[]> {
  const byDossier = new Map<string, FoldOp[]>();
  for (const { op, excluded } of fresh) {
    if (!op.type.startsWith('dossier.') || excluded) continue;
    const list = byDossier.get(op.entityId) ?? [];
    list.push(op);
    byDossier.set(op.entityId, list);
  }
  return byDossier;
}

/** Fold these dossiers again from every op stored for them that counts, and write the report rows. */
export async function refoldDossiers(tx: Sql, communeId: string, ids: string[]) {
  const { rows } = await tx.query<StoredRow>(
    `SELECT ${OP_FIELDS} FROM ops WHERE commune_id = $1 AND entity_id = ANY($2::uuid[]) AND excluded IS NULL`,
    [communeId, ids],
  );
  const byEntity = new Map<string, FoldOp[]>();
  for (const r of rows) {
    const list = byEntity.get(r.entity_id) ?? [];
    list.push({ ...rowToOp(r), deviceId: r.device_id });
    byEntity.set(r.entity_id, list);
  }
  const p = new Params(communeId);
  const states = ids.map((id) => foldDossier(id, byEntity.get(id) ?? []));
  const names = DOSSIER_COLUMNS.map((c) => c.name);
  await tx.query(
    `INSERT INTO dossiers (commune_id, ${names.join(', ')}) SELECT $1, d.* FROM ${rowsFrom(p, 'd', DOSSIER_COLUMNS, states)}
     ON CONFLICT (id) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}
     WHERE dossiers.commune_id = EXCLUDED.commune_id`,
    p.values,
  );
}
