import {
  communeReport,
  dossierFacts,
  type CalendarData,
  type CommuneReport,
  type ReportInput,
  type DossierState,
  type Rating,
  type TimedDossier,
} from '../../src/domain';

/** A dossier as the old communeFigures took it (the tests of timeliness still write them so). */
export interface FigureDossier extends TimedDossier {
  receivedAt: string;
  channel: DossierState['channel'];
}
export interface FigureSurvey {
  rating: Rating;
  at: string;
}

/** A dossier as the old figures tests wrote it, plus when it was withdrawn (the report counts that apart). */
export type TestDossier = FigureDossier & { withdrawnAt?: string; id?: string; code?: string; procedureId?: string; staffId?: string };

/** The folded state such a dossier would have: enough for dossierFacts. */
export function stateOf(d: TestDossier, i: number): DossierState {
  const withdrawnAt = d.withdrawnAt ?? (d.status === 'withdrawn' ? d.receivedAt : undefined);
  return {
    id: d.id ?? `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    code: d.code ?? `HS-${i}`,
    procedureId: d.procedureId ?? 'p',
    applicant: { name: '' },
    channel: d.channel,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
    originalDueAt: d.dueAt,
    documents: [],
    writtenByStaff: false,
    staffId: d.staffId ?? 's',
    status: d.status,
    returnedAt: undefined,
    history: withdrawnAt ? [{ opId: `w${i}`, hlc: '', deviceId: '', at: withdrawnAt, type: 'dossier.transitioned', action: 'withdraw' }] : [],
    flags: [],
    extended: false,
    supplementRequests: d.supplementRequests ?? d.supplementPeriods.length,
    processedAt: d.processedAt,
    supplementPeriods: d.supplementPeriods,
    lastHlc: '',
  };
}

/** The commune report of these dossiers and surveys alone (no letters, checklists, home rows). */
export function reportOf(input: { dossiers: TestDossier[]; surveys?: FigureSurvey[]; calendar: CalendarData; from: string; to: string; now: Date }): CommuneReport {
  return communeReport({
    communeId: 'c',
    from: input.from,
    to: input.to,
    now: input.now,
    facts: input.dossiers.map((d, i) => dossierFacts(stateOf(d, i), input.calendar)!),
    surveys: (input.surveys ?? []).map((s, i) => ({ opId: `s${String(i).padStart(4, '0')}`, ...s })),
    ...NOTHING_ELSE,
  });
}

/** A report input's other blocks, empty: no letters, checklist records or home rows. */
export const NOTHING_ELSE = { letters: [], letterKindOf: {}, checklists: [], survey: null, homeClients: [], homeVisits: [] } satisfies Partial<ReportInput>;
