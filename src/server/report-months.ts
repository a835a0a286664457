import type { Sql } from './sql';

/*
 * Finished months' report counts, kept (issue 18: a province's year in well under a second). A
 * period's counts are the sum of its pieces' (src/server/reports.ts › composePieces), so a report
 * reads the months that are over from here and counts only the rest. A month is kept per commune
 * as the raw counts its queries return, before any config is applied (letter kinds and the survey's
 * checklist mapping are applied when reading), so a config change needs no invalidation.
 *
 * Kept counts go stale when a row they were counted from changes. Statement triggers on the
 * report tables delete a commune's kept months from the earliest month a changed row can affect:
 * - a dossier: from its receipt (it is counted from then on), or from its code's first answer if
 *   that came earlier (the receiving officer's satisfaction counts answers by their month);
 * - an answer: from its month (a new first answer for a code only demotes later ones);
 * - a checklist record: from its date's month;
 * - a letter for a dossier: from the dossier's receipt (the letters it still calls for).
 * A back-dated push thus empties a month or two; a correction to a year-old dossier, a year.
 *
 * Filling and emptying must not cross: a month counted from data a concurrent push is changing
 * would be kept stale. Both take the commune's advisory lock (filling shared, emptying exclusive),
 * and filling counts only after it holds the lock, so it sees every push that emptied before it.
 */

/** The Vietnam month (its first day) of a timestamptz expression, as SQL. */
export const vnMonth = (ts: string) => `(date_trunc('month', (${ts} AT TIME ZONE 'UTC') + interval '7 hours')::date)`;

const LOCK = (communeId: string) => `hashtext('report_months:' || ${communeId})`;

/** Per table, the earliest month a changed row `r` can affect (NULL: none). */
const STALE_FROM: Record<string, string> = {
  dossiers: `LEAST(${vnMonth('r.received_at')}, ${vnMonth('(SELECT min(s.at) FROM surveys s WHERE s.commune_id = r.commune_id AND s.dossier_code = r.code)')})`,
  surveys: vnMonth('r.at'),
  checklist_records: `(left(r.date, 7) || '-01')::date`,
  letters: vnMonth('(SELECT d.received_at FROM dossiers d WHERE d.id = r.dossier_id AND d.commune_id = r.commune_id)'),
};

/** Migration 11's code part: the kept months' table and the triggers that empty them. */
export async function installReportMonths(tx: Sql): Promise<void> {
  await tx.query(`CREATE TABLE report_months (
    commune_id text NOT NULL,
    month date NOT NULL,
    counts jsonb NOT NULL,
    PRIMARY KEY (commune_id, month)
  )`);
  // The transition tables are named alike in every trigger, so one function serves them all; the
  // table's "earliest month" expression comes as the trigger's argument.
  await tx.query(`CREATE FUNCTION report_months_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_advisory_xact_lock(${LOCK('c')}) FROM (SELECT DISTINCT commune_id AS c FROM new_rows ORDER BY 1) x;
        EXECUTE format('DELETE FROM report_months k USING (SELECT r.commune_id, min(%s) AS m FROM new_rows r GROUP BY r.commune_id) x
                         WHERE k.commune_id = x.commune_id AND k.month >= x.m', TG_ARGV[0]);
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_advisory_xact_lock(${LOCK('c')}) FROM (SELECT DISTINCT commune_id AS c FROM old_rows ORDER BY 1) x;
        EXECUTE format('DELETE FROM report_months k USING (SELECT r.commune_id, min(%s) AS m FROM old_rows r GROUP BY r.commune_id) x
                         WHERE k.commune_id = x.commune_id AND k.month >= x.m', TG_ARGV[0]);
      END IF;
      RETURN NULL;
    END $$`);
  for (const [table, from] of Object.entries(STALE_FROM)) {
    const arg = from.replaceAll("'", "''");
    for (const [event, referencing] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
    ]) {
      await tx.query(
        `CREATE TRIGGER ${table}_report_months_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING ${referencing}
           FOR EACH STATEMENT EXECUTE FUNCTION report_months_stale('${arg}')`,
      );
    }
  }
}

/**
 * The kept counts of these communes for a finished month, filling in the missing ones with
 * `count` (run with the communes' locks held, inside one transaction) and keeping them.
 */
export async function keptMonth<T>(sql: Sql, communeIds: string[], month: string, count: (tx: Sql, communeIds: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>> {
  const read = async (db: Sql) => {
    const { rows } = await db.query<{ commune_id: string; counts: T }>('SELECT commune_id, counts FROM report_months WHERE commune_id = ANY($1::text[]) AND month = $2::date', [communeIds, month]);
    return new Map(rows.map((r) => [r.commune_id, r.counts]));
  };
  const kept = await read(sql);
  const missing = communeIds.filter((id) => !kept.has(id));
  if (missing.length === 0) return kept;
  const filled = await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock_shared(${LOCK('c')}) FROM (SELECT unnest($1::text[]) AS c ORDER BY 1) x`, [[...missing].sort()]);
    const counted = await count(tx, missing);
    await tx.query(
      `INSERT INTO report_months (commune_id, month, counts) SELECT key, $2::date, value FROM jsonb_each($1::jsonb)
       ON CONFLICT (commune_id, month) DO UPDATE SET counts = EXCLUDED.counts`,
      [JSON.stringify(Object.fromEntries(counted)), month],
    );
    return counted;
  });
  for (const [id, c] of filled) kept.set(id, c);
  return kept;
}
