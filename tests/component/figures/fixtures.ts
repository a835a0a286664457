import type { CommuneReport, ProvinceReport, SettlementFigures } from '../../../src/domain';

/** A settlement table whose counts add up as the report's do (toHandle = carriedOver + received, …), rates worked out from them. */
export function settlement(p: { carriedOver: number; counter: number; home?: number; online?: number; early: number; onTime: number; late: number; withdrawn?: number; openWithinTime: number; openOverdue: number; avgWorkingDays?: number | null }): SettlementFigures {
  const received = p.counter + (p.home ?? 0) + (p.online ?? 0);
  const toHandle = p.carriedOver + received;
  const settled = p.early + p.onTime + p.late;
  return {
    toHandle,
    carriedOver: p.carriedOver,
    received,
    receivedByChannel: { counter: p.counter, home: p.home ?? 0, online: p.online ?? 0 },
    settled,
    early: p.early,
    onTime: p.onTime,
    late: p.late,
    withdrawn: p.withdrawn ?? 0,
    openWithinTime: p.openWithinTime,
    openOverdue: p.openOverdue,
    progressRate: toHandle ? (p.early + p.onTime + p.openWithinTime) / toHandle : null,
    onTimeRate: settled ? (p.early + p.onTime) / settled : null,
    atHome: p.home ?? 0,
    avgWorkingDays: p.avgWorkingDays ?? null,
  };
}

const tally = (checks: number, yes: number) => ({ checks, yes });

export function communeReport(from: string, to: string, s: SettlementFigures, over: Partial<CommuneReport> = {}): CommuneReport {
  return {
    communeId: 'c1',
    from,
    to,
    ...s,
    satisfaction: {
      responses: 20,
      byRating: { 'very-satisfied': 8, satisfied: 9, normal: 2, 'not-satisfied': 1 },
      satisfiedRate: 17 / 20,
      byCriterion: { officer: { responses: 10, byRating: { 'very-satisfied': 5, satisfied: 4, normal: 0, 'not-satisfied': 1 }, satisfiedRate: 0.9 } },
      byHour: [
        { weekday: 1, hour: 8, responses: 5, satisfied: 4 },
        { weekday: 3, hour: 14, responses: 3, satisfied: 3 },
      ],
      comments: 2,
    },
    letters: {
      issued: 4,
      delivered: 3,
      suggested: 1,
      deliveredRate: 0.75,
      settlementRate: 0.6,
      byKind: {
        apology: { issued: 1, delivered: 1, suggested: 0 },
        thanks: { issued: 0, delivered: 0, suggested: 0 },
        congratulation: { issued: 3, delivered: 2, suggested: 1 },
        condolence: { issued: 0, delivered: 0, suggested: 0 },
        longevity: { issued: 0, delivered: 0, suggested: 0 },
      },
    },
    checklists: {
      records: 12,
      skipped: 2,
      items: [{ templateId: 'five-knows', itemId: 'listen', checks: 10, yes: 9, citizenChecks: 4, citizenYes: 3, byMode: { self: tally(6, 6), leader: tally(3, 2), peer: tally(1, 1) } }],
    },
    home: { clients: 7, visitsPlanned: 5, visitsDone: 4, dossiersAtHome: 3, dossiersReceivedAtHome: 2, dossiersReturnedAtHome: 1, byReason: {} },
    procedures: [
      { procedureId: 'birth', name: 'Đăng ký khai sinh', ...settlement({ carriedOver: 1, counter: 6, early: 3, onTime: 2, late: 1, openWithinTime: 1, openOverdue: 0, avgWorkingDays: 1.5 }) },
      { procedureId: 'marriage', name: 'Đăng ký kết hôn', ...settlement({ carriedOver: 0, counter: 3, early: 1, onTime: 1, late: 0, openWithinTime: 1, openOverdue: 0, avgWorkingDays: 2 }) },
    ],
    officers: [{ staffId: 's1', name: 'Nguyễn Thị Lan', ...settlement({ carriedOver: 1, counter: 9, early: 4, onTime: 3, late: 1, openWithinTime: 2, openOverdue: 0 }), satisfaction: { responses: 12, satisfiedRate: 0.75 } }],
    excluded: { rate: 0, burst: 0, backdated: 0, clockAhead: 0 },
    ...over,
  };
}

/** This month 1–15/11/2026 (10 received, 80 % progress), last month's 1–15 (7 received, 75 %), a year before (5 received). */
export const NOW = communeReport('2026-11-01', '2026-11-15', settlement({ carriedOver: 0, counter: 8, home: 2, early: 4, onTime: 3, late: 1, openWithinTime: 1, openOverdue: 1, avgWorkingDays: 2.25 }));
export const PREVIOUS = communeReport('2026-10-01', '2026-10-15', settlement({ carriedOver: 1, counter: 7, early: 3, onTime: 2, late: 2, openWithinTime: 1, openOverdue: 0, avgWorkingDays: 3 }));
export const YEAR_BEFORE = communeReport('2025-11-01', '2025-11-15', settlement({ carriedOver: 0, counter: 5, early: 1, onTime: 1, late: 2, openWithinTime: 0, openOverdue: 1 }));

export function provinceReport(): ProvinceReport {
  const a = { ...communeReport('2026-11-01', '2026-11-15', settlement({ carriedOver: 0, counter: 10, early: 5, onTime: 3, late: 2, openWithinTime: 0, openOverdue: 0 })), communeId: 'ca', code: 'A', name: 'Xã An Bình' };
  const b = { ...communeReport('2026-11-01', '2026-11-15', settlement({ carriedOver: 0, counter: 10, early: 9, onTime: 1, late: 0, openWithinTime: 0, openOverdue: 0 })), communeId: 'cb', code: 'B', name: 'Xã Bình Minh' };
  b.satisfaction = { ...b.satisfaction, satisfiedRate: 0.5 };
  const c = { ...communeReport('2026-11-01', '2026-11-15', settlement({ carriedOver: 0, counter: 10, early: 2, onTime: 6, late: 1, openWithinTime: 1, openOverdue: 0 })), communeId: 'cc', code: 'C', name: 'Xã Cát Tiên' };
  c.satisfaction = { ...c.satisfaction, satisfiedRate: 0.95 };
  const total = { ...communeReport('2026-11-01', '2026-11-15', settlement({ carriedOver: 0, counter: 30, early: 16, onTime: 10, late: 3, openWithinTime: 1, openOverdue: 0 })), communeId: null };
  return { province: 'Lạng Sơn', from: '2026-11-01', to: '2026-11-15', communes: [a, b, c], total };
}
