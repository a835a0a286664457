import { describe, expect, it } from 'vitest';
import { dossierTimeliness, vnDateTime, type CalendarData } from '../../../../src/domain';
import { reportOf as communeFigures, type FigureSurvey, type TestDossier } from '../../../support/report-of';

const cal: CalendarData = {
  officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
  sameDayCutoff: '15:00',
  holidays: [{ date: '2026-03-17', name: 'A holiday' }],
  workingWeekends: [],
};
const at = (date: string, time: string) => vnDateTime(date, time).toISOString();

/** Received Tuesday 10/03 09:00, due Friday 13/03 17:00. */
function dossier(over: Partial<TestDossier> = {}): TestDossier {
  return {
    status: 'returned',
    channel: 'counter',
    receivedAt: at('2026-03-10', '09:00'),
    dueAt: at('2026-03-13', '17:00'),
    supplementPeriods: [],
    ...over,
  };
}

describe('dossierTimeliness', () => {
  it('is on time up to the due instant, late after it', () => {
    expect(dossierTimeliness(dossier({ processedAt: at('2026-03-13', '16:00') }), cal)).toBe('on-time');
    expect(dossierTimeliness(dossier({ processedAt: at('2026-03-13', '17:00') }), cal)).toBe('on-time');
    expect(dossierTimeliness(dossier({ processedAt: at('2026-03-13', '17:01') }), cal)).toBe('late');
    expect(dossierTimeliness(dossier({ processedAt: at('2026-03-16', '08:00') }), cal)).toBe('late');
  });

  it('is early when processing ended at least one working day before the due date', () => {
    expect(dossierTimeliness(dossier({ processedAt: at('2026-03-12', '16:00') }), cal)).toBe('early');
    expect(dossierTimeliness(dossier({ processedAt: at('2026-03-10', '10:00') }), cal)).toBe('early');
    expect(dossierTimeliness(dossier({ processedAt: at('2026-03-13', '08:00') }), cal)).toBe('on-time'); // same day
  });

  it('does not count working days spent waiting for the citizen’s supplement', () => {
    // Waiting from Wednesday 11/03 to Monday 16/03 takes 12, 13 and 16/03 off the clock, so the
    // due date moves 3 working days past Friday 13/03: 16, 18 (17/03 is a holiday), 19/03.
    const waited = { supplementPeriods: [{ from: at('2026-03-11', '10:00'), to: at('2026-03-16', '09:00') }] };
    expect(dossierTimeliness(dossier({ ...waited, processedAt: at('2026-03-19', '16:59') }), cal)).toBe('on-time');
    expect(dossierTimeliness(dossier({ ...waited, processedAt: at('2026-03-19', '17:01') }), cal)).toBe('late');
    expect(dossierTimeliness(dossier({ ...waited, processedAt: at('2026-03-18', '10:00') }), cal)).toBe('early');
    // Without the wait, the same dates are late.
    expect(dossierTimeliness(dossier({ processedAt: at('2026-03-19', '16:59') }), cal)).toBe('late');
  });

  it('counts a wait still open at the end of processing up to that end', () => {
    const end = at('2026-03-20', '10:00');
    const open = dossierTimeliness(dossier({ status: 'refused', processedAt: end, supplementPeriods: [{ from: at('2026-03-11', '10:00') }] }), cal);
    const closed = dossierTimeliness(dossier({ status: 'refused', processedAt: end, supplementPeriods: [{ from: at('2026-03-11', '10:00'), to: end }] }), cal);
    expect(open).toBe(closed);
    expect(open).not.toBe('late');
    expect(dossierTimeliness(dossier({ status: 'refused', processedAt: end }), cal)).toBe('late');
  });

  it('is open until processing ends, and withdrawn dossiers are neither late nor on time', () => {
    expect(dossierTimeliness(dossier({ status: 'processing' }), cal)).toBe('open');
    expect(dossierTimeliness(dossier({ status: 'withdrawn', processedAt: undefined }), cal)).toBe('withdrawn');
  });

  it('reads processedAt in any ISO form', () => {
    expect(dossierTimeliness(dossier({ processedAt: '2026-03-13T17:30:00+07:00' }), cal)).toBe('late');
    expect(dossierTimeliness(dossier({ processedAt: '2026-03-13T16:30:00+07:00' }), cal)).toBe('on-time');
  });
});

// The old communeFigures counted dossiers *received* in the range; the report counts the standard
// table (DESIGN.md › Figures): dossiers to handle = carried over + received, settled ones are those
// settled in the period, withdrawn ones apart. The differences are said where they show.
describe('the commune report (was communeFigures)', () => {
  const surveys: FigureSurvey[] = [
    { rating: 'very-satisfied', at: at('2026-03-10', '10:00') },
    { rating: 'satisfied', at: at('2026-03-11', '10:00') },
    { rating: 'normal', at: at('2026-03-11', '11:00') },
    { rating: 'not-satisfied', at: at('2026-03-12', '10:00') },
    { rating: 'very-satisfied', at: at('2026-04-01', '10:00') }, // out of range
  ];
  const dossiers: TestDossier[] = [
    dossier({ processedAt: at('2026-03-11', '10:00') }), // early
    dossier({ processedAt: at('2026-03-13', '10:00'), channel: 'home' }), // on time, at home
    dossier({ processedAt: at('2026-03-16', '10:00'), status: 'stopped' }), // late
    dossier({ status: 'processing' }), // open, overdue by 20/03
    dossier({ status: 'received', dueAt: at('2026-03-25', '17:00') }), // open, not overdue
    dossier({ status: 'withdrawn', channel: 'home', withdrawnAt: at('2026-03-12', '09:00') }), // settled by the citizen, not at home
    // Received before the range, settled in it: carried over, and settled (early) in March.
    dossier({ receivedAt: at('2026-02-28', '09:00'), processedAt: at('2026-03-01', '09:00') }),
    // 23:30 UTC on 31/03 is 06:30 on 01/04 in Vietnam: after the range.
    dossier({ receivedAt: '2026-03-31T23:30:00Z', processedAt: at('2026-04-01', '09:00') }),
  ];
  const f = communeFigures({ dossiers, surveys, calendar: cal, from: '2026-03-01', to: '2026-03-31', now: new Date(at('2026-03-20', '09:00')) });

  it('counts the dossiers to handle by how they were settled', () => {
    // Old: received 6, settled 4 (withdrawn among them), early 1, open 2, overdueOpen 1. Now the
    // February dossier settled in March is carried over and early, and withdrawn is apart.
    expect(f).toMatchObject({ received: 6, carriedOver: 1, toHandle: 7, settled: 4, early: 2, onTime: 1, late: 1, withdrawn: 1, openWithinTime: 1, openOverdue: 1, atHome: 1 });
    expect(f.onTimeRate).toBeCloseTo(3 / 4); // old: 2/3, without the carried-over dossier
    expect(f.progressRate).toBeCloseTo((2 + 1 + 1) / 7);
  });

  it('gives the satisfaction rate as satisfied + very satisfied over responses', () => {
    expect(f.satisfaction.responses).toBe(4);
    expect(f.satisfaction.byRating).toEqual({ 'very-satisfied': 1, satisfied: 1, normal: 1, 'not-satisfied': 1 });
    expect(f.satisfaction.satisfiedRate).toBe(0.5);
  });

  it('takes the range in Vietnam dates, both ends included', () => {
    const one = communeFigures({ dossiers, surveys, calendar: cal, from: '2026-04-01', to: '2026-04-01', now: new Date() });
    expect(one.received).toBe(1);
    expect(one.satisfaction.responses).toBe(1);
  });

  it('has no rates when nothing was judged or answered', () => {
    const empty = communeFigures({ dossiers: [], surveys: [], calendar: cal, from: '2026-03-01', to: '2026-03-31', now: new Date() });
    expect(empty.onTimeRate).toBeNull();
    expect(empty.progressRate).toBeNull();
    expect(empty.avgWorkingDays).toBeNull();
    expect(empty.satisfaction.satisfiedRate).toBeNull();
    expect(empty.received).toBe(0);
  });
});
