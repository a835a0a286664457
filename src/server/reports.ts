import {
  citizenItemAnswers,
  emptySettlementCounts,
  EXCLUSION_REASONS,
  finishLetters,
  finishSatisfaction,
  finishSettlement,
  officerRows,
  breakdownRows,
  addSettlementCounts,
  reportPeriod,
  CHECK_MODES,
  type ChecklistBlock,
  type ChecklistItemFigures,
  type CommuneReport,
  type ExcludedFigures,
  type HomeFigures,
  type LetterCounts,
  type LetterKind,
  type ProcedureRow,
  type ProvinceReport,
  type SatisfactionCounts,
  type SettlementCounts,
  type SurveyDefinition,
  type TrendPoint,
  lastDayOfMonth,
  vnDateKey,
} from '../domain';
import type { Sql } from './sql';
import { longevityDueIn } from './projections/letters';
import { emptyPiece, GROUP_NUMBERS, vnLocal, keepMonths, keptMonths, keptMonthTotals, type CountMonth, type GroupRow, type MonthTotals, type PieceCounts, type SatisfactionRow, type SettlementRow } from './report-months';

/*
 * Reports by SQL aggregation over the projection tables (DESIGN.md › Figures; issue 18): the
 * dossiers' facts are columns (migration 9), so a province's period is a few GROUP BY statements
 * over index ranges, never dossiers loaded into Node. The conditions are those of countDossier and
 * countedSurveys in src/domain/figures/report.ts, and the counts are finished into figures by the
 * same domain functions the tablets use. Finished months are counted once and kept
 * (report-months.ts): a period is its pieces composed (piecesOf, composePieces), and only the
 * months not kept are counted when a report is asked for.
 */

export interface ReportFilter {
  procedureId?: string;
  staffId?: string;
}

interface Bounds {
  /** Period start, end (exclusive) and the instant open dossiers are judged at (end, or now). */
  start: string;
  end: string;
  at: string;
}

/** Open at `at` and past due then: overdueAt() of the domain. $n is the instant. */
const overdueAt = (at: string) => `(CASE WHEN waiting_since <= ${at} THEN waiting_since > due_effective ELSE due_effective < ${at} END)`;


const settlementCountsOfRow = (r: SettlementRow): SettlementCounts => ({
  carriedOver: r.carried_over,
  received: r.received,
  receivedByChannel: { counter: r.counter, home: r.home, online: r.online },
  early: r.early,
  onTime: r.on_time,
  late: r.late,
  withdrawn: r.withdrawn,
  openWithinTime: r.open_within,
  openOverdue: r.open_overdue,
  atHome: r.at_home,
  workingDays: Number(r.working_days),
});

/**
 * Dossiers that add up piece by piece: closed (settled or withdrawn, not both) no earlier than
 * received. The others, closed before they were received by clocks out of step, are counted whole
 * for the period (OUT_OF_ORDER; migration 11's partial index has exactly this predicate).
 */
const IN_ORDER = '(closed_at >= received_at AND (settled_at IS NULL OR withdrawn_at IS NULL))';
const OUT_OF_ORDER = `NOT ${IN_ORDER}`;


/**
 * The one scan of the dossiers: the settlement table per commune, procedure and receiving officer
 * (to handle = received before the end and closed — settled or withdrawn — at or after the start).
 * One group per (commune, procedure, officer), a few thousand rows for a province, summed in Node;
 * a drill-down keeps the groups of its procedure or officer. `which`: the dossiers that add up by
 * pieces, or the few that do not.
 */
async function groupQuery(sql: Sql, communeIds: string[], b: Bounds, which: typeof IN_ORDER | typeof OUT_OF_ORDER): Promise<GroupRow[]> {
  const settled = 'settled_at >= $2 AND settled_at < $3';
  const received = 'received_at >= $2';
  const { rows } = await sql.query<GroupRow>(
    `SELECT d.commune_id, d.procedure_id, d.staff_id,
            count(*) FILTER (WHERE received_at < $2)::int AS carried_over,
            count(*) FILTER (WHERE ${received})::int AS received,
            count(*) FILTER (WHERE ${received} AND channel = 'counter')::int AS counter,
            count(*) FILTER (WHERE ${received} AND channel = 'home')::int AS home,
            count(*) FILTER (WHERE ${received} AND channel = 'online')::int AS online,
            count(*) FILTER (WHERE ${settled} AND timeliness = 'early')::int AS early,
            count(*) FILTER (WHERE ${settled} AND timeliness = 'on-time')::int AS on_time,
            count(*) FILTER (WHERE ${settled} AND timeliness NOT IN ('early', 'on-time'))::int AS late,
            count(*) FILTER (WHERE withdrawn_at >= $2 AND withdrawn_at < $3)::int AS withdrawn,
            count(*) FILTER (WHERE closed_at >= $3 AND NOT ${overdueAt('$4')})::int AS open_within,
            count(*) FILTER (WHERE closed_at >= $3 AND ${overdueAt('$4')})::int AS open_overdue,
            count(*) FILTER (WHERE ${settled} AND channel = 'home')::int AS at_home,
            COALESCE(sum(working_days) FILTER (WHERE ${settled}), 0)::int AS working_days,
            count(*) FILTER (WHERE ${received} AND status IN ('result-ready', 'returned') AND l.congratulation IS NOT TRUE)::int AS ready_no_congratulation,
            count(*) FILTER (WHERE ${received} AND status IN ('result-ready', 'returned') AND l.condolence IS NOT TRUE)::int AS ready_no_condolence,
            count(*) FILTER (WHERE ${received} AND (extended OR timeliness = 'late') AND l.apology IS NOT TRUE)::int AS apology_static
       FROM dossiers d
       -- The letters a dossier had, looked up only for those that may call for one (hashing all the
       -- communes' letters cost more than these look-ups).
       LEFT JOIN LATERAL (
         SELECT bool_or(kind = 'congratulation') AS congratulation, bool_or(kind = 'condolence') AS condolence, bool_or(kind = 'apology') AS apology FROM letters l
          WHERE d.${received} AND (d.status IN ('result-ready', 'returned') OR d.extended OR d.timeliness = 'late')
            AND l.dossier_id = d.id AND l.commune_id = d.commune_id AND l.issued_at IS NOT NULL
       ) l ON true
      WHERE d.commune_id = ANY($1::text[]) AND closed_at >= $2::timestamptz AND received_at < $3::timestamptz AND ${which}
      GROUP BY d.commune_id, d.procedure_id, d.staff_id`,
    [communeIds, b.start, b.end, b.at],
  );
  // Numbers as numbers (a sum may come back as text), for adding up and for keeping as JSON.
  return rows.map((r) => ({ ...r, ...Object.fromEntries(GROUP_NUMBERS.map((k) => [k, Number(r[k])])) }));
}

/**
 * The apologies the period's open dossiers call for now, past due and neither extended nor
 * apologised for: the part of the letters a finished month cannot keep (it depends on "now"), over
 * the open dossiers only.
 */
function openApologiesQuery(sql: Sql, communeIds: string[], b: Bounds, now: string) {
  return sql.query<{ commune_id: string; n: number }>(
    `SELECT d.commune_id, count(*)::int AS n FROM dossiers d
      WHERE d.commune_id = ANY($1::text[]) AND d.closed_at = 'infinity' AND d.received_at >= $2::timestamptz AND d.received_at < $3::timestamptz
        AND NOT d.extended AND d.timeliness IS DISTINCT FROM 'late' AND ${overdueAt('$4::timestamptz')}
        AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.dossier_id = d.id AND l.commune_id = d.commune_id AND l.kind = 'apology' AND l.issued_at IS NOT NULL)
      GROUP BY d.commune_id`,
    [communeIds, b.start, b.end, now],
  );
}

/** The groups a drill-down keeps. */
const inFilter = (r: Pick<SettlementRow, 'procedure_id' | 'staff_id'>, f: ReportFilter) =>
  (!f.procedureId || r.procedure_id === f.procedureId) && (!f.staffId || r.staff_id === f.staffId);

/** A settlement count into a map entry (created empty). */
function addTo(map: Map<string, SettlementCounts>, key: string, c: SettlementCounts) {
  map.set(key, addSettlementCounts(map.get(key) ?? emptySettlementCounts(), c));
}

/**
 * The answers that count (countedSurveys): in the period, not left out, and for a dossier code only
 * its first answer ever (the index of migration 11 finds an earlier one).
 */
const COUNTED = `counted AS (
  SELECT commune_id, op_id, rating, criteria, answers, comment, NULLIF(dossier_code, '') AS dossier_code, at FROM surveys s
   WHERE commune_id = ANY($1::text[]) AND at >= $2::timestamptz AND at < $3::timestamptz AND excluded IS NULL
     AND (COALESCE(dossier_code, '') = '' OR NOT EXISTS (
       SELECT 1 FROM surveys e WHERE e.commune_id = s.commune_id AND e.dossier_code = s.dossier_code AND e.excluded IS NULL AND (e.at, e.op_id) < (s.at, s.op_id))))`;



function satisfactionQuery(sql: Sql, communeIds: string[], b: Bounds) {
  return sql.query<SatisfactionRow>(
    `WITH ${COUNTED}
     SELECT commune_id, 'rating' AS kind, NULL AS key, rating, count(*)::int AS n, 0 AS satisfied FROM counted GROUP BY commune_id, rating
     UNION ALL
     SELECT commune_id, 'criterion', c.key, c.value, count(*)::int, 0 FROM counted, jsonb_each_text(CASE WHEN jsonb_typeof(criteria) = 'object' THEN criteria ELSE '{}'::jsonb END) c
      GROUP BY commune_id, c.key, c.value
     UNION ALL
     SELECT commune_id, 'hour', (extract(isodow FROM ${vnLocal('at')})::int * 100 + extract(hour FROM ${vnLocal('at')})::int)::text, NULL, count(*)::int,
            count(*) FILTER (WHERE rating IN ('very-satisfied', 'satisfied'))::int FROM counted GROUP BY 1, 3
     UNION ALL
     SELECT commune_id, 'comments', NULL, NULL, count(*)::int, 0 FROM counted WHERE comment ~ '\\S' GROUP BY commune_id
     UNION ALL
     -- Citizens' yes/no answers per question: n answers, 'satisfied' of them yes (checklists' citizen checks).
     SELECT commune_id, 'answer', a.key, NULL, count(*)::int, count(*) FILTER (WHERE a.value = 'true'::jsonb)::int
       FROM counted, jsonb_each(CASE WHEN jsonb_typeof(answers) = 'object' THEN answers ELSE '{}'::jsonb END) a
      WHERE jsonb_typeof(a.value) = 'boolean' GROUP BY commune_id, a.key
     UNION ALL
     SELECT c.commune_id, 'officer', d.staff_id, NULL, count(*)::int, count(*) FILTER (WHERE c.rating IN ('very-satisfied', 'satisfied'))::int
       FROM counted c JOIN dossiers d ON d.commune_id = c.commune_id AND d.code = c.dossier_code AND d.received_at <= c.at
      GROUP BY c.commune_id, d.staff_id`,
    [communeIds, b.start, b.end],
  );
}

/** Checklist records per commune, and per item and mode. */
function checklistQueries(sql: Sql, communeIds: string[], from: string, to: string) {
  return Promise.all([
    sql.query<{ commune_id: string; done: number; skipped: number }>(
      `SELECT commune_id, count(*) FILTER (WHERE NOT skipped)::int AS done, count(*) FILTER (WHERE skipped)::int AS skipped
         FROM checklist_records WHERE commune_id = ANY($1::text[]) AND date >= $2 AND date <= $3 GROUP BY commune_id`,
      [communeIds, from, to],
    ),
    sql.query<{ commune_id: string; template_id: string; item_id: string; mode: string; checks: number; yes: number }>(
      `SELECT r.commune_id, r.template_id, i.key AS item_id, r.mode, count(*)::int AS checks, count(*) FILTER (WHERE i.value = 'true'::jsonb)::int AS yes
         FROM checklist_records r, jsonb_each(r.items) i
        WHERE r.commune_id = ANY($1::text[]) AND r.date >= $2 AND r.date <= $3 AND NOT r.skipped
        GROUP BY r.commune_id, r.template_id, i.key, r.mode`,
      [communeIds, from, to],
    ),
  ]);
}

/** The letters issued in the period, and delivered, by kind. */
function issuedLettersQuery(sql: Sql, communeIds: string[], b: Bounds) {
  return sql.query<{ commune_id: string; kind: string; issued: number; delivered: number }>(
    `SELECT commune_id, kind, count(*)::int AS issued, count(delivered_at)::int AS delivered FROM letters
      WHERE commune_id = ANY($1::text[]) AND issued_at >= $2::timestamptz AND issued_at < $3::timestamptz GROUP BY commune_id, kind`,
    [communeIds, b.start, b.end],
  );
}

/** The home service: people on the list by the end, visits of the period, dossiers received or returned at a home. */
function homeQueries(sql: Sql, communeIds: string[], from: string, to: string, b: Bounds) {
  return Promise.all([
    sql.query<{ commune_id: string; reason: string; clients: number; planned: number; done: number }>(
      `SELECT c.commune_id, c.reason, count(*) FILTER (WHERE c.registered_at < $4)::int AS clients,
              COALESCE(sum(v.planned), 0)::int AS planned, COALESCE(sum(v.done), 0)::int AS done
         FROM home_clients c LEFT JOIN (
           SELECT commune_id, client_id, count(*) AS planned, count(*) FILTER (WHERE outcome = 'done') AS done FROM home_visits
            WHERE commune_id = ANY($1::text[]) AND date BETWEEN $2::date AND $3::date GROUP BY commune_id, client_id
         ) v ON v.client_id = c.id AND v.commune_id = c.commune_id
        WHERE c.commune_id = ANY($1::text[]) GROUP BY c.commune_id, c.reason`,
      [communeIds, from, to, b.end],
    ),
    // Returned at home: listed on a visit of its own commune in the period that took place, and
    // returned in the period (received at home, the dossier's channel, comes from the dossier scan).
    sql.query<{ commune_id: string; id: string; received_at_home: boolean }>(
      `WITH listed AS (
         SELECT DISTINCT v.commune_id, x.id::uuid AS id FROM home_visits v, jsonb_array_elements_text(v.dossier_ids) AS x(id)
          WHERE v.commune_id = ANY($1::text[]) AND v.date BETWEEN $2::date AND $3::date AND v.outcome = 'done'
       )
       -- By primary key (a hash join would read every dossier), then kept if their own commune listed them.
       SELECT d.commune_id, d.id, (d.channel = 'home' AND d.received_at >= $4 AND d.received_at < $5) AS received_at_home
         FROM dossiers d
        WHERE d.id = ANY(ARRAY(SELECT id FROM listed)) AND d.returned_at >= $4 AND d.returned_at < $5 AND (d.commune_id, d.id) IN (SELECT commune_id, id FROM listed)`,
      [communeIds, from, to, b.start, b.end],
    ),
  ]);
}

export interface ReportConfig {
  survey: SurveyDefinition | null;
  procedures: { id: string; letterKind?: LetterKind }[];
}

/** Everything a report adds up, per commune, before it is finished into figures (province totals sum these). */
interface Counts {
  total: SettlementCounts;
  procedures: Map<string, SettlementCounts>;
  officers: Map<string, SettlementCounts>;
  officerSatisfaction: Map<string, { responses: number; satisfied: number }>;
  satisfaction: SatisfactionCounts;
  letters: LetterCounts[];
  checklists: ChecklistBlock;
  home: HomeFigures;
  excluded: ExcludedFigures;
}

const emptyChecklistItem = (templateId: string, itemId: string): ChecklistItemFigures => ({
  templateId,
  itemId,
  checks: 0,
  yes: 0,
  citizenChecks: 0,
  citizenYes: 0,
  byMode: Object.fromEntries(CHECK_MODES.map((m) => [m, { checks: 0, yes: 0 }])) as ChecklistItemFigures['byMode'],
});
const emptyHome = (): HomeFigures => ({ clients: 0, visitsPlanned: 0, visitsDone: 0, dossiersAtHome: 0, dossiersReceivedAtHome: 0, dossiersReturnedAtHome: 0, byReason: {} });
const emptyCounts = (): Counts => ({
  total: emptySettlementCounts(),
  procedures: new Map(),
  officers: new Map(),
  officerSatisfaction: new Map(),
  satisfaction: { byRating: [], byCriterion: [], byHour: [], comments: 0 },
  letters: [],
  checklists: { records: 0, skipped: 0, items: [] },
  home: emptyHome(),
  excluded: { rate: 0, burst: 0, backdated: 0, clockAhead: 0 },
});

/** One piece of a period (Vietnam dates, inclusive) counted, commune by commune. */
async function countPiece(sql: Sql, communeIds: string[], from: string, to: string, now: Date): Promise<Map<string, PieceCounts>> {
  const b = reportPeriod(from, to, now);
  const [groups, satisfaction, [records, items]] = await Promise.all([
    groupQuery(sql, communeIds, b, IN_ORDER),
    satisfactionQuery(sql, communeIds, b),
    checklistQueries(sql, communeIds, from, to),
  ]);
  const out = new Map(communeIds.map((id) => [id, emptyPiece()]));
  for (const r of groups) out.get(r.commune_id)!.groups.push(r);
  for (const r of satisfaction.rows) out.get(r.commune_id)!.satisfaction.push(r);
  for (const r of records.rows) out.get(r.commune_id)!.records = { done: r.done, skipped: r.skipped };
  for (const r of items.rows) out.get(r.commune_id)!.items.push(r);
  return out;
}

/**
 * A period cut at month ends: its finished whole months one piece, kept (report-months.ts) and
 * added up by SQL; the rest counted as it is asked for (a partial first or last month, the month
 * not over yet).
 */
export function piecesOf(from: string, to: string, now: Date): { from: string; to: string; kept: boolean }[] {
  const out: { from: string; to: string; kept: boolean }[] = [];
  for (const month of monthsBetween(from.slice(0, 7), to.slice(0, 7))) {
    const [first, last] = [`${month}-01`, lastDayOfMonth(month)];
    const [f, t] = [from > first ? from : first, to < last ? to : last];
    const kept = f === first && t === last && Date.parse(reportPeriod(first, last, now).end) <= now.getTime();
    const previous = out.at(-1);
    if (previous?.kept === kept) previous.to = t;
    else out.push({ from: f, to: t, kept });
  }
  return out;
}

/** Counts a finished month for keeping. */
const countMonth =
  (now: Date): CountMonth =>
  (tx, communeIds, month) =>
    countPiece(tx, communeIds, month, lastDayOfMonth(month.slice(0, 7)), now);

/**
 * A period's counts from its pieces', in order. Counts of what happened in it add up; carried over
 * is its first piece's (open at the start), open within time / overdue its last piece's (open at
 * the end, judged at the same instant). Exact for the dossiers IN_ORDER only.
 */
function composePieces(pieces: PieceCounts[]): PieceCounts {
  const groups = new Map<string, GroupRow>();
  pieces.forEach((piece, i) => {
    for (const r of piece.groups) {
      const key = `${r.procedure_id}\u0000${r.staff_id}`;
      const g = groups.get(key) ?? { ...r, ...Object.fromEntries(GROUP_NUMBERS.map((k) => [k, 0])) };
      for (const k of GROUP_NUMBERS) {
        if (k === 'carried_over' && i > 0) continue;
        if ((k === 'open_within' || k === 'open_overdue') && i < pieces.length - 1) continue;
        g[k] += r[k];
      }
      groups.set(key, g);
    }
  });
  return {
    groups: [...groups.values()],
    satisfaction: pieces.flatMap((p) => p.satisfaction),
    records: { done: pieces.reduce((n, p) => n + p.records.done, 0), skipped: pieces.reduce((n, p) => n + p.records.skipped, 0) },
    items: pieces.flatMap((p) => p.items),
  };
}

/** A period's additive counts, by commune: kept months read, the rest counted, the out-of-order dossiers whole. */
async function periodCounts(sql: Sql, communeIds: string[], from: string, to: string, now: Date): Promise<Map<string, PieceCounts>> {
  const [pieces, outOfOrder] = await Promise.all([
    Promise.all(
      piecesOf(from, to, now).map((p) => (p.kept ? keptMonths(sql, communeIds, p.from, `${p.to.slice(0, 7)}-01`, countMonth(now)) : countPiece(sql, communeIds, p.from, p.to, now))),
    ),
    groupQuery(sql, communeIds, reportPeriod(from, to, now), OUT_OF_ORDER),
  ]);
  const out = new Map(communeIds.map((id) => [id, composePieces(pieces.map((p) => p.get(id) ?? emptyPiece()))]));
  for (const r of outOfOrder) out.get(r.commune_id)!.groups.push(r);
  return out;
}

/**
 * Count the finished months of the last year that no commune has kept yet (a fresh server, or
 * months a push emptied), a few communes at a time: PGlite has one connection, and pushes go in
 * between these short transactions. Run in the background (keepMonthsCounted), so that a province
 * officer's report reads kept months instead of counting them while they wait.
 */
export async function countMissingMonths(sql: Sql, now: Date, communesAtOnce = 10): Promise<number> {
  const { rows } = await sql.query<{ commune_id: string; month: string }>(
    `SELECT c.id AS commune_id, to_char(m, 'YYYY-MM-DD') AS month
       FROM communes c, generate_series(date_trunc('month', $1::date) - interval '12 months', date_trunc('month', $1::date) - interval '1 month', interval '1 month') m
      WHERE NOT EXISTS (SELECT 1 FROM report_months k WHERE k.commune_id = c.id AND k.month = m::date)
      ORDER BY m DESC, c.id`,
    [vnDateKey(now.toISOString())],
  );
  for (const month of new Set(rows.map((r) => r.month))) {
    const ids = rows.filter((r) => r.month === month).map((r) => r.commune_id);
    for (let i = 0; i < ids.length; i += communesAtOnce) {
      await keepMonths(sql, ids.slice(i, i + communesAtOnce), month, month, countMonth(now));
    }
  }
  return rows.length;
}

/** countMissingMonths every `everyMs`, in the background; `idle` waits for a round under way (before closing the database). */
export function keepMonthsCounted(sql: Sql, now: () => Date, everyMs: number) {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= countMissingMonths(sql, now())
      .catch((err: Error) => console.error(`[server] counting report months: ${err.name}: ${err.message.slice(0, 200)}`))
      .finally(() => (running = undefined));
  }, everyMs);
  // Never what keeps the process alive.
  timer.unref();
  return {
    idle: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/** The counts of these communes for a period, by commune: a handful of statements whatever their number. */
async function countsOf(sql: Sql, communes: Map<string, ReportConfig>, from: string, to: string, now: Date, filter: ReportFilter): Promise<Map<string, Counts>> {
  const ids = [...communes.keys()];
  const b = reportPeriod(from, to, now);
  const [period, openApologies, issued, [reasons, homeReturned], longevity, excluded] = await Promise.all([
    periodCounts(sql, ids, from, to, now),
    openApologiesQuery(sql, ids, b, now.toISOString()),
    issuedLettersQuery(sql, ids, b),
    homeQueries(sql, ids, from, to, b),
    // Longevity letters due this year to people on the home list and not issued (the tablets' rule).
    longevityDueIn(sql, ids, to),
    // What was left out, and why: ops dated in the period, or received by the server in it (a
    // clock a year ahead dates its ops outside any period the admin would look at).
    sql.query<{ commune_id: string; excluded: string; n: number }>(
      `SELECT commune_id, excluded, count(*)::int AS n FROM ops
        WHERE commune_id = ANY($1::text[]) AND excluded IS NOT NULL
          AND ((CASE WHEN at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' THEN at::timestamptz END >= $2::timestamptz AND CASE WHEN at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' THEN at::timestamptz END < $3::timestamptz)
               OR (received_at >= $2::timestamptz AND received_at < $3::timestamptz))
        GROUP BY commune_id, excluded`,
      [ids, b.start, b.end],
    ),
  ]);
  const out = new Map(ids.map((id) => [id, emptyCounts()]));
  const of = (id: string) => out.get(id)!;
  for (const [communeId, p] of period) {
    const c = of(communeId);
    // The commune's own blocks whatever the drill-down: letters called for, dossiers received at home.
    const kindOf = new Map(communes.get(communeId)!.procedures.map((x) => [x.id, x.letterKind]));
    const suggested = { congratulation: 0, condolence: 0, apology: 0 };
    for (const r of p.groups) {
      const kind = kindOf.get(r.procedure_id ?? '');
      if (kind === 'congratulation') suggested.congratulation += r.ready_no_congratulation;
      if (kind === 'condolence') suggested.condolence += r.ready_no_condolence;
      suggested.apology += r.apology_static;
      c.home.dossiersReceivedAtHome += r.home;
      if (!inFilter(r, filter)) continue;
      const counts = settlementCountsOfRow(r);
      addSettlementCounts(c.total, counts);
      addTo(c.procedures, r.procedure_id ?? '', counts);
      addTo(c.officers, r.staff_id ?? '', counts);
    }
    suggested.apology += openApologies.rows.find((r) => r.commune_id === communeId)?.n ?? 0;
    for (const kind of ['congratulation', 'condolence', 'apology'] as const) if (suggested[kind]) c.letters.push({ kind, issued: 0, delivered: 0, suggested: suggested[kind] });
  }
  const satisfaction = [...period.values()].flatMap((p) => p.satisfaction);
  const records = [...period].map(([communeId, p]) => ({ commune_id: communeId, ...p.records }));
  const items = [...period.values()].flatMap((p) => p.items);
  const answers: { commune_id: string; question: string; checks: number; yes: number }[] = [];
  for (const r of satisfaction) {
    const s = of(r.commune_id).satisfaction;
    if (r.kind === 'rating') s.byRating.push({ rating: r.rating!, n: r.n });
    else if (r.kind === 'criterion') s.byCriterion.push({ criterion: r.key!, rating: r.rating!, n: r.n });
    else if (r.kind === 'hour') s.byHour.push({ weekday: Math.floor(Number(r.key) / 100), hour: Number(r.key) % 100, responses: r.n, satisfied: r.satisfied });
    else if (r.kind === 'comments') s.comments += r.n;
    else if (r.kind === 'answer') answers.push({ commune_id: r.commune_id, question: r.key!, checks: r.n, yes: r.satisfied });
    else {
      // An officer's answers add up over the period's pieces.
      const o = of(r.commune_id).officerSatisfaction;
      const e = o.get(r.key ?? '') ?? { responses: 0, satisfied: 0 };
      o.set(r.key ?? '', { responses: e.responses + r.n, satisfied: e.satisfied + r.satisfied });
    }
  }
  for (const r of records) Object.assign(of(r.commune_id).checklists, { records: r.done, skipped: r.skipped });
  const itemsOf = new Map<string, Map<string, ChecklistItemFigures>>();
  const item = (communeId: string, templateId: string, itemId: string) => {
    const m = itemsOf.get(communeId) ?? new Map<string, ChecklistItemFigures>();
    itemsOf.set(communeId, m);
    const key = `${templateId}/${itemId}`;
    if (!m.has(key)) m.set(key, emptyChecklistItem(templateId, itemId));
    return m.get(key)!;
  };
  for (const r of items) {
    const i = item(r.commune_id, r.template_id, r.item_id);
    i.checks += r.checks;
    i.yes += r.yes;
    const mode = i.byMode[r.mode as keyof ChecklistItemFigures['byMode']];
    if (mode) {
      mode.checks += r.checks;
      mode.yes += r.yes;
    }
  }
  // Each question's counts land on its item through the mapping the tablet uses (the commune's survey).
  for (const q of answers) {
    for (const yes of [true, false]) {
      const n = yes ? q.yes : q.checks - q.yes;
      if (n === 0) continue;
      for (const ref of citizenItemAnswers(communes.get(q.commune_id)?.survey, { [q.question]: yes })) {
        const i = item(q.commune_id, ref.templateId, ref.itemId);
        i.citizenChecks += n;
        if (yes) i.citizenYes += n;
      }
    }
  }
  for (const [communeId, m] of itemsOf) of(communeId).checklists.items = [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
  for (const r of issued.rows) of(r.commune_id).letters.push({ kind: r.kind, issued: r.issued, delivered: r.delivered, suggested: 0 });
  for (const [communeId, n] of longevity) of(communeId).letters.push({ kind: 'longevity', issued: 0, delivered: 0, suggested: n });
  for (const r of reasons.rows) {
    const h = of(r.commune_id).home;
    h.byReason[r.reason] = { clients: r.clients, visitsPlanned: r.planned, visitsDone: r.done };
    h.clients += r.clients;
    h.visitsPlanned += r.planned;
    h.visitsDone += r.done;
  }
  for (const r of homeReturned.rows) {
    const h = of(r.commune_id).home;
    h.dossiersReturnedAtHome++;
    // Received at home and returned at home in the period: one dossier at home, not two.
    if (r.received_at_home) h.dossiersAtHome--;
  }
  for (const h of [...out.values()].map((c) => c.home)) h.dossiersAtHome += h.dossiersReceivedAtHome + h.dossiersReturnedAtHome;
  for (const r of excluded.rows) {
    const e = of(r.commune_id).excluded;
    if ((EXCLUSION_REASONS as readonly string[]).includes(r.excluded)) e[r.excluded === 'clock-ahead' ? 'clockAhead' : (r.excluded as 'rate' | 'burst' | 'backdated')] += r.n;
  }
  return out;
}

/** Counts → the report (the domain's finishing steps). */
function finish(c: Counts, head: { from: string; to: string } & ReportFilter) {
  return {
    from: head.from,
    to: head.to,
    ...(head.procedureId ? { procedureId: head.procedureId } : {}),
    ...(head.staffId ? { staffId: head.staffId } : {}),
    ...finishSettlement(c.total),
    satisfaction: finishSatisfaction(c.satisfaction),
    letters: finishLetters(c.letters),
    checklists: c.checklists,
    home: c.home,
    procedures: breakdownRows('procedureId', c.procedures) as ProcedureRow[],
    officers: officerRows(c.officers, c.officerSatisfaction),
    excluded: c.excluded,
  };
}

/** The config a report needs of each commune: the survey (questions → checklist items) and the procedures' letters. */
export async function reportConfigs(sql: Sql, communeIds: string[]): Promise<Map<string, ReportConfig>> {
  const { rows } = await sql.query<{ commune_id: string; part: string; body: unknown }>(
    "SELECT commune_id, part, body FROM commune_config WHERE commune_id = ANY($1::text[]) AND part IN ('survey', 'procedures')",
    [communeIds],
  );
  const out = new Map<string, ReportConfig>(communeIds.map((id) => [id, { survey: null, procedures: [] }]));
  for (const r of rows) {
    const c = out.get(r.commune_id)!;
    if (r.part === 'survey') c.survey = (r.body as SurveyDefinition | null) ?? null;
    else c.procedures = (r.body as ReportConfig['procedures']) ?? [];
  }
  return out;
}

/** One commune's report for a period of Vietnam dates (inclusive). */
export async function communeReport(sql: Sql, communeId: string, from: string, to: string, now: Date, filter: ReportFilter = {}): Promise<CommuneReport> {
  const counts = await countsOf(sql, await reportConfigs(sql, [communeId]), from, to, now, filter);
  return { communeId, ...finish(counts.get(communeId)!, { from, to, ...filter }) };
}

/** Sum communes' counts: a province as one (rates worked out again from the sums by finish). */
function sumCounts(all: Counts[]): Counts {
  const t = emptyCounts();
  const items = new Map<string, ChecklistItemFigures>();
  for (const c of all) {
    addSettlementCounts(t.total, c.total);
    for (const [id, p] of c.procedures) t.procedures.set(id, addSettlementCounts(t.procedures.get(id) ?? emptySettlementCounts(), p));
    t.satisfaction.byRating.push(...c.satisfaction.byRating);
    t.satisfaction.byCriterion.push(...c.satisfaction.byCriterion);
    t.satisfaction.byHour.push(...c.satisfaction.byHour);
    t.satisfaction.comments += c.satisfaction.comments;
    t.letters.push(...c.letters);
    t.checklists.records += c.checklists.records;
    t.checklists.skipped += c.checklists.skipped;
    for (const i of c.checklists.items) {
      const key = `${i.templateId}/${i.itemId}`;
      const s = items.get(key) ?? emptyChecklistItem(i.templateId, i.itemId);
      for (const f of ['checks', 'yes', 'citizenChecks', 'citizenYes'] as const) s[f] += i[f];
      for (const m of CHECK_MODES) {
        s.byMode[m].checks += i.byMode[m].checks;
        s.byMode[m].yes += i.byMode[m].yes;
      }
      items.set(key, s);
    }
    for (const f of ['clients', 'visitsPlanned', 'visitsDone', 'dossiersAtHome', 'dossiersReceivedAtHome', 'dossiersReturnedAtHome'] as const) t.home[f] += c.home[f];
    for (const [reason, r] of Object.entries(c.home.byReason)) {
      const s = (t.home.byReason[reason] ??= { clients: 0, visitsPlanned: 0, visitsDone: 0 });
      s.clients += r.clients;
      s.visitsPlanned += r.visitsPlanned;
      s.visitsDone += r.visitsDone;
    }
    for (const f of ['rate', 'burst', 'backdated', 'clockAhead'] as const) t.excluded[f] += c.excluded[f];
  }
  t.checklists.items = [...items].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
  return t;
}

/** The communes of a province, in code order. */
export async function provinceCommunes(sql: Sql, province: string) {
  const { rows } = await sql.query<{ id: string; code: string; name: string }>('SELECT id, code, name FROM communes WHERE province = $1 ORDER BY code', [province]);
  return rows;
}

/**
 * Every commune of a province side by side, and the province as one: counts summed, rates worked
 * out again from the sums (never averaged). The total has no officers' rows (officers belong to a
 * commune).
 */
export async function provinceReport(sql: Sql, province: string, from: string, to: string, now: Date, filter: ReportFilter = {}): Promise<ProvinceReport> {
  const communes = await provinceCommunes(sql, province);
  const counts = await countsOf(sql, await reportConfigs(sql, communes.map((c) => c.id)), from, to, now, filter);
  const total = finish(sumCounts([...counts.values()]), { from, to, ...filter });
  return {
    province,
    from,
    to,
    communes: communes.map((c) => ({ communeId: c.id, code: c.code, name: c.name, ...finish(counts.get(c.id)!, { from, to, ...filter }) })),
    total: { communeId: null, ...total, officers: [] },
  };
}

/** Months YYYY-MM from … to, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to) return out;
    out.push(key);
    m++;
    if (m > 12) {
      y++;
      m = 1;
    }
  }
}


/** The trend, a point a month: each month's settlement table and satisfaction over these communes. */
export async function monthlyTrend(sql: Sql, communeIds: string[], fromMonth: string, toMonth: string, now: Date): Promise<TrendPoint[]> {
  const months = monthsBetween(fromMonth, toMonth);
  // Each month is a report period of its own. The finished ones are kept: summed over the
  // communes by SQL, a row a month; the others (not over yet) are counted.
  const finished = months.filter((m) => piecesOf(`${m}-01`, lastDayOfMonth(m), now)[0].kept);
  const [kept, outOfOrder, counted] = await Promise.all([
    finished.length ? keptMonthTotals(sql, communeIds, `${finished[0]}-01`, `${finished.at(-1)}-01`, countMonth(now)) : new Map<string, MonthTotals>(),
    // The live months' out-of-order dossiers come with their periodCounts.
    Promise.all(months.map((m) => (finished.includes(m) ? groupQuery(sql, communeIds, reportPeriod(`${m}-01`, lastDayOfMonth(m), now), OUT_OF_ORDER) : []))),
    Promise.all(months.map((m) => (finished.includes(m) ? null : periodCounts(sql, communeIds, `${m}-01`, lastDayOfMonth(m), now)))),
  ]);
  return months.map((month, i) => {
    const total = emptySettlementCounts();
    let ratings: { rating: string; n: number }[];
    const live = counted[i];
    if (live) {
      const all = [...live.values()];
      for (const r of all.flatMap((c) => c.groups)) addSettlementCounts(total, settlementCountsOfRow(r));
      ratings = all.flatMap((c) => c.satisfaction.filter((r) => r.kind === 'rating').map((r) => ({ rating: r.rating!, n: r.n })));
    } else {
      const k = kept.get(`${month}-01`)!;
      addSettlementCounts(total, settlementCountsOfRow({ commune_id: '', procedure_id: null, staff_id: null, ...k.total }));
      for (const r of outOfOrder[i]) addSettlementCounts(total, settlementCountsOfRow(r));
      ratings = k.ratings;
    }
    const s = finishSatisfaction({ byRating: ratings, byCriterion: [], byHour: [], comments: 0 });
    const f = finishSettlement(total);
    return {
      month,
      toHandle: f.toHandle,
      received: f.received,
      settled: f.settled,
      early: f.early,
      onTime: f.onTime,
      late: f.late,
      openWithinTime: f.openWithinTime,
      openOverdue: f.openOverdue,
      progressRate: f.progressRate,
      onTimeRate: f.onTimeRate,
      responses: s.responses,
      satisfiedRate: s.satisfiedRate,
    };
  });
}

/** Citizens' comments of a period, newest first (at most `limit`), with who marked them handled. */
export async function commentsOf(sql: Sql, communeId: string, from: string, to: string, limit = 500) {
  const b = reportPeriod(from, to, new Date(8.64e15));
  const { rows } = await sql.query<{ op_id: string; at: string | Date; rating: string; comment: string; dossier_code: string | null; handled_by: string | null; handled_at: string | Date | null; handled_note: string | null }>(
    `SELECT op_id, at, rating, comment, dossier_code, handled_by, handled_at, handled_note FROM surveys
      WHERE commune_id = $1 AND at >= $2::timestamptz AND at < $3::timestamptz AND comment IS NOT NULL AND comment ~ '\\S' AND excluded IS NULL
      ORDER BY at DESC, op_id DESC LIMIT $4`,
    [communeId, b.start, b.end, limit],
  );
  return rows.map((r) => ({
    opId: r.op_id,
    at: new Date(r.at).toISOString(),
    rating: r.rating,
    comment: r.comment,
    ...(r.dossier_code ? { dossierCode: r.dossier_code } : {}),
    handled: r.handled_at ? { by: r.handled_by ?? '', at: new Date(r.handled_at).toISOString(), ...(r.handled_note ? { note: r.handled_note } : {}) } : null,
  }));
}

/** The commune of a citizen's comment, or undefined when there is no such comment (for the scope check). */
export async function commentCommune(sql: Sql, opId: string): Promise<string | undefined> {
  const { rows } = await sql.query<{ commune_id: string }>('SELECT commune_id FROM surveys WHERE op_id = $1 AND comment IS NOT NULL', [opId]);
  return rows[0]?.commune_id;
}

/** Mark a comment handled: who, when and the leader's note stay beside it. */
export async function markCommentHandled(sql: Sql, opId: string, by: string, at: string, note: string | undefined): Promise<void> {
  await sql.query('UPDATE surveys SET handled_by = $2, handled_at = $3, handled_note = $4 WHERE op_id = $1', [opId, by, at, note ?? null]);
}
