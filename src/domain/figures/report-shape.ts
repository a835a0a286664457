import type { Channel } from '../dossiers/lifecycle';
import type { CheckMode } from '../checklists/ops';
import type { Rating } from '../surveys/ratings';
import type { Tally } from '../checklists/scoring';
import type { LetterFigures } from '../letters/figures';

/*
 * The shape of a report (DESIGN.md › Wire contract › Reports, 1.1), written once for the three
 * places that meet on it: the domain function that computes it on a tablet, the server that
 * computes it with SQL, and the screens and exports that show it. Names of DESIGN.md 1.1 are kept;
 * the fields marked "extension" are additions (listed in the notes for DESIGN.md).
 */

/** The settlement table of Decision 766 for a set of dossiers (a commune, a procedure, an officer). */
export interface SettlementFigures {
  /** carriedOver + received. */
  toHandle: number;
  /** Received before the period and still open at its start. */
  carriedOver: number;
  /** Received in the period. */
  received: number;
  receivedByChannel: Record<Channel, number>;
  /** Of toHandle, settled in the period: early + onTime + late (withdrawn apart). */
  settled: number;
  early: number;
  onTime: number;
  late: number;
  /** Of toHandle, withdrawn by the citizen in the period: counted apart from settled. */
  withdrawn: number;
  /** Of toHandle, still open at the end of the period (or now, when the period is not over). */
  openWithinTime: number;
  openOverdue: number;
  /** (early + onTime + openWithinTime) / toHandle — Decision 766 "tiến độ giải quyết". */
  progressRate: number | null;
  /** (early + onTime) / settled. */
  onTimeRate: number | null;
  /** Settled in the period with channel home. */
  atHome: number;
  /** Average working days from receipt to settlement (supplement waits not counted), over settled. */
  avgWorkingDays: number | null;
}

export type RatingCounts = Record<Rating, number>;

export interface SatisfactionFigures {
  /** One response per dossier code (the first); responses with no dossier code all count. */
  responses: number;
  byRating: RatingCounts;
  /** (very satisfied + satisfied) / responses. */
  satisfiedRate: number | null;
  /** Extension: per SIPAS criterion id of the survey definition, the same counts. */
  byCriterion: Record<string, { responses: number; byRating: RatingCounts; satisfiedRate: number | null }>;
  /** Extension: the heat map — weekday 1 (Monday) … 7 (Sunday) and hour 0–23, Vietnam time. Only cells with answers. */
  byHour: { weekday: number; hour: number; responses: number; satisfied: number }[];
  /** Extension: how many counted responses carry a comment (the comments themselves: GET …/reports/comments). */
  comments: number;
}

export interface ChecklistItemFigures {
  templateId: string;
  itemId: string;
  checks: number;
  yes: number;
  citizenChecks: number;
  citizenYes: number;
  byMode: Record<CheckMode, Tally>;
}

export interface ChecklistBlock {
  records: number;
  skipped: number;
  items: ChecklistItemFigures[];
}

export interface HomeFigures {
  /** People on the list by the end of the period. */
  clients: number;
  visitsPlanned: number;
  visitsDone: number;
  /** Dossiers received at a home in the period, plus those returned at a home on a visit of the period. */
  dossiersAtHome: number;
  dossiersReceivedAtHome: number;
  dossiersReturnedAtHome: number;
  byReason: Record<string, { clients: number; visitsPlanned: number; visitsDone: number }>;
}

export interface ExcludedFigures {
  rate: number;
  burst: number;
  backdated: number;
  clockAhead: number;
}

/** A line of a breakdown: the settlement table of one procedure or one officer (the receiving one). */
export type ProcedureRow = SettlementFigures & { procedureId: string; name?: string };
export type OfficerRow = SettlementFigures & { staffId: string; name?: string; satisfaction: Pick<SatisfactionFigures, 'responses' | 'satisfiedRate'> };

/**
 * One commune's report for a period of Vietnam dates (inclusive). `procedureId` / `staffId`
 * narrow the dossier figures to one procedure or officer (the drill-down); the other blocks stay
 * the commune's.
 */
export interface CommuneReport extends SettlementFigures {
  communeId: string;
  from: string;
  to: string;
  procedureId?: string;
  staffId?: string;
  satisfaction: SatisfactionFigures;
  letters: LetterFigures;
  checklists: ChecklistBlock;
  home: HomeFigures;
  procedures: ProcedureRow[];
  /** Extension: the receiving officers' rows, for the drill-down. */
  officers: OfficerRow[];
  /** Extension: what was left out of the figures, and why. */
  excluded: ExcludedFigures;
}

/** GET /api/v1/admin/reports?province=…: every commune of the province side by side, and the total. */
export interface ProvinceReport {
  province: string;
  from: string;
  to: string;
  communes: (CommuneReport & { code: string; name: string })[];
  /** The province as one: counts summed, rates recomputed from the sums (never averaged). */
  total: Omit<CommuneReport, 'communeId'> & { communeId: null };
}

/** Extension, GET /api/v1/admin/reports/monthly?communeId=|province=&from=YYYY-MM&to=YYYY-MM: the trend, one point a month. */
export interface TrendPoint
  extends Pick<SettlementFigures, 'toHandle' | 'received' | 'settled' | 'early' | 'onTime' | 'late' | 'openWithinTime' | 'openOverdue' | 'progressRate' | 'onTimeRate'> {
  month: string;
  responses: number;
  satisfiedRate: number | null;
}

/** Extension, GET /api/v1/admin/reports/comments?communeId=&from=&to=: citizens' comments, newest first. */
export interface CommentRow {
  opId: string;
  at: string;
  rating: Rating;
  comment: string;
  dossierCode?: string;
  /** POST /api/v1/admin/comments/:opId/handled {note?} marks it; the dashboard shows who and when. */
  handled: { by: string; at: string; note?: string } | null;
}
