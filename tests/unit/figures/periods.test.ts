import { describe, expect, it } from 'vitest';
import { periodsOf, shiftMonths } from '../../../src/features/figures/periods';

describe('figures periods', () => {
  it('compares this month so far with the same days of last month and of the year before', () => {
    expect(periodsOf('month', '2026-11-15')).toEqual({
      current: { from: '2026-11-01', to: '2026-11-15' },
      previous: { from: '2026-10-01', to: '2026-10-15' },
      yearBefore: { from: '2025-11-01', to: '2025-11-15' },
    });
  });
  it('last month is a whole month, compared with the whole month before (a month end stays a month end)', () => {
    expect(periodsOf('lastMonth', '2026-03-10')).toEqual({
      current: { from: '2026-02-01', to: '2026-02-28' },
      previous: { from: '2026-01-01', to: '2026-01-31' },
      yearBefore: { from: '2025-02-01', to: '2025-02-28' },
    });
  });
  it('a quarter so far and a year so far', () => {
    expect(periodsOf('quarter', '2026-11-20').current).toEqual({ from: '2026-10-01', to: '2026-11-20' });
    expect(periodsOf('quarter', '2026-11-20').previous).toEqual({ from: '2026-07-01', to: '2026-08-20' });
    expect(periodsOf('year', '2026-11-20').previous).toEqual({ from: '2025-01-01', to: '2025-11-20' });
  });
  it('a custom period compares with as many days just before it', () => {
    expect(periodsOf('custom', '2026-11-20', { from: '2026-11-10', to: '2026-11-19' }).previous).toEqual({ from: '2026-10-31', to: '2026-11-09' });
  });
  it('shifts dates by months, clamping to the month end', () => {
    expect(shiftMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(shiftMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(shiftMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});
