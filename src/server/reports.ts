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
} from '../domain';
import type { Sql } from './sql';
import { longevityDueIn } from './projections/letters';

/*
 * Reports by SQL aggregation over the projection tables (DESIGN.md › Figures; issue 18): the
 * dossiers' facts are columns (migration 9), so a province's period is a few GROUP BY statements
 * over index ranges, never dossiers loaded into Node. The conditions are those of countDossier and
 * countedSurveys in src/domain/figures/report.ts, and the counts are finished into figures by the
 * same domain functions the tablets use.
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

type SettlementRow = {
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

type ProcedureKinds = { communeId: string; procedureId: string; kind: LetterKind }[];

/**
 * The one scan of the dossiers: the settlement table per commune, procedure and receiving officer
 * (to handle = received before the end and closed — settled or withdrawn — at or after the start),
 * and beside it the letters the period's dossiers called for and never had (suggestedLetterKinds:
 * the procedure's letter once the result is ready; the apology when extended, settled late or
 * overdue now). One group per (commune, procedure, officer), a few thousand rows for a province,
 * summed in Node; a drill-down keeps the groups of its procedure or officer.
 */
function dossierQuery(sql: Sql, communeIds: string[], b: Bounds, now: string, procedureKinds: ProcedureKinds) {
  const settled = 'settled_at >= $2 AND settled_at < $3';
  const received = 'received_at >= $2';
  return sql.query<SettlementRow & { suggested_congratulation: number; suggested_condolence: number; suggested_apology: number }>(
    `WITH kinds AS (
       SELECT * FROM ROWS FROM (unnest($6::text[]), unnest($7::text[]), unnest($8::text[])) AS k(commune_id, procedure_id, kind)
     ), issued AS (
       -- The letters dossiers had, one row per dossier (hashed once; a probe per dossier cost seconds a year).
       SELECT dossier_id, commune_id, bool_or(kind = 'congratulation') AS congratulation, bool_or(kind = 'condolence') AS condolence, bool_or(kind = 'apology') AS apology
         FROM letters WHERE commune_id = ANY($1::text[]) AND dossier_id IS NOT NULL AND issued_at IS NOT NULL GROUP BY dossier_id, commune_id
     )
     SELECT d.commune_id, d.procedure_id, d.staff_id,
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
            COALESCE(sum(working_days) FILTER (WHERE ${settled}), 0)::bigint AS working_days,
            count(*) FILTER (WHERE ${received} AND status IN ('result-ready', 'returned') AND k.kind = 'congratulation' AND l.congratulation IS NOT TRUE)::int AS suggested_congratulation,
            count(*) FILTER (WHERE ${received} AND status IN ('result-ready', 'returned') AND k.kind = 'condolence' AND l.condolence IS NOT TRUE)::int AS suggested_condolence,
            count(*) FILTER (WHERE ${received} AND (extended OR timeliness = 'late' OR (closed_at = 'infinity' AND ${overdueAt('$5::timestamptz')})) AND l.apology IS NOT TRUE)::int AS suggested_apology
       FROM dossiers d
       LEFT JOIN kinds k ON k.commune_id = d.commune_id AND k.procedure_id = d.procedure_id
       LEFT JOIN issued l ON l.dossier_id = d.id AND l.commune_id = d.commune_id
      WHERE d.commune_id = ANY($1::text[]) AND closed_at >= $2::timestamptz AND received_at < $3::timestamptz
      GROUP BY d.commune_id, d.procedure_id, d.staff_id`,
    [communeIds, b.start, b.end, b.at, now, procedureKinds.map((k) => k.communeId), procedureKinds.map((k) => k.procedureId), procedureKinds.map((k) => k.kind)],
  );
}

/** The groups a drill-down keeps. */
const inFilter = (r: Pick<SettlementRow, 'procedure_id' | 'staff_id'>, f: ReportFilter) =>
  (!f.procedureId || r.procedure_id === f.procedureId) && (!f.staffId || r.staff_id === f.staffId);

/** A settlement count into a map entry (created empty). */
function addTo(map: Map<string, SettlementCounts>, key: string, c: SettlementCounts) {
  map.set(key, addSettlementCounts(map.get(key) ?? emptySettlementCounts(), c));
}

/** The answers that count (countedSurveys): in the period, not left out, the first per dossier code. */
const COUNTED = `counted AS (
  SELECT * FROM (SELECT DISTINCT ON (commune_id, dossier_code) commune_id, op_id, rating, criteria, answers, comment, dossier_code, at
                   FROM surveys WHERE commune_id = ANY($1::text[]) AND at >= $2::timestamptz AND at < $3::timestamptz AND excluded IS NULL AND dossier_code <> ''
                  ORDER BY commune_id, dossier_code, at, op_id) first_per_code
  UNION ALL
  SELECT commune_id, op_id, rating, criteria, answers, comment, NULL, at
    FROM surveys WHERE commune_id = ANY($1::text[]) AND at >= $2::timestamptz AND at < $3::timestamptz AND excluded IS NULL AND COALESCE(dossier_code, '') = '')`;

/** Vietnam wall time of a timestamptz, whatever the session's time zone. */
const vnLocal = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '7 hours')`;

type SatisfactionRow = { commune_id: string; kind: 'rating' | 'criterion' | 'hour' | 'comments' | 'answer' | 'officer'; key: string | null; rating: string | null; n: number; satisfied: number };

/** The counted answers by rating: all the monthly trend needs of them. */
const BY_RATING = `SELECT commune_id, 'rating' AS kind, NULL AS key, rating, count(*)::int AS n, 0 AS satisfied FROM counted GROUP BY commune_id, rating`;

function ratingsQuery(sql: Sql, communeIds: string[], b: Bounds) {
  return sql.query<SatisfactionRow>(`WITH ${COUNTED} ${BY_RATING}`, [communeIds, b.start, b.end]);
}

function satisfactionQuery(sql: Sql, communeIds: string[], b: Bounds) {
  return sql.query<SatisfactionRow>(
    `WITH ${COUNTED}
     ${BY_RATING}
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
       FROM counted c JOIN dossiers d ON d.commune_id = c.commune_id AND d.code = c.dossier_code AND d.received_at IS NOT NULL
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
      `SELECT c.commune_id, c.reason,
              count(DISTINCT c.id) FILTER (WHERE c.registered_at < $4)::int AS clients,
              count(v.id) FILTER (WHERE v.date BETWEEN $2::date AND $3::date)::int AS planned,
              count(v.id) FILTER (WHERE v.date BETWEEN $2::date AND $3::date AND v.outcome = 'done')::int AS done
         FROM home_clients c LEFT JOIN home_visits v ON v.client_id = c.id AND v.commune_id = c.commune_id
        WHERE c.commune_id = ANY($1::text[]) GROUP BY c.commune_id, c.reason`,
      [communeIds, from, to, b.end],
    ),
    // Returned at home: listed on a visit of the period that took place, and returned in the
    // period (received at home, the dossier's channel, comes from the dossier scan).
    sql.query<{ commune_id: string; id: string; received_at_home: boolean }>(
      `WITH visits AS (
         SELECT commune_id, dossier_ids FROM home_visits WHERE commune_id = ANY($1::text[]) AND date BETWEEN $2::date AND $3::date AND outcome = 'done'
       )
       -- Dossiers by primary key (a join from the visits' id lists scanned each commune's dossiers
       -- once per visit), then kept only if a visit of their own commune lists them.
       SELECT d.commune_id, d.id, (d.channel = 'home' AND d.received_at >= $4 AND d.received_at < $5) AS received_at_home FROM dossiers d
        WHERE d.id = ANY(ARRAY(SELECT x.id::uuid FROM visits v, jsonb_array_elements_text(v.dossier_ids) AS x(id)))
          AND d.returned_at >= $4 AND d.returned_at < $5
          AND EXISTS (SELECT 1 FROM visits v WHERE v.commune_id = d.commune_id AND v.dossier_ids @> jsonb_build_array(d.id::text))`,
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

/** The counts of these communes for a period, by commune: a handful of statements whatever their number. */
async function countsOf(sql: Sql, communes: Map<string, ReportConfig>, from: string, to: string, now: Date, filter: ReportFilter): Promise<Map<string, Counts>> {
  const ids = [...communes.keys()];
  const b = reportPeriod(from, to, now);
  const procedureKinds = [...communes].flatMap(([communeId, c]) => c.procedures.flatMap((p) => (p.letterKind ? [{ communeId, procedureId: p.id, kind: p.letterKind }] : [])));
  const [dossiers, satisfaction, [records, items], issued, [reasons, homeReturned], longevity, excluded] = await Promise.all([
    dossierQuery(sql, ids, b, now.toISOString(), procedureKinds),
    satisfactionQuery(sql, ids, b),
    checklistQueries(sql, ids, from, to),
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
  for (const r of dossiers.rows) {
    const c = of(r.commune_id);
    // The commune's own blocks whatever the drill-down: letters called for, dossiers received at home.
    for (const kind of ['congratulation', 'condolence', 'apology'] as const) {
      const n = r[`suggested_${kind}`];
      if (n) c.letters.push({ kind, issued: 0, delivered: 0, suggested: n });
    }
    c.home.dossiersReceivedAtHome += r.home;
    if (!inFilter(r, filter)) continue;
    const counts = settlementCountsOfRow(r);
    addSettlementCounts(c.total, counts);
    addTo(c.procedures, r.procedure_id ?? '', counts);
    addTo(c.officers, r.staff_id ?? '', counts);
  }
  const answers: { commune_id: string; question: string; checks: number; yes: number }[] = [];
  for (const r of satisfaction.rows) {
    const s = of(r.commune_id).satisfaction;
    if (r.kind === 'rating') s.byRating.push({ rating: r.rating!, n: r.n });
    else if (r.kind === 'criterion') s.byCriterion.push({ criterion: r.key!, rating: r.rating!, n: r.n });
    else if (r.kind === 'hour') s.byHour.push({ weekday: Math.floor(Number(r.key) / 100), hour: Number(r.key) % 100, responses: r.n, satisfied: r.satisfied });
    else if (r.kind === 'comments') s.comments = r.n;
    else if (r.kind === 'answer') answers.push({ commune_id: r.commune_id, question: r.key!, checks: r.n, yes: r.satisfied });
    else of(r.commune_id).officerSatisfaction.set(r.key ?? '', { responses: r.n, satisfied: r.satisfied });
  }
  for (const r of records.rows) Object.assign(of(r.commune_id).checklists, { records: r.done, skipped: r.skipped });
  const itemsOf = new Map<string, Map<string, ChecklistItemFigures>>();
  const item = (communeId: string, templateId: string, itemId: string) => {
    const m = itemsOf.get(communeId) ?? new Map<string, ChecklistItemFigures>();
    itemsOf.set(communeId, m);
    const key = `${templateId}/${itemId}`;
    if (!m.has(key)) m.set(key, emptyChecklistItem(templateId, itemId));
    return m.get(key)!;
  };
  for (const r of items.rows) {
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

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The trend, a point a month: each month's settlement table and satisfaction over these communes. */
export async function monthlyTrend(sql: Sql, communeIds: string[], fromMonth: string, toMonth: string, now: Date): Promise<TrendPoint[]> {
  const months = monthsBetween(fromMonth, toMonth);
  // One month at a time, in parallel: each is the same index ranges as a month's report.
  return Promise.all(
    months.map(async (month) => {
      const b = reportPeriod(`${month}-01`, lastDay(month), now);
      // Only the ratings: criteria, hours, answers and officers' rows are not drawn on a trend.
      const [dossiers, ratings] = await Promise.all([dossierQuery(sql, communeIds, b, now.toISOString(), []), ratingsQuery(sql, communeIds, b)]);
      const total = emptySettlementCounts();
      for (const r of dossiers.rows) addSettlementCounts(total, settlementCountsOfRow(r));
      const s = finishSatisfaction({
        byRating: ratings.rows.map((r) => ({ rating: r.rating!, n: r.n })),
        byCriterion: [],
        byHour: [],
        comments: 0,
      });
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
    }),
  );
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
