// Timeliness against a calendar with a holiday and a swapped working Saturday (metrics.test.ts has the basics).
import { describe, expect, it } from 'vitest';
import { dossierTimeliness, type CalendarData } from '../../../../src/domain';
import { reportOf as communeFigures, type FigureDossier, type TestDossier } from '../../../support/report-of';

// March 2026: Mon 2 … Fri 6, Sat 7, Sun 8, Mon 9 (a made-up holiday), Tue 10 … Fri 13, Sat 14 (worked).
const cal: CalendarData = {
  officeHours: { morning: ['07:30', '11:30'], afternoon: ['13:30', '17:00'] },
  sameDayCutoff: '15:00',
  holidays: [{ date: '2026-03-09', name: 'Ngày nghỉ thử' }],
  workingWeekends: [{ date: '2026-03-14', name: 'Làm bù thứ Bảy' }],
};

/** Vietnam wall time → ISO instant. */
const vn = (date: string, hhmm = '10:00') => new Date(`${date}T${hhmm}:00+07:00`).toISOString();

function dossier(over: Partial<TestDossier> = {}): TestDossier {
  return { status: 'result-ready', channel: 'counter', receivedAt: vn('2026-03-03'), dueAt: vn('2026-03-11', '17:00'), supplementPeriods: [], ...over };
}

describe('dossierTimeliness with days off and swapped days', () => {
  it('counts only working days when judging "early"', () => {
    // Due Tue 10, finished Fri 6 or Sat 7: Sat, Sun and the Monday holiday do not count, Tuesday does.
    expect(dossierTimeliness(dossier({ dueAt: vn('2026-03-10', '17:00'), processedAt: vn('2026-03-06', '16:00') }), cal)).toBe('early');
    expect(dossierTimeliness(dossier({ dueAt: vn('2026-03-10', '17:00'), processedAt: vn('2026-03-07') }), cal)).toBe('early');
    // Finished on the due day itself: on time, not early.
    expect(dossierTimeliness(dossier({ dueAt: vn('2026-03-10', '17:00'), processedAt: vn('2026-03-10', '08:00') }), cal)).toBe('on-time');
    // Due Mon 16, finished on the worked Saturday 14: Monday is still a whole working day ahead.
    expect(dossierTimeliness(dossier({ dueAt: vn('2026-03-16', '17:00'), processedAt: vn('2026-03-14') }), cal)).toBe('early');
  });

  it('moves the due date by the working days of each supplement wait, days off excluded', () => {
    // Wed 4 → Fri 6 = Thu + Fri: due moves from Wed 11 to Fri 13.
    const waited = { supplementPeriods: [{ from: vn('2026-03-04'), to: vn('2026-03-06') }] };
    expect(dossierTimeliness(dossier({ ...waited, processedAt: vn('2026-03-13', '16:00') }), cal)).toBe('on-time');
    expect(dossierTimeliness(dossier({ processedAt: vn('2026-03-13', '16:00') }), cal)).toBe('late');
    // Fri 6 → Mon 9 holds no working day (weekend, holiday): nothing moves.
    const weekend = { supplementPeriods: [{ from: vn('2026-03-06'), to: vn('2026-03-09') }] };
    expect(dossierTimeliness(dossier({ ...weekend, processedAt: vn('2026-03-12', '08:00') }), cal)).toBe('late');
    // Two waits add up: Thu 5, then Tue 10 → due Fri 13.
    const twice = {
      supplementPeriods: [
        { from: vn('2026-03-04'), to: vn('2026-03-05') },
        { from: vn('2026-03-06'), to: vn('2026-03-10') },
      ],
    };
    expect(dossierTimeliness(dossier({ ...twice, processedAt: vn('2026-03-13', '17:00') }), cal)).toBe('on-time');
    // Three days (Tue 3, Wed 4, Thu 5) push the due date onto the worked Saturday 14.
    const long = { supplementPeriods: [{ from: vn('2026-03-02'), to: vn('2026-03-05') }] };
    expect(dossierTimeliness(dossier({ ...long, processedAt: vn('2026-03-14', '16:00') }), cal)).toBe('on-time');
    expect(dossierTimeliness(dossier({ ...long, processedAt: vn('2026-03-14', '17:30') }), cal)).toBe('late');
  });

  it('follows the due date an apology-and-extension set', () => {
    expect(dossierTimeliness(dossier({ dueAt: vn('2026-03-13', '17:00'), extended: true, processedAt: vn('2026-03-13', '10:00') } as Partial<FigureDossier>), cal)).toBe(
      'on-time',
    );
  });
});

describe('the commune report across a month (was communeFigures)', () => {
  it('counts settled, open, overdue and at-home dossiers of Vietnam March', () => {
    const dossiers: TestDossier[] = [
      dossier({ processedAt: vn('2026-03-10', '16:00') }), // early
      dossier({ processedAt: vn('2026-03-11', '16:00'), channel: 'home', status: 'returned' }), // on time, at home
      dossier({ processedAt: vn('2026-03-12', '16:00'), status: 'stopped' }), // late
      dossier({ status: 'processing', processedAt: undefined }), // open, overdue
      dossier({ status: 'received', processedAt: undefined, dueAt: vn('2026-03-25', '17:00') }), // open, not yet due
      dossier({ status: 'withdrawn', processedAt: undefined, channel: 'home', withdrawnAt: vn('2026-03-05') }), // settled by the citizen, apart
      dossier({ receivedAt: '2026-02-28T18:00:00.000Z', processedAt: vn('2026-03-02') }), // 1 March in Vietnam: early
      dossier({ receivedAt: vn('2026-04-01', '06:00'), processedAt: vn('2026-04-01', '08:00') }), // 31 March in UTC: outside
    ];
    const f = communeFigures({ dossiers, surveys: [], calendar: cal, from: '2026-03-01', to: '2026-03-31', now: new Date(vn('2026-03-20')) });
    // Old (received in range): settled 5 with the withdrawn one, open 2, overdueOpen 1.
    expect(f).toMatchObject({ received: 7, settled: 4, withdrawn: 1, early: 2, onTime: 1, late: 1, openWithinTime: 1, openOverdue: 1, atHome: 1 });
    expect(f.onTimeRate).toBeCloseTo(3 / 4);
  });
});
