import { workingDaysBetween, type CalendarData } from '../calendar';
import { citizenItemAnswers, type ChecklistRecord } from '../checklists/scoring';
import { CHECK_MODES } from '../checklists/ops';
import { currentDueAt } from '../dossiers/due';
import { CHANNELS, type Channel, type DossierState, type DossierStatus } from '../dossiers/lifecycle';
import type { HomeClient } from '../home/clients';
import type { HomeVisit } from '../home/visits';
import { letterFigures, type FigureLetter } from '../letters/figures';
import type { LetterKind } from '../letters/kinds';
import { longevityDue } from '../letters/longevity';
import type { SurveyDefinition } from '../surveys/definition';
import { RATINGS, type Rating } from '../surveys/ratings';
import { vnDateTime, vnDateKey, vnMinutesOfDay, vnWeekday } from '../time';
import { dossierTimeliness } from './figures';
import type {
  ChecklistBlock,
  ChecklistItemFigures,
  CommuneReport,
  ExcludedFigures,
  HomeFigures,
  OfficerRow,
  ProcedureRow,
  RatingCounts,
  SatisfactionFigures,
  SettlementFigures,
} from './report-shape';

/*
 * The report of DESIGN.md › Facts › Figures, written once. A dossier's facts are worked out once
 * from its fold (dossierFacts: the server keeps them as columns of its `dossiers` projection); the
 * period's figures are counts over those facts (countDossier here, the same conditions in SQL in
 * src/server/reports.ts), and the counts become figures and rates in one finishing step
 * (finishSettlement, finishSatisfaction) that both sides call.
 */

export type Settlement = 'early' | 'on-time' | 'late';

/** What the figures need of a dossier, none of it personal and none of it depending on "now". */
export interface DossierFacts {
  id: string;
  code: string;
  procedureId: string;
  /** The receiving officer. */
  staffId: string;
  channel: Channel;
  status: DossierStatus;
  extended: boolean;
  receivedAt: string;
  /**
   * The due date that counts: the one set at receipt (or by the extension) moved back by the
   * working days of the supplement waits that have ended. An open wait is `waitingSince`.
   */
  dueAt: string;
  /** Waiting for the citizen's supplement since then (the wait has not ended). */
  waitingSince?: string;
  /** First of result ready, returned, refused, stopped. */
  settledAt?: string;
  /** Withdrawn by the citizen: settled by them, counted apart. */
  withdrawnAt?: string;
  returnedAt?: string;
  timeliness?: Settlement;
  /** Working days from receipt to settlement, supplement waits not counted. */
  workingDays?: number;
}

const ms = (iso: string | undefined) => (iso === undefined ? Number.POSITIVE_INFINITY : Date.parse(iso));
const canonical = (iso: string) => new Date(Date.parse(iso)).toISOString();

/**
 * The facts of a folded dossier, or null for one whose receipt is not known (nothing to count).
 * Cheap enough for every push: a few calendar walks over the dossier's own days.
 */
export function dossierFacts(s: DossierState, cal: CalendarData): DossierFacts | null {
  if (s.status === 'unknown' || !s.receivedAt || !s.dueAt) return null;
  const ended = s.supplementPeriods.filter((p): p is { from: string; to: string } => p.to !== undefined);
  const waiting = s.supplementPeriods.find((p) => p.to === undefined);
  const withdraw = s.status === 'withdrawn' ? s.history.find((e) => e.action === 'withdraw' && !e.flagged) : undefined;
  const facts: DossierFacts = {
    id: s.id,
    code: s.code,
    procedureId: s.procedureId,
    staffId: s.staffId,
    channel: s.channel,
    status: s.status,
    extended: s.extended,
    receivedAt: s.receivedAt,
    dueAt: currentDueAt({ dueAt: s.dueAt, supplementPeriods: ended }, cal, s.receivedAt),
  };
  if (waiting) facts.waitingSince = waiting.from;
  if (withdraw) facts.withdrawnAt = canonical(withdraw.at);
  if (s.returnedAt) facts.returnedAt = s.returnedAt;
  if (s.processedAt) {
    facts.settledAt = s.processedAt;
    facts.timeliness = dossierTimeliness(s, cal) as Settlement;
    const paused = ended.reduce((sum, p) => sum + workingDaysBetween(cal, p.from, p.to), 0);
    facts.workingDays = Math.max(0, workingDaysBetween(cal, s.receivedAt, s.processedAt) - paused);
  }
  return facts;
}

/**
 * Still open at `at` and past its due date then. A dossier waiting for the citizen's supplement is
 * on the citizen's clock: overdue only if the desk's time had run out before the wait began.
 */
export function overdueAt(f: Pick<DossierFacts, 'dueAt' | 'waitingSince'>, at: number): boolean {
  const waiting = ms(f.waitingSince);
  if (waiting <= at) return waiting > ms(f.dueAt);
  return ms(f.dueAt) < at;
}

/** A report's period: Vietnam dates, inclusive, as instants; `at` judges what is open (its end, or now if earlier). */
export interface ReportPeriod {
  from: string;
  to: string;
  start: string;
  end: string;
  at: string;
}

export function reportPeriod(from: string, to: string, now: Date): ReportPeriod {
  const start = vnDateTime(from, '00:00').toISOString();
  const end = new Date(vnDateTime(to, '00:00').getTime() + 86_400_000).toISOString();
  return { from, to, start, end, at: new Date(Math.min(Date.parse(end), now.getTime())).toISOString() };
}

/** The counts of a settlement table, as the domain adds them up and as SQL returns them. */
export type SettlementCounts = Omit<SettlementFigures, 'toHandle' | 'settled' | 'progressRate' | 'onTimeRate' | 'avgWorkingDays'> & {
  /** Sum of the working days of the dossiers settled in the period. */
  workingDays: number;
};

export const emptySettlementCounts = (): SettlementCounts => ({
  carriedOver: 0,
  received: 0,
  receivedByChannel: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>,
  early: 0,
  onTime: 0,
  late: 0,
  withdrawn: 0,
  openWithinTime: 0,
  openOverdue: 0,
  atHome: 0,
  workingDays: 0,
});

/**
 * Add one dossier to a settlement table. To handle: received before the end and not settled nor
 * withdrawn before the start; of those, settled or withdrawn within the period, else open at the
 * end (judged at `at`). The SQL of src/server/reports.ts writes these same conditions.
 */
export function countDossier(c: SettlementCounts, f: DossierFacts, p: { start: number; end: number; at: number }): void {
  const received = ms(f.receivedAt);
  const closed = Math.min(ms(f.settledAt), ms(f.withdrawnAt));
  if (received >= p.end || closed < p.start) return;
  if (received < p.start) c.carriedOver++;
  else {
    c.received++;
    c.receivedByChannel[f.channel] = (c.receivedByChannel[f.channel] ?? 0) + 1;
  }
  if (closed >= p.end) {
    if (overdueAt(f, p.at)) c.openOverdue++;
    else c.openWithinTime++;
  } else if (f.withdrawnAt !== undefined && ms(f.withdrawnAt) < p.end) c.withdrawn++;
  else {
    if (f.timeliness === 'early') c.early++;
    else if (f.timeliness === 'on-time') c.onTime++;
    else c.late++;
    if (f.channel === 'home') c.atHome++;
    c.workingDays += f.workingDays ?? 0;
  }
}

const ratio = (a: number, b: number) => (b ? a / b : null);

/** Counts → the table with its totals and rates (Decision 766): the one finishing step of tablet and server. */
export function finishSettlement(c: SettlementCounts): SettlementFigures {
  const { workingDays, ...counts } = c;
  const settled = c.early + c.onTime + c.late;
  const toHandle = c.carriedOver + c.received;
  return {
    ...counts,
    receivedByChannel: { ...c.receivedByChannel },
    toHandle,
    settled,
    progressRate: ratio(c.early + c.onTime + c.openWithinTime, toHandle),
    onTimeRate: ratio(c.early + c.onTime, settled),
    avgWorkingDays: ratio(workingDays, settled),
  };
}

/** Sum tables (a province of communes): counts add, rates are worked out again from the sums. */
export function addSettlementCounts(into: SettlementCounts, c: SettlementCounts): SettlementCounts {
  for (const k of ['carriedOver', 'received', 'early', 'onTime', 'late', 'withdrawn', 'openWithinTime', 'openOverdue', 'atHome', 'workingDays'] as const) into[k] += c[k];
  for (const ch of CHANNELS) into.receivedByChannel[ch] += c.receivedByChannel[ch] ?? 0;
  return into;
}

/** Back from figures to counts (to sum communes' reports). */
export function settlementCountsOf(f: SettlementFigures): SettlementCounts {
  return {
    carriedOver: f.carriedOver,
    received: f.received,
    receivedByChannel: { ...f.receivedByChannel },
    early: f.early,
    onTime: f.onTime,
    late: f.late,
    withdrawn: f.withdrawn,
    openWithinTime: f.openWithinTime,
    openOverdue: f.openOverdue,
    atHome: f.atHome,
    workingDays: (f.avgWorkingDays ?? 0) * f.settled,
  };
}

// ---- Satisfaction ----

/** What the figures need of a survey answer. `excluded`: left out (stuffed, back-dated, clock ahead). */
export interface ReportSurvey {
  opId: string;
  at: string;
  rating: Rating;
  criteria?: Record<string, string>;
  answers?: Record<string, boolean>;
  comment?: string;
  dossierCode?: string;
  excluded?: boolean;
}

/** The raw counts of the satisfaction block, as added up here or returned by SQL. */
export interface SatisfactionCounts {
  byRating: { rating: string; n: number }[];
  byCriterion: { criterion: string; rating: string; n: number }[];
  byHour: { weekday: number; hour: number; responses: number; satisfied: number }[];
  comments: number;
}

export const SATISFIED: readonly Rating[] = ['very-satisfied', 'satisfied'];
const emptyRatings = (): RatingCounts => Object.fromEntries(RATINGS.map((r) => [r, 0])) as RatingCounts;
const isRating = (r: string): r is Rating => (RATINGS as readonly string[]).includes(r);
const satisfiedRate = (byRating: RatingCounts, responses: number) => ratio(byRating['very-satisfied'] + byRating.satisfied, responses);

export function finishSatisfaction(c: SatisfactionCounts): SatisfactionFigures {
  const byRating = emptyRatings();
  for (const r of c.byRating) if (isRating(r.rating)) byRating[r.rating] += r.n;
  const responses = RATINGS.reduce((sum, r) => sum + byRating[r], 0);
  const byCriterion: SatisfactionFigures['byCriterion'] = {};
  for (const r of c.byCriterion) {
    if (!isRating(r.rating)) continue;
    const entry = (byCriterion[r.criterion] ??= { responses: 0, byRating: emptyRatings(), satisfiedRate: null });
    entry.byRating[r.rating] += r.n;
    entry.responses += r.n;
  }
  for (const entry of Object.values(byCriterion)) entry.satisfiedRate = satisfiedRate(entry.byRating, entry.responses);
  // Cells of several communes (a province's total) meet here: one cell per weekday and hour.
  const cells = new Map<number, SatisfactionFigures['byHour'][number]>();
  for (const h of c.byHour) {
    const cell = cells.get(h.weekday * 24 + h.hour) ?? { weekday: h.weekday, hour: h.hour, responses: 0, satisfied: 0 };
    cell.responses += h.responses;
    cell.satisfied += h.satisfied;
    cells.set(h.weekday * 24 + h.hour, cell);
  }
  const byHour = [...cells.values()].filter((h) => h.responses > 0).sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  return { responses, byRating, satisfiedRate: satisfiedRate(byRating, responses), byCriterion, byHour, comments: c.comments };
}

/** Monday 1 … Sunday 7, and the hour, in Vietnam time. */
export function vnWeekdayHour(iso: string): { weekday: number; hour: number } {
  return { weekday: vnWeekday(vnDateKey(iso)) || 7, hour: Math.floor(vnMinutesOfDay(iso) / 60) };
}

/**
 * The answers that count in a period: not left out, answered in it, and for a dossier code only
 * its first answer ever (by time then op id; DESIGN: "one response per dossier code (the first)").
 * A second answer a month later is still a second answer, so it counts in no period: that also
 * makes a period's counts the sum of its months' (the server keeps finished months' counts).
 * Answers with no code all count.
 */
export function countedSurveys(surveys: readonly ReportSurvey[], p: { start: number; end: number }): ReportSurvey[] {
  const inOrder = surveys.filter((s) => !s.excluded).sort((a, b) => ms(a.at) - ms(b.at) || (a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0));
  const seen = new Set<string>();
  return inOrder.filter((s) => {
    const first = !s.dossierCode || !seen.has(s.dossierCode);
    if (s.dossierCode) seen.add(s.dossierCode);
    return first && ms(s.at) >= p.start && ms(s.at) < p.end;
  });
}

function satisfactionCounts(counted: readonly ReportSurvey[]): SatisfactionCounts {
  const byRating = new Map<string, number>();
  const byCriterion = new Map<string, { criterion: string; rating: string; n: number }>();
  const byHour = new Map<string, { weekday: number; hour: number; responses: number; satisfied: number }>();
  let comments = 0;
  for (const s of counted) {
    byRating.set(s.rating, (byRating.get(s.rating) ?? 0) + 1);
    for (const [criterion, rating] of Object.entries(s.criteria ?? {})) {
      const key = `${criterion}\u0000${rating}`;
      const e = byCriterion.get(key) ?? { criterion, rating, n: 0 };
      e.n++;
      byCriterion.set(key, e);
    }
    const { weekday, hour } = vnWeekdayHour(s.at);
    const cell = byHour.get(`${weekday}/${hour}`) ?? { weekday, hour, responses: 0, satisfied: 0 };
    cell.responses++;
    if (SATISFIED.includes(s.rating)) cell.satisfied++;
    byHour.set(`${weekday}/${hour}`, cell);
    if (s.comment?.trim()) comments++;
  }
  return { byRating: [...byRating].map(([rating, n]) => ({ rating, n })), byCriterion: [...byCriterion.values()], byHour: [...byHour.values()], comments };
}

// ---- Letters ----

/**
 * The letters a dossier calls for and never had: the one its procedure carries once the result is
 * ready, the apology when it was extended, settled late or is overdue now.
 */
export function suggestedLetterKinds(f: DossierFacts, procedureKind: LetterKind | undefined, issued: Iterable<LetterKind>, now: number): LetterKind[] {
  const kinds: LetterKind[] = [];
  if (procedureKind && (f.status === 'result-ready' || f.status === 'returned')) kinds.push(procedureKind);
  const open = f.settledAt === undefined && f.withdrawnAt === undefined;
  if (f.extended || f.timeliness === 'late' || (open && overdueAt(f, now))) kinds.push('apology');
  const done = new Set(issued);
  return kinds.filter((k) => !done.has(k));
}

// ---- Checklists and home service ----

/** A yes/no answer's checklist items, by the commune's survey (the same mapping the server uses). */
function checklistBlockOf(records: readonly ChecklistRecord[], counted: readonly ReportSurvey[], survey: SurveyDefinition | null, from: string, to: string): ChecklistBlock {
  const byKey = new Map<string, ChecklistItemFigures>();
  const item = (templateId: string, itemId: string) => {
    const key = `${templateId}/${itemId}`;
    let i = byKey.get(key);
    if (!i) {
      i = { templateId, itemId, checks: 0, yes: 0, citizenChecks: 0, citizenYes: 0, byMode: Object.fromEntries(CHECK_MODES.map((m) => [m, { checks: 0, yes: 0 }])) as ChecklistItemFigures['byMode'] };
      byKey.set(key, i);
    }
    return i;
  };
  let done = 0;
  let skipped = 0;
  for (const r of records) {
    if (r.date < from || r.date > to) continue;
    if (r.skipped) {
      skipped++;
      continue;
    }
    done++;
    for (const [itemId, yes] of Object.entries(r.items)) {
      const i = item(r.templateId, itemId);
      i.checks++;
      i.byMode[r.mode].checks++;
      if (yes === true) {
        i.yes++;
        i.byMode[r.mode].yes++;
      }
    }
  }
  for (const s of counted) {
    for (const ref of citizenItemAnswers(survey, s.answers)) {
      const i = item(ref.templateId, ref.itemId);
      i.citizenChecks++;
      if (ref.yes) i.citizenYes++;
    }
  }
  return { records: done, skipped, items: [...byKey.values()].sort((a, b) => (`${a.templateId}/${a.itemId}` < `${b.templateId}/${b.itemId}` ? -1 : 1)) };
}

function homeBlockOf(
  clients: readonly Pick<HomeClient, 'id' | 'reason' | 'registeredAt'>[],
  visits: readonly Pick<HomeVisit, 'clientId' | 'date' | 'outcome' | 'dossierIds'>[],
  facts: readonly DossierFacts[],
  period: ReportPeriod,
): HomeFigures {
  const f: HomeFigures = { clients: 0, visitsPlanned: 0, visitsDone: 0, dossiersAtHome: 0, dossiersReceivedAtHome: 0, dossiersReturnedAtHome: 0, byReason: {} };
  const start = ms(period.start);
  const end = ms(period.end);
  const reasonOf = new Map(clients.map((c) => [c.id, c.reason]));
  const reason = (r: string) => (f.byReason[r] ??= { clients: 0, visitsPlanned: 0, visitsDone: 0 });
  for (const c of clients) {
    reason(c.reason);
    if (ms(c.registeredAt) < end) {
      f.clients++;
      reason(c.reason).clients++;
    }
  }
  const returnedOnVisit = new Set<string>();
  for (const v of visits) {
    if (v.date < period.from || v.date > period.to) continue;
    if (v.outcome === 'done') for (const id of v.dossierIds) returnedOnVisit.add(id);
    // Visits count under their person's reason (a visit of a person not on the list counts nowhere).
    const r = reasonOf.get(v.clientId);
    if (r === undefined) continue;
    f.visitsPlanned++;
    reason(r).visitsPlanned++;
    if (v.outcome !== 'done') continue;
    f.visitsDone++;
    reason(r).visitsDone++;
  }
  const received = new Set<string>();
  const returned = new Set<string>();
  for (const d of facts) {
    if (d.channel === 'home' && ms(d.receivedAt) >= start && ms(d.receivedAt) < end) received.add(d.id);
    if (returnedOnVisit.has(d.id) && ms(d.returnedAt) >= start && ms(d.returnedAt) < end) returned.add(d.id);
  }
  f.dossiersReceivedAtHome = received.size;
  f.dossiersReturnedAtHome = returned.size;
  f.dossiersAtHome = new Set([...received, ...returned]).size;
  return f;
}

// ---- The commune's report ----

export interface ReportInput {
  communeId: string;
  from: string;
  to: string;
  now: Date;
  facts: readonly DossierFacts[];
  surveys: readonly ReportSurvey[];
  letters: readonly (FigureLetter & { dossierId?: string; clientId?: string })[];
  /** Which letter each procedure's result brings (the commune's procedures). */
  letterKindOf: Readonly<Record<string, LetterKind | undefined>>;
  checklists: readonly ChecklistRecord[];
  survey: SurveyDefinition | null;
  homeClients: readonly (Pick<HomeClient, 'id' | 'reason' | 'registeredAt'> & { birthYear?: number })[];
  homeVisits: readonly Pick<HomeVisit, 'clientId' | 'date' | 'outcome' | 'dossierIds'>[];
  excluded?: ExcludedFigures;
  /** Narrow the dossier figures (table, procedures, officers) to one procedure or receiving officer. */
  filter?: { procedureId?: string; staffId?: string };
}

const byId = <T extends Record<K, string>, K extends string>(rows: T[], k: K) => rows.sort((a, b) => (a[k] < b[k] ? -1 : a[k] > b[k] ? 1 : 0));

/** Rows of a breakdown from counts by key: the commune's procedures or officers. */
export function breakdownRows<K extends 'procedureId' | 'staffId'>(key: K, counts: Map<string, SettlementCounts>): (SettlementFigures & Record<K, string>)[] {
  return byId(
    [...counts].map(([id, c]) => ({ [key]: id, ...finishSettlement(c) }) as SettlementFigures & Record<K, string>),
    key,
  );
}

/** Officers' satisfaction: answers linked (by dossier code) to a dossier the officer received. */
export function officerRows(counts: Map<string, SettlementCounts>, satisfaction: Map<string, { responses: number; satisfied: number }>): OfficerRow[] {
  return breakdownRows('staffId', counts).map((row) => {
    const s = satisfaction.get(row.staffId) ?? { responses: 0, satisfied: 0 };
    return { ...row, satisfaction: { responses: s.responses, satisfiedRate: ratio(s.satisfied, s.responses) } };
  });
}

/**
 * The commune's report for a period, from facts and report rows: what the counter tablet computes
 * offline (db/figures.ts) and what the server's SQL must agree with.
 */
export function communeReport(input: ReportInput): CommuneReport {
  const period = reportPeriod(input.from, input.to, input.now);
  const p = { start: ms(period.start), end: ms(period.end), at: ms(period.at) };
  const { procedureId, staffId } = input.filter ?? {};
  const total = emptySettlementCounts();
  const byProcedure = new Map<string, SettlementCounts>();
  const byOfficer = new Map<string, SettlementCounts>();
  for (const f of input.facts) {
    if ((procedureId && f.procedureId !== procedureId) || (staffId && f.staffId !== staffId)) continue;
    const before = total.carriedOver + total.received;
    countDossier(total, f, p);
    if (total.carriedOver + total.received === before) continue;
    for (const [map, key] of [
      [byProcedure, f.procedureId],
      [byOfficer, f.staffId],
    ] as const) {
      if (!map.has(key)) map.set(key, emptySettlementCounts());
      countDossier(map.get(key)!, f, p);
    }
  }
  const counted = countedSurveys(input.surveys, p);
  // An answer counts for the officer who received its dossier when given at or after the receipt
  // (one dated before it is a clock's error: it counts in the satisfaction, for no officer). The
  // server then only recounts a dossier's months from its receipt on (report-months.ts).
  const factOf = new Map(input.facts.map((f) => [f.code, f]));
  const officerSatisfaction = new Map<string, { responses: number; satisfied: number }>();
  for (const s of counted) {
    const f = s.dossierCode ? factOf.get(s.dossierCode) : undefined;
    const who = f && ms(f.receivedAt) <= ms(s.at) ? f.staffId : undefined;
    if (who === undefined || !byOfficer.has(who)) continue;
    const e = officerSatisfaction.get(who) ?? { responses: 0, satisfied: 0 };
    e.responses++;
    if (SATISFIED.includes(s.rating)) e.satisfied++;
    officerSatisfaction.set(who, e);
  }
  // Letters the period's dossiers (received in it) called for and never had.
  const issuedFor = new Map<string, LetterKind[]>();
  for (const l of input.letters) if (l.dossierId) issuedFor.set(l.dossierId, [...(issuedFor.get(l.dossierId) ?? []), l.kind]);
  const suggested = input.facts
    .filter((f) => ms(f.receivedAt) >= p.start && ms(f.receivedAt) < p.end)
    .flatMap((f) => suggestedLetterKinds(f, input.letterKindOf[f.procedureId], issuedFor.get(f.id) ?? [], input.now.getTime()));
  // And the longevity letters due in the year of `to` to people on the list by the period's end.
  const listed = input.homeClients.filter((c) => ms(c.registeredAt) < p.end);
  suggested.push(...longevityDue(listed, [...input.letters], Number(input.to.slice(0, 4))).map((): LetterKind => 'longevity'));
  return {
    communeId: input.communeId,
    from: input.from,
    to: input.to,
    ...(procedureId ? { procedureId } : {}),
    ...(staffId ? { staffId } : {}),
    ...finishSettlement(total),
    satisfaction: finishSatisfaction(satisfactionCounts(counted)),
    letters: letterFigures({ letters: [...input.letters], suggested, from: input.from, to: input.to }),
    checklists: checklistBlockOf(input.checklists, counted, input.survey, input.from, input.to),
    home: homeBlockOf(input.homeClients, input.homeVisits, input.facts, period),
    procedures: breakdownRows('procedureId', byProcedure) as ProcedureRow[],
    officers: officerRows(byOfficer, officerSatisfaction),
    excluded: input.excluded ?? { rate: 0, burst: 0, backdated: 0, clockAhead: 0 },
  };
}
