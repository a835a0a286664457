import { longevityDue, vnDateTime, type LetterDeliveredData, type LetterIssuedData, type LetterKind, type Op } from '../../domain';
import { Params, rowsFrom, type Column } from '../rows';
import type { Sql } from '../sql';

/** A letter's report row: what the figures need of letter.issued and letter.delivered, nothing personal. */
interface LetterRow {
  id: string;
  kind: string | null;
  dossierId: string | null;
  clientId: string | null;
  issuedAt: string | null;
  deliveredAt: string | null;
  method: string | null;
}

const LETTER_COLUMNS: Column<LetterRow>[] = [
  { name: 'id', type: 'uuid', of: (r) => r.id },
  { name: 'kind', type: 'text', of: (r) => r.kind },
  { name: 'dossier_id', type: 'uuid', of: (r) => r.dossierId },
  { name: 'client_id', type: 'uuid', of: (r) => r.clientId },
  { name: 'issued_at', type: 'timestamptz', of: (r) => r.issuedAt },
  { name: 'delivered_at', type: 'timestamptz', of: (r) => r.deliveredAt },
  { name: 'delivery_method', type: 'text', of: (r) => r.method },
];

/**
 * One row per letter the batch touched (a row may be written once per statement): its issue, and
 * its earliest delivery. A delivery names its letter by `letterId`, whatever its entity id.
 */
function lettersOf(ops: Op[]): LetterRow[] {
  const rows = new Map<string, LetterRow>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { id, kind: null, dossierId: null, clientId: null, issuedAt: null, deliveredAt: null, method: null }));
    return r;
  };
  for (const op of ops) {
    if (op.type === 'letter.issued') {
      const d = op.data as LetterIssuedData;
      const r = row(op.entityId);
      if (r.issuedAt === null || Date.parse(op.at) < Date.parse(r.issuedAt)) Object.assign(r, { kind: d.kind, dossierId: d.dossierId ?? null, clientId: d.clientId ?? null, issuedAt: op.at });
    } else if (op.type === 'letter.delivered') {
      const d = op.data as LetterDeliveredData;
      const r = row(d.letterId);
      if (r.deliveredAt === null || Date.parse(d.deliveredAt) < Date.parse(r.deliveredAt)) Object.assign(r, { deliveredAt: d.deliveredAt, method: d.method ?? null });
    }
  }
  return [...rows.values()];
}

/**
 * The letters report rows for the ops a push stored (and that count for the figures). The first
 * issue stays; the earliest delivery wins (a second delivery, from another tablet, changes nothing);
 * a delivery naming another commune's letter touches nothing.
 */
export async function projectLetters(tx: Sql, communeId: string, applied: Op[]): Promise<void> {
  const rows = lettersOf(applied);
  if (rows.length === 0) return;
  const p = new Params(communeId);
  const names = LETTER_COLUMNS.map((c) => c.name);
  await tx.query(
    `INSERT INTO letters (commune_id, ${names.join(', ')}) SELECT $1, l.* FROM ${rowsFrom(p, 'l', LETTER_COLUMNS, rows)}
     ON CONFLICT (id) DO UPDATE SET
       kind = COALESCE(letters.kind, EXCLUDED.kind),
       dossier_id = CASE WHEN letters.issued_at IS NULL THEN EXCLUDED.dossier_id ELSE letters.dossier_id END,
       client_id = CASE WHEN letters.issued_at IS NULL THEN EXCLUDED.client_id ELSE letters.client_id END,
       issued_at = COALESCE(letters.issued_at, EXCLUDED.issued_at),
       delivery_method = CASE WHEN letters.delivered_at IS NULL OR EXCLUDED.delivered_at < letters.delivered_at
                              THEN EXCLUDED.delivery_method ELSE letters.delivery_method END,
       delivered_at = LEAST(letters.delivered_at, EXCLUDED.delivered_at)
     WHERE letters.commune_id = EXCLUDED.commune_id`,
    p.values,
  );
}

/**
 * The longevity letters due in the year of `to` (a Vietnam date) and not issued: one 'longevity'
 * per person on the commune's home list (registered by the end of `to`) turning 70, 75 … 95, 100+
 * that year with no longevity letter naming them issued that year. The same rule as the tablets'
 * letters list (longevityDue); the report adds these to the `suggested` of its letters block.
 */
export async function longevitySuggested(sql: Sql, communeId: string, to: string): Promise<LetterKind[]> {
  const due = (await longevityDueIn(sql, [communeId], to)).get(communeId) ?? 0;
  return Array.from({ length: due }, () => 'longevity');
}

/** The same count for several communes at once (a province report): commune id → letters due. */
export async function longevityDueIn(sql: Sql, communeIds: string[], to: string): Promise<Map<string, number>> {
  const year = Number(to.slice(0, 4));
  const end = new Date(vnDateTime(to, '00:00').getTime() + 86_400_000).toISOString();
  const [clients, letters] = await Promise.all([
    sql.query<{ commune_id: string; id: string; birth_year: number }>(
      `SELECT commune_id, id, birth_year FROM home_clients WHERE commune_id = ANY($1::text[]) AND birth_year BETWEEN $2 - 200 AND $2 - 70 AND registered_at < $3`,
      [communeIds, year, end],
    ),
    sql.query<{ client_id: string; issued_at: string | Date }>(
      `SELECT client_id, issued_at FROM letters WHERE commune_id = ANY($1::text[]) AND kind = 'longevity' AND client_id IS NOT NULL AND issued_at IS NOT NULL`,
      [communeIds],
    ),
  ]);
  const due = longevityDue(
    clients.rows.map((c) => ({ id: c.id, birthYear: Number(c.birth_year) })),
    letters.rows.map((l) => ({ kind: 'longevity' as const, clientId: l.client_id, issuedAt: new Date(l.issued_at).toISOString() })),
    year,
  );
  const communeOf = new Map(clients.rows.map((c) => [c.id, c.commune_id]));
  const out = new Map<string, number>();
  for (const d of due) out.set(communeOf.get(d.clientId)!, (out.get(communeOf.get(d.clientId)!) ?? 0) + 1);
  return out;
}
