import { dossierFacts, foldDossier, type CalendarData, type DossierFacts, type DossierState, type FoldOp } from '../../domain';
import seed from '../../domain/demo/demo-commune.json';
import { Params, rowsFrom, type Column } from '../rows';
import type { Sql } from '../sql';
import { OP_FIELDS, rowToOp, type IncomingOp, type StoredRow } from '../stored-op';

/** A folded dossier and its report facts (dossierFacts, worked out once with the commune's calendar). */
export type DossierRowSource = DossierState & { facts: DossierFacts | null };

/** The dossiers report rows: one per dossier, its fold and its facts (reports read these, never the op log). */
export const DOSSIER_COLUMNS: Column<DossierRowSource>[] = [
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
  { name: 'supplement_requests', type: 'int', of: (s) => s.supplementRequests },
  // The report's facts (migration 9), see src/domain/figures/report.ts.
  { name: 'staff_id', type: 'text', of: (s) => s.facts?.staffId || null },
  { name: 'due_effective', type: 'timestamptz', of: (s) => s.facts?.dueAt ?? null },
  { name: 'waiting_since', type: 'timestamptz', of: (s) => s.facts?.waitingSince ?? null },
  { name: 'settled_at', type: 'timestamptz', of: (s) => s.facts?.settledAt ?? null },
  { name: 'withdrawn_at', type: 'timestamptz', of: (s) => s.facts?.withdrawnAt ?? null },
  // Settled or withdrawn, 'infinity' while open: "to handle in a period" is one index range (closed_at >= start).
  { name: 'closed_at', type: 'timestamptz', of: (s) => s.facts?.settledAt ?? s.facts?.withdrawnAt ?? 'infinity' },
  { name: 'timeliness', type: 'text', of: (s) => s.facts?.timeliness ?? null },
  { name: 'working_days', type: 'int', of: (s) => s.facts?.workingDays ?? null },
];

/** The commune's working calendar (a commune made before it had one works by the default). */
export async function communeCalendar(sql: Sql, communeId: string): Promise<CalendarData> {
  const { rows } = await sql.query<{ body: CalendarData }>("SELECT body FROM commune_config WHERE commune_id = $1 AND part = 'calendar'", [communeId]);
  return rows[0]?.body ?? (seed.calendar as CalendarData);
}

const withFacts = (s: DossierState, calendar: CalendarData): DossierRowSource => ({ ...s, facts: dossierFacts(s, calendar) });

/** A batch's dossiers folded from its own ops, with their facts (the calendar is read only when there are any). */
export async function dossierRows(tx: Sql, communeId: string, batchOps: Map<string, FoldOp[]>): Promise<DossierRowSource[]> {
  if (batchOps.size === 0) return [];
  const calendar = await communeCalendar(tx, communeId);
  return [...batchOps].map(([id, ops]) => withFacts(foldDossier(id, ops), calendar));
}

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
export async function refoldDossiers(tx: Sql, communeId: string, ids: string[], calendar?: CalendarData) {
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
  const cal = calendar ?? (await communeCalendar(tx, communeId));
  const p = new Params(communeId);
  const states = ids.map((id) => withFacts(foldDossier(id, byEntity.get(id) ?? []), cal));
  const names = DOSSIER_COLUMNS.map((c) => c.name);
  await tx.query(
    `INSERT INTO dossiers (commune_id, ${names.join(', ')}) SELECT $1, d.* FROM ${rowsFrom(p, 'd', DOSSIER_COLUMNS, states)}
     ON CONFLICT (id) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}
     WHERE dossiers.commune_id = EXCLUDED.commune_id`,
    p.values,
  );
}

/**
 * Migration 9: the facts of the dossiers stored before it (closed_at still null), folded again
 * commune by commune, a thousand at a time.
 */
export async function backfillDossierFacts(tx: Sql): Promise<void> {
  const { rows: communes } = await tx.query<{ commune_id: string }>('SELECT DISTINCT commune_id FROM dossiers WHERE closed_at IS NULL');
  for (const { commune_id: communeId } of communes) {
    const calendar = await communeCalendar(tx, communeId);
    for (;;) {
      const { rows } = await tx.query<{ id: string }>('SELECT id FROM dossiers WHERE commune_id = $1 AND closed_at IS NULL LIMIT 1000', [communeId]);
      if (rows.length === 0) break;
      await refoldDossiers(tx, communeId, rows.map((r) => r.id), calendar);
    }
  }
}
