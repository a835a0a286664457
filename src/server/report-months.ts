import type { Sql } from './sql';

/*
 * Finished months' report counts, kept (issue 18: a province's year in well under a second). A
 * period's counts are the sum of its pieces' (src/server/reports.ts › composePieces), so a report
 * reads the months that are over from here, added up by SQL into one piece, and counts only the
 * rest. A month is kept per commune as the raw counts its queries return, before any config is
 * applied (letter kinds and the survey's checklist mapping are applied when reading), so a config
 * change needs no invalidation. `report_months` marks a commune's month kept; its rows are in
 * report_month_groups / _answers / _items (migration 11), deleted with the mark.
 *
 * Kept counts go stale when a row they were counted from changes. Statement triggers on the
 * report tables delete a commune's kept months from the earliest month a changed row can affect:
 * - a dossier: from its receipt (it is counted from then on, and so are the answers the receiving
 *   officer gets for it: only those given at or after the receipt);
 * - an answer: from its month (a new first answer for a code only demotes later ones);
 * - a checklist record: from its date's month;
 * - a letter for a dossier: from the dossier's receipt (the letters it still calls for).
 * A back-dated push thus empties a month or two; a correction to a year-old dossier, a year.
 *
 * Counting, reading and emptying must not cross: a month counted from data a concurrent push is
 * changing would be kept stale, and a month emptied while a report adds the kept ones up would be
 * missed. Readers take the communes' advisory locks shared, the triggers exclusive, and readers
 * count only once they hold them, so they see every push that emptied before them.
 */

/** A settlement-table group's counts, as SQL returns them. */
export type SettlementRow = {
  commune_id: string;
  procedure_id: string | null;
  staff_id: string | null;
  carried_over: number;
  received: number;
  counter: number;
  home: number;
  online: number;
  early: number;
  on_time: number;
  late: number;
  withdrawn: number;
  open_within: number;
  open_overdue: number;
  at_home: number;
  working_days: number;
};

/**
 * A group's row: the settlement table, and the letters its dossiers received in the period still
 * call for before the commune's config is applied (the procedure's letter once the result is
 * ready, for whichever kind the procedure has; the apology when extended or settled late).
 */
export type GroupRow = SettlementRow & { ready_no_congratulation: number; ready_no_condolence: number; apology_static: number };

export const GROUP_NUMBERS = [
  'carried_over',
  'received',
  'counter',
  'home',
  'online',
  'early',
  'on_time',
  'late',
  'withdrawn',
  'open_within',
  'open_overdue',
  'at_home',
  'working_days',
  'ready_no_congratulation',
  'ready_no_condolence',
  'apology_static',
] as const;

export type SatisfactionRow = { commune_id: string; kind: 'rating' | 'criterion' | 'hour' | 'comments' | 'answer' | 'officer'; key: string | null; rating: string | null; n: number; satisfied: number };
export type ItemRow = { commune_id: string; template_id: string; item_id: string; mode: string; checks: number; yes: number };

/** What a piece of a period counts for one commune: the counts that add up. */
export interface PieceCounts {
  groups: GroupRow[];
  satisfaction: SatisfactionRow[];
  records: { done: number; skipped: number };
  items: ItemRow[];
}

export const emptyPiece = (): PieceCounts => ({ groups: [], satisfaction: [], records: { done: 0, skipped: 0 }, items: [] });

/** Vietnam wall time of a timestamptz expression, whatever the session's time zone, as SQL. */
export const vnLocal = (ts: string) => `((${ts} AT TIME ZONE 'UTC') + interval '7 hours')`;

/** The Vietnam month (its first day) of a timestamptz expression, as SQL. */
const vnMonth = (ts: string) => `(date_trunc('month', ${vnLocal(ts)})::date)`;

const LOCK = (communeId: string) => `hashtext('report_months:' || ${communeId})`;

/** Per table, the earliest month a changed row `r` can affect (NULL: none). */
const STALE_FROM: Record<string, string> = {
  dossiers: vnMonth('r.received_at'),
  surveys: vnMonth('r.at'),
  checklist_records: `(left(r.date, 7) || '-01')::date`,
  letters: vnMonth('(SELECT d.received_at FROM dossiers d WHERE d.id = r.dossier_id AND d.commune_id = r.commune_id)'),
};

/** Migration 11's code part: the triggers that empty kept months (a PL/pgSQL body does not split on semicolons). */
export async function installReportMonths(tx: Sql): Promise<void> {
  // The transition tables are named alike in every trigger, so one function serves them all; the
  // table's "earliest month" expression comes as the trigger's argument. One pass over the changed
  // rows: the earliest month per commune, then that commune's lock and its kept months from then
  // on (in commune order, as readers take the locks).
  await tx.query(`CREATE FUNCTION report_months_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      x record;
    BEGIN
      FOR x IN EXECUTE format('SELECT r.commune_id, min(%s) AS m FROM %s r GROUP BY 1 ORDER BY 1', TG_ARGV[0], CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END) LOOP
        PERFORM pg_advisory_xact_lock(${LOCK('x.commune_id')});
        DELETE FROM report_months WHERE commune_id = x.commune_id AND month >= x.m;
      END LOOP;
      -- An update may also have moved a row out of an earlier month.
      IF TG_OP = 'UPDATE' THEN
        FOR x IN EXECUTE format('SELECT r.commune_id, min(%s) AS m FROM old_rows r GROUP BY 1 ORDER BY 1', TG_ARGV[0]) LOOP
          PERFORM pg_advisory_xact_lock(${LOCK('x.commune_id')});
          DELETE FROM report_months WHERE commune_id = x.commune_id AND month >= x.m;
        END LOOP;
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

/** Counts a month (its first day) for these communes. */
export type CountMonth = (tx: Sql, communeIds: string[], month: string) => Promise<Map<string, PieceCounts>>;

const GROUP_RECORD = `commune_id text, procedure_id text, staff_id text, ${GROUP_NUMBERS.map((k) => `${k} int`).join(', ')}`;

/**
 * Keep a counted month: its mark and its rows. Two reports may count the same month at once: the
 * one whose mark goes in first keeps its rows, the other's are dropped (both counted the same).
 */
async function keep(tx: Sql, month: string, counted: Map<string, PieceCounts>): Promise<void> {
  const json = (rows: unknown[]) => JSON.stringify(rows);
  const { rows: marked } = await tx.query<{ commune_id: string }>(
    `INSERT INTO report_months (commune_id, month, records_done, records_skipped)
     SELECT commune_id, $2::date, done, skipped FROM jsonb_to_recordset($1::jsonb) AS x(commune_id text, done int, skipped int)
     ON CONFLICT (commune_id, month) DO NOTHING RETURNING commune_id`,
    [json([...counted].map(([communeId, p]) => ({ commune_id: communeId, ...p.records }))), month],
  );
  const all = marked.map((r) => counted.get(r.commune_id)!);
  await tx.query(
    `INSERT INTO report_month_groups (month, commune_id, procedure_id, staff_id, ${GROUP_NUMBERS.join(', ')})
     SELECT $2::date, * FROM jsonb_to_recordset($1::jsonb) AS x(${GROUP_RECORD})`,
    [json(all.flatMap((p) => p.groups)), month],
  );
  await tx.query(
    `INSERT INTO report_month_answers (month, commune_id, kind, key, rating, n, satisfied)
     SELECT $2::date, * FROM jsonb_to_recordset($1::jsonb) AS x(commune_id text, kind text, key text, rating text, n int, satisfied int)`,
    [json(all.flatMap((p) => p.satisfaction)), month],
  );
  await tx.query(
    `INSERT INTO report_month_items (month, commune_id, template_id, item_id, mode, checks, yes)
     SELECT $2::date, * FROM jsonb_to_recordset($1::jsonb) AS x(commune_id text, template_id text, item_id text, mode text, checks int, yes int)`,
    [json(all.flatMap((p) => p.items)), month],
  );
}

/** The months first … last (first days) not kept yet, with the communes missing each. */
async function missingMonths(sql: Sql, communeIds: string[], first: string, last: string): Promise<Map<string, string[]>> {
  const { rows } = await sql.query<{ commune_id: string; month: string }>(
    `SELECT c AS commune_id, to_char(m, 'YYYY-MM-DD') AS month FROM unnest($1::text[]) c, generate_series($2::date, $3::date, interval '1 month') m
      WHERE NOT EXISTS (SELECT 1 FROM report_months k WHERE k.commune_id = c AND k.month = m::date)`,
    [communeIds, first, last],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.month, [...(out.get(r.month) ?? []), r.commune_id]);
  return out;
}

const lockShared = (tx: Sql, communeIds: string[]) =>
  tx.query(`SELECT pg_advisory_xact_lock_shared(${LOCK('c')}) FROM (SELECT unnest($1::text[]) AS c ORDER BY 1) x`, [communeIds]);

/** In one transaction under the communes' locks: count and keep what is missing of first … last, then `then`. */
function underLocks<T>(sql: Sql, communeIds: string[], first: string, last: string, count: CountMonth, then: (tx: Sql) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    await lockShared(tx, communeIds);
    for (const [month, ids] of await missingMonths(tx, communeIds, first, last)) await keep(tx, month, await count(tx, ids, month));
    return then(tx);
  });
}

/**
 * Count and keep the months first … last (first days) these communes do not have kept yet: each
 * month in its own transaction, side by side (PostgreSQL counts them on several connections).
 */
export async function keepMonths(sql: Sql, communeIds: string[], first: string, last: string, count: CountMonth): Promise<void> {
  const missing = await missingMonths(sql, communeIds, first, last);
  await Promise.all([...missing].map(([month, ids]) => underLocks(sql, ids, month, month, count, async () => undefined)));
}

/** Added up by SQL: the kept months first … last of these communes as one piece (carried over from the first, open from the last). */
async function readKept(tx: Sql, communeIds: string[], first: string, last: string): Promise<Map<string, PieceCounts>> {
  const span = 'commune_id = ANY($1::text[]) AND month BETWEEN $2::date AND $3::date';
  const sum = (k: (typeof GROUP_NUMBERS)[number]) =>
    k === 'carried_over' ? `COALESCE(sum(${k}) FILTER (WHERE month = $2::date), 0)::int AS ${k}` : k.startsWith('open_') ? `COALESCE(sum(${k}) FILTER (WHERE month = $3::date), 0)::int AS ${k}` : `sum(${k})::int AS ${k}`;
  const params = [communeIds, first, last];
  const groups = await tx.query<GroupRow>(`SELECT commune_id, procedure_id, staff_id, ${GROUP_NUMBERS.map(sum).join(', ')} FROM report_month_groups WHERE ${span} GROUP BY 1, 2, 3`, params);
  const answers = await tx.query<SatisfactionRow>(
    `SELECT commune_id, kind, key, rating, sum(n)::int AS n, sum(satisfied)::int AS satisfied FROM report_month_answers WHERE ${span} GROUP BY 1, 2, 3, 4`,
    params,
  );
  const items = await tx.query<ItemRow>(`SELECT commune_id, template_id, item_id, mode, sum(checks)::int AS checks, sum(yes)::int AS yes FROM report_month_items WHERE ${span} GROUP BY 1, 2, 3, 4`, params);
  const records = await tx.query<{ commune_id: string; done: number; skipped: number }>(
    `SELECT commune_id, sum(records_done)::int AS done, sum(records_skipped)::int AS skipped FROM report_months WHERE ${span} GROUP BY 1`,
    params,
  );
  const out = new Map(communeIds.map((id) => [id, emptyPiece()]));
  for (const r of groups.rows) out.get(r.commune_id)!.groups.push(r);
  for (const r of answers.rows) out.get(r.commune_id)!.satisfaction.push(r);
  for (const r of items.rows) out.get(r.commune_id)!.items.push(r);
  for (const r of records.rows) out.get(r.commune_id)!.records = { done: r.done, skipped: r.skipped };
  return out;
}

/**
 * The finished months first … last (first days) of these communes added up as one piece, counting
 * and keeping those not kept yet. The months are counted first, side by side; then, under the
 * locks, whatever a push emptied meanwhile is counted again and the months are added up.
 */
export async function keptMonths(sql: Sql, communeIds: string[], first: string, last: string, count: CountMonth): Promise<Map<string, PieceCounts>> {
  await keepMonths(sql, communeIds, first, last, count);
  return underLocks(sql, communeIds, first, last, count, (tx) => readKept(tx, communeIds, first, last));
}

/** A month's settlement table over all these communes, and its answers by rating: what a trend draws. */
export interface MonthTotals {
  total: Omit<GroupRow, 'commune_id' | 'procedure_id' | 'staff_id'>;
  ratings: { rating: string; n: number }[];
}

/** The trend's kept months first … last, each summed over these communes by SQL (a dozen rows, whatever the province). */
export async function keptMonthTotals(sql: Sql, communeIds: string[], first: string, last: string, count: CountMonth): Promise<Map<string, MonthTotals>> {
  await keepMonths(sql, communeIds, first, last, count);
  return underLocks(sql, communeIds, first, last, count, async (tx) => {
    const span = 'commune_id = ANY($1::text[]) AND month BETWEEN $2::date AND $3::date';
    const params = [communeIds, first, last];
    const totals = await tx.query<{ month: string } & MonthTotals['total']>(
      `SELECT to_char(month, 'YYYY-MM-DD') AS month, ${GROUP_NUMBERS.map((k) => `sum(${k})::int AS ${k}`).join(', ')} FROM report_month_groups WHERE ${span} GROUP BY month`,
      params,
    );
    const ratings = await tx.query<{ month: string; rating: string; n: number }>(
      `SELECT to_char(month, 'YYYY-MM-DD') AS month, rating, sum(n)::int AS n FROM report_month_answers WHERE ${span} AND kind = 'rating' GROUP BY month, rating`,
      params,
    );
    const { rows: months } = await tx.query<{ month: string }>(`SELECT DISTINCT to_char(month, 'YYYY-MM-DD') AS month FROM report_months WHERE ${span}`, params);
    const out = new Map<string, MonthTotals>(
      months.map((m) => [m.month, { total: Object.fromEntries(GROUP_NUMBERS.map((k) => [k, 0])) as MonthTotals['total'], ratings: [] }]),
    );
    for (const { month, ...t } of totals.rows) out.get(month)!.total = t;
    for (const r of ratings.rows) out.get(r.month)!.ratings.push({ rating: r.rating, n: r.n });
    return out;
  });
}
