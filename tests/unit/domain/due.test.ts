import { describe, expect, it } from 'vitest';
import { currentDueAt, dossierTimeliness, isOverdue, type CalendarData } from '../../../src/domain';
import demo from '../../../src/domain/demo/demo-commune.json';
import { reportOf as communeFigures } from '../../support/report-of';

const cal = demo.calendar as CalendarData;
const DUE = '2026-03-09T10:00:00.000Z'; // Monday 9 March 2026, 17:00 in Vietnam

describe('currentDueAt: the due date a dossier has now', () => {
  it('is the set due date when the citizen was never asked for a supplement', () => {
    expect(currentDueAt({ dueAt: DUE, supplementPeriods: [] }, cal, '2026-03-10T03:00:00Z')).toBe(DUE);
    expect(currentDueAt({ dueAt: DUE }, cal, '2026-03-10T03:00:00Z')).toBe(DUE);
  });

  it('moves back by the working days of a finished wait, weekends not counted', () => {
    // Asked Tuesday 3, brought Friday 6: Wed, Thu, Fri are off the clock → Thursday 12, same hour.
    const d = { dueAt: DUE, supplementPeriods: [{ from: '2026-03-03T02:00:00Z', to: '2026-03-06T02:00:00Z' }] };
    expect(currentDueAt(d, cal, '2026-03-10T03:00:00Z')).toBe('2026-03-12T10:00:00.000Z');
    // Asked Friday 6, brought Monday 9: only Monday counts → Tuesday 10.
    expect(currentDueAt({ dueAt: DUE, supplementPeriods: [{ from: '2026-03-06T02:00:00Z', to: '2026-03-09T02:00:00Z' }] }, cal, DUE)).toBe(
      '2026-03-10T10:00:00.000Z',
    );
  });

  it('counts an open wait up to now, so a dossier waiting for papers does not turn overdue', () => {
    const d = { status: 'supplement-requested' as const, dueAt: DUE, supplementPeriods: [{ from: '2026-03-05T02:00:00Z' }] };
    const now = new Date('2026-03-11T03:00:00Z'); // Wednesday 11: Fri 6, Mon 9, Tue 10, Wed 11 waited
    expect(currentDueAt(d, cal, now)).toBe('2026-03-13T10:00:00.000Z');
    expect(isOverdue(d, now, cal)).toBe(false);
    expect(isOverdue(d, now)).toBe(true); // without the calendar only the set date is known
  });

  it('starts from the extended due date', () => {
    const extended = { dueAt: '2026-03-20T10:00:00.000Z', supplementPeriods: [{ from: '2026-03-03T02:00:00Z', to: '2026-03-04T02:00:00Z' }] };
    expect(currentDueAt(extended, cal, DUE)).toBe('2026-03-23T10:00:00.000Z'); // Fri 20 + 1 working day = Mon 23
  });

  it('is the date the figures judge by: the tablet and the central report agree', () => {
    const d = {
      status: 'result-ready' as const,
      dueAt: DUE,
      processedAt: '2026-03-11T09:00:00Z',
      receivedAt: '2026-03-02T02:00:00Z',
      channel: 'counter' as const,
      supplementPeriods: [{ from: '2026-03-03T02:00:00Z', to: '2026-03-06T02:00:00Z' }],
    };
    expect(Date.parse(d.processedAt) < Date.parse(currentDueAt(d, cal, d.processedAt))).toBe(true);
    expect(dossierTimeliness(d, cal)).not.toBe('late');
    const open = { ...d, status: 'processing' as const, processedAt: undefined };
    const now = new Date('2026-03-10T03:00:00Z');
    expect(isOverdue(open, now, cal)).toBe(false);
    const figures = communeFigures({ dossiers: [open], surveys: [], calendar: cal, from: '2026-03-01', to: '2026-03-31', now });
    expect(figures.openOverdue).toBe(0); // was overdueOpen
    expect(figures.openWithinTime).toBe(1);
    expect(communeFigures({ dossiers: [{ ...open, supplementPeriods: [] }], surveys: [], calendar: cal, from: '2026-03-01', to: '2026-03-31', now }).openOverdue).toBe(1);
  });
});
