// The report of DESIGN.md › Figures on designed cases: each dossier is folded from real ops, its
// facts worked out once (dossierFacts), and the period's standard table counted from them.
import { describe, expect, it } from 'vitest';
import {
  communeReport,
  dossierFacts,
  foldDossier,
  formatHlc,
  vnDateTime,
  type CalendarData,
  type ChecklistRecord,
  type DossierFacts,
  type FoldOp,
  type ReportInput,
  type ReportSurvey,
  type SurveyDefinition,
} from '../../../../src/domain';
import { NOTHING_ELSE } from '../../../support/report-of';

// March 2026: Tue 17 is a holiday. Office closes at 17:00.
const cal: CalendarData = {
  officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
  sameDayCutoff: '15:00',
  holidays: [{ date: '2026-03-17', name: 'A holiday' }],
  workingWeekends: [],
};
const at = (date: string, time = '09:00') => vnDateTime(date, time).toISOString();

let n = 0;
/** Fold a dossier from its receipt and actions, as a tablet and the server do, and take its facts. */
function dossier(
  received: { at: string; due: string; channel?: string; procedureId?: string; staffId?: string; code?: string },
  ...steps: [action: string, when: string, extra?: Record<string, unknown>][]
): DossierFacts {
  const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const op = (type: string, when: string, data: Record<string, unknown>, i: number): FoldOp => ({
    opId: `${id.slice(0, -3)}${String(i).padStart(3, '0')}`,
    deviceSeq: i + 1,
    deviceId: 'd',
    type,
    entityId: id,
    at: when,
    hlc: formatHlc({ wall: Date.parse(when), counter: i }),
    data,
  });
  const ops = [
    op('dossier.received', received.at, {
      code: received.code ?? `HS-${n}`,
      procedureId: received.procedureId ?? 'khai-sinh',
      applicant: { name: 'A' },
      channel: received.channel ?? 'counter',
      receivedAt: received.at,
      dueAt: received.due,
      documents: [],
      writtenByStaff: false,
      staffId: received.staffId ?? 'lan',
    }, 0),
    ...steps.map(([action, when, extra], i) => op('dossier.transitioned', when, { action, staffId: 'lan', ...actionFields(action), ...extra }, i + 1)),
  ];
  return dossierFacts(foldDossier(id, ops), cal)!;
}
const actionFields = (action: string): Record<string, unknown> =>
  action === 'request-supplement' ? { missingDocuments: ['x'] } : ['refuse', 'withdraw', 'stop'].includes(action) ? { reason: 'r' } : {};

const settle = (when: string): [string, string][] => [
  ['start-processing', when],
  ['mark-result-ready', when],
];

function report(facts: DossierFacts[], over: Partial<ReportInput> = {}) {
  return communeReport({
    communeId: 'c',
    from: '2026-03-01',
    to: '2026-03-31',
    now: new Date(at('2026-04-15')),
    facts,
    surveys: [],
    ...NOTHING_ELSE,
    ...over,
  });
}

// Received Tuesday 10/03, due Friday 13/03 17:00.
const R = { at: at('2026-03-10'), due: at('2026-03-13', '17:00') };

describe('dossierFacts', () => {
  it('takes settlement at the first of result ready, returned, refused, stopped, with working days less the waits', () => {
    const f = dossier(R, ...settle(at('2026-03-12')), ['return-result', at('2026-03-20')]);
    expect(f).toMatchObject({ settledAt: at('2026-03-12'), returnedAt: at('2026-03-20'), timeliness: 'early', workingDays: 2, staffId: 'lan', channel: 'counter' });
    const waited = dossier(R, ['request-supplement', at('2026-03-11')], ['receive-supplement', at('2026-03-13')], ['start-processing', at('2026-03-13')], ['mark-result-ready', at('2026-03-16')]);
    // Receipt → settlement: Wed 11, Thu 12, Fri 13, Mon 16 = 4 working days; the wait 11 → 13 took 2 of them.
    expect(waited.workingDays).toBe(2);
  });

  it('moves the due date back by a finished supplement wait', () => {
    // Waited Wed 11 → Fri 13 (2 working days): due Friday 13 becomes Wednesday 18 (Tue 17 is a holiday).
    const f = dossier(R, ['request-supplement', at('2026-03-11')], ['receive-supplement', at('2026-03-13')], ['start-processing', at('2026-03-13')], ['mark-result-ready', at('2026-03-18', '16:00')]);
    expect(f.dueAt).toBe(at('2026-03-18', '17:00'));
    expect(f.timeliness).toBe('on-time');
    // Without the wait, the same settlement is late.
    expect(dossier(R, ...settle(at('2026-03-18', '16:00'))).timeliness).toBe('late');
  });

  it('counts a dossier late after a second supplement request, whatever the dates', () => {
    const f = dossier(
      R,
      ['request-supplement', at('2026-03-10', '10:00')],
      ['receive-supplement', at('2026-03-10', '11:00')],
      ['start-processing', at('2026-03-10', '11:00')],
      ['request-supplement', at('2026-03-10', '14:00')],
      ['receive-supplement', at('2026-03-10', '15:00')],
      ['start-processing', at('2026-03-10', '15:00')],
      ['mark-result-ready', at('2026-03-10', '16:00')],
    );
    expect(f.timeliness).toBe('late');
  });

  it('keeps an open wait apart, and the withdrawal time', () => {
    expect(dossier(R, ['request-supplement', at('2026-03-11')]).waitingSince).toBe(at('2026-03-11'));
    const w = dossier(R, ['withdraw', at('2026-03-12')]);
    expect(w.withdrawnAt).toBe(at('2026-03-12'));
    expect([w.settledAt, w.timeliness]).toEqual([undefined, undefined]);
  });

  it('has none for a dossier whose receipt is not known', () => {
    expect(dossierFacts(foldDossier('x', []), cal)).toBeNull();
  });
});

describe('the standard settlement table', () => {
  const facts = [
    dossier(R, ...settle(at('2026-03-11'))), // early
    dossier({ ...R, channel: 'home' }, ...settle(at('2026-03-13', '16:00'))), // on time, at home
    dossier(R, ['start-processing', at('2026-03-11')], ['stop', at('2026-03-16')]), // late (stopped)
    dossier(R, ['withdraw', at('2026-03-12')]), // withdrawn: apart
    dossier(R, ['start-processing', at('2026-03-11')]), // open, overdue at the end of March
    dossier({ at: at('2026-03-30'), due: at('2026-04-02', '17:00'), channel: 'online' }), // open, within time at the end
    // Waiting for the citizen since before its due date: on the citizen's clock, within time.
    dossier(R, ['request-supplement', at('2026-03-12')]),
    // Waiting since after its due date ran out: overdue.
    dossier(R, ['request-supplement', at('2026-03-16')]),
    // Carried over: received in February, still open on 1 March, settled on time in March.
    dossier({ at: at('2026-02-25'), due: at('2026-03-02', '17:00') }, ...settle(at('2026-03-02', '10:00'))),
    // Received in February and settled in February: not in March's table at all.
    dossier({ at: at('2026-02-25'), due: at('2026-03-02', '17:00') }, ...settle(at('2026-02-26'))),
    // Received in February, withdrawn in March: carried over and withdrawn.
    dossier({ at: at('2026-02-25'), due: at('2026-03-02', '17:00') }, ['withdraw', at('2026-03-03')]),
    // Received in March, settled in April: open at the end of March (overdue: due 13/03).
    dossier(R, ...settle(at('2026-04-02'))),
    // Received in April: not March's.
    dossier({ at: at('2026-04-01'), due: at('2026-04-03', '17:00') }),
  ];
  const r = report(facts);

  it('counts every category', () => {
    expect(r).toMatchObject({
      carriedOver: 2,
      received: 9,
      receivedByChannel: { counter: 7, home: 1, online: 1 },
      toHandle: 11,
      settled: 4,
      early: 1,
      onTime: 2,
      late: 1,
      withdrawn: 2,
      openWithinTime: 2,
      openOverdue: 3,
      atHome: 1,
    });
    expect(r.settled + r.withdrawn + r.openWithinTime + r.openOverdue).toBe(r.toHandle);
  });

  it('gives the Decision 766 rates', () => {
    expect(r.progressRate).toBeCloseTo((1 + 2 + 2) / 11);
    expect(r.onTimeRate).toBeCloseTo(3 / 4);
    // Working days: 1 (early), 3 (on time), 4 (stopped Mon 16: Wed, Thu, Fri, Mon), 3 (carried over: Thu 26, Fri 27, Mon 2).
    expect(r.avgWorkingDays).toBeCloseTo((1 + 3 + 4 + 3) / 4);
  });

  it('judges what is open at now when the period is not over', () => {
    const mid = report(facts, { now: new Date(at('2026-03-12', '12:00')) });
    // On 12/03 the overdue ones of the month's end were still within time; settlement counts the whole period.
    expect(mid.openOverdue).toBe(0);
    expect(mid.openWithinTime).toBe(r.openWithinTime + r.openOverdue);
  });

  it('breaks the table down by procedure and receiving officer, and narrows to one', () => {
    const mixed = [...facts, dossier({ ...R, procedureId: 'khai-tu', staffId: 'minh' }, ...settle(at('2026-03-16')))];
    const all = report(mixed);
    expect(all.procedures.map((p) => [p.procedureId, p.toHandle, p.late])).toEqual([
      ['khai-sinh', 11, 1],
      ['khai-tu', 1, 1],
    ]);
    expect(all.officers.map((o) => [o.staffId, o.toHandle, o.settled])).toEqual([
      ['lan', 11, 4],
      ['minh', 1, 1],
    ]);
    const minh = report(mixed, { filter: { staffId: 'minh' } });
    expect(minh).toMatchObject({ staffId: 'minh', toHandle: 1, late: 1, onTimeRate: 0 });
    expect(minh.officers.map((o) => o.staffId)).toEqual(['minh']);
    expect(report(mixed, { filter: { procedureId: 'khai-tu' } }).procedures.map((p) => p.procedureId)).toEqual(['khai-tu']);
  });
});

describe('satisfaction', () => {
  const s = (opId: string, when: string, rating: ReportSurvey['rating'], over: Partial<ReportSurvey> = {}): ReportSurvey => ({ opId, at: when, rating, ...over });
  const facts = [dossier({ ...R, code: 'HS-A', staffId: 'minh' })];
  const surveys = [
    s('a1', at('2026-03-10', '10:15'), 'not-satisfied', { dossierCode: 'HS-A', criteria: { officer: 'not-satisfied' }, comment: 'Chờ lâu' }),
    s('a2', at('2026-03-10', '10:20'), 'very-satisfied', { dossierCode: 'HS-A' }), // the same dossier again: the first counts
    s('b', at('2026-03-11', '14:05'), 'satisfied', { criteria: { officer: 'very-satisfied', result: 'normal' }, comment: '  ' }),
    s('c', at('2026-03-15', '08:00'), 'satisfied'), // no code: all count
    s('d', at('2026-03-15', '08:30'), 'very-satisfied', { excluded: true }), // stuffed or back-dated: left out
    s('e', at('2026-04-01', '08:30'), 'normal'), // outside
  ];
  const r = report(facts, { surveys }).satisfaction;

  it('counts one response per dossier code and leaves flagged answers out', () => {
    expect(r.responses).toBe(3);
    expect(r.byRating).toEqual({ 'very-satisfied': 0, satisfied: 2, normal: 0, 'not-satisfied': 1 });
    expect(r.satisfiedRate).toBeCloseTo(2 / 3);
    expect(r.comments).toBe(1);
  });

  it('counts each criterion, and a heat map by Vietnam weekday (Monday 1) and hour', () => {
    expect(r.byCriterion.officer).toMatchObject({ responses: 2, satisfiedRate: 0.5 });
    expect(r.byCriterion.result).toMatchObject({ responses: 1, satisfiedRate: 0, byRating: { normal: 1 } });
    expect(r.byHour).toEqual([
      { weekday: 2, hour: 10, responses: 1, satisfied: 0 }, // Tuesday 10/03
      { weekday: 3, hour: 14, responses: 1, satisfied: 1 }, // Wednesday 11/03
      { weekday: 7, hour: 8, responses: 1, satisfied: 1 }, // Sunday 15/03
    ]);
  });

  it("counts a dossier code's first answer ever: a second answer in a later period counts in none", () => {
    const again = [s('a0', at('2026-02-27', '09:00'), 'satisfied', { dossierCode: 'HS-A' }), ...surveys];
    const march = report(facts, { surveys: again }).satisfaction;
    expect(march.responses).toBe(2); // b and c: HS-A was answered in February first
    expect(march.byRating['not-satisfied']).toBe(0);
    expect(report(facts, { surveys: again, from: '2026-02-01', to: '2026-02-28' }).satisfaction.responses).toBe(1);
  });

  it('gives no officer an answer dated before its dossier was received (a clock out of step), but counts it', () => {
    const early = [s('x', at('2026-03-09', '10:00'), 'satisfied', { dossierCode: 'HS-A' })];
    const r = report(facts, { surveys: early });
    expect(r.satisfaction.responses).toBe(1);
    expect(r.officers.find((o) => o.staffId === 'minh')?.satisfaction).toEqual({ responses: 0, satisfiedRate: null });
  });

  it("gives the receiving officer the answers linked to their dossiers", () => {
    const minh = report(facts, { surveys }).officers.find((o) => o.staffId === 'minh');
    expect(minh?.satisfaction).toEqual({ responses: 1, satisfiedRate: 0 });
  });
});

describe('letters, checklists and home service', () => {
  it('takes the letter settlement rate as delivered / (issued + suggested and not issued)', () => {
    const done = dossier({ ...R, procedureId: 'khai-tu' }, ...settle(at('2026-03-11')));
    const late = dossier(R, ...settle(at('2026-03-20')));
    const r = report([done, late], {
      letterKindOf: { 'khai-tu': 'condolence' },
      letters: [{ kind: 'thanks', issuedAt: at('2026-03-05'), deliveredAt: at('2026-03-06') }],
    });
    expect(r.letters).toMatchObject({ issued: 1, delivered: 1, suggested: 2, deliveredRate: 1, settlementRate: 1 / 3 });
    expect(r.letters.byKind.condolence.suggested).toBe(1);
    expect(r.letters.byKind.apology.suggested).toBe(1);
  });

  it('suggests the longevity letters due this year to people on the home list, as the tablets list them', () => {
    const homeClients = [
      { id: 'p80', reason: 'elderly' as const, registeredAt: at('2026-01-05'), birthYear: 1946 }, // turns 80 in 2026
      { id: 'p81', reason: 'elderly' as const, registeredAt: at('2026-01-05'), birthYear: 1945 }, // 81: no greeting due
      { id: 'p90', reason: 'sick' as const, registeredAt: at('2026-01-05'), birthYear: 1936 }, // 90, greeted below
      { id: 'late', reason: 'elderly' as const, registeredAt: at('2026-04-02'), birthYear: 1956 }, // 70, listed after the period
    ];
    const r = report([], { homeClients, letters: [{ kind: 'longevity', issuedAt: at('2026-02-10'), clientId: 'p90' }] });
    expect(r.letters.byKind.longevity).toEqual({ issued: 0, delivered: 0, suggested: 1 });
    // A greeting of last year does not count for this one.
    const before = report([], { homeClients, letters: [{ kind: 'longevity', issuedAt: at('2025-02-10'), clientId: 'p90' }] });
    expect(before.letters.byKind.longevity.suggested).toBe(2);
  });

  it('counts checks per item and mode, and citizens answering a question that names an item', () => {
    const survey = { questions: [{ id: 'q1', label: { vi: 'a', en: 'a' }, checklistItem: 't/greet' }], criteria: [] } as unknown as SurveyDefinition;
    const rec = (over: Partial<ChecklistRecord>): ChecklistRecord => ({ id: 'r', templateId: 't', templateVersion: 1, staffId: 'lan', checkedBy: 'lan', mode: 'self', date: '2026-03-10', items: { greet: true }, skipped: false, at: at('2026-03-10'), ...over });
    const r = report([], {
      survey,
      checklists: [rec({}), rec({ mode: 'leader', items: { greet: false } }), rec({ skipped: true, items: {} }), rec({ date: '2026-04-01' })],
      surveys: [{ opId: 's', at: at('2026-03-10'), rating: 'satisfied', answers: { q1: true } }],
    });
    expect(r.checklists).toMatchObject({ records: 2, skipped: 1 });
    expect(r.checklists.items).toEqual([
      { templateId: 't', itemId: 'greet', checks: 2, yes: 1, citizenChecks: 1, citizenYes: 1, byMode: { self: { checks: 1, yes: 1 }, leader: { checks: 1, yes: 0 }, peer: { checks: 0, yes: 0 } } },
    ]);
  });

  it('counts the home block: people on the list, visits, dossiers received or returned at a home', () => {
    const home = dossier({ ...R, channel: 'home' });
    const returned = dossier(R, ...settle(at('2026-03-11')), ['return-result', at('2026-03-12')]);
    const r = report([home, returned], {
      homeClients: [
        { id: 'p1', reason: 'elderly', registeredAt: at('2026-01-01') },
        { id: 'p2', reason: 'sick', registeredAt: at('2026-04-02') },
      ],
      homeVisits: [
        { clientId: 'p1', date: '2026-03-12', outcome: 'done', dossierIds: [returned.id] },
        { clientId: 'p1', date: '2026-03-20', outcome: 'not-home', dossierIds: [] },
      ],
    });
    expect(r.home).toMatchObject({ clients: 1, visitsPlanned: 2, visitsDone: 1, dossiersReceivedAtHome: 1, dossiersReturnedAtHome: 1, dossiersAtHome: 2 });
    expect(r.home.byReason.elderly).toEqual({ clients: 1, visitsPlanned: 2, visitsDone: 1 });
  });
});
