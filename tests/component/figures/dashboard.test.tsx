import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FiguresPanel } from '../../../src/features/admin/figures/FiguresPanel';
import type { CommuneReport, TrendPoint } from '../../../src/domain';
import { NOW, PREVIOUS, YEAR_BEFORE, communeReport, provinceReport, settlement } from './fixtures';

vi.setConfig({ testTimeout: 20_000 });

const communes = [
  { id: 'ca', code: 'A', name: 'Xã An Bình', province: 'Lạng Sơn' },
  { id: 'cb', code: 'B', name: 'Xã Bình Minh', province: 'Lạng Sơn' },
];
const BIRTHS = communeReport('2026-11-01', '2026-11-15', settlement({ carriedOver: 0, counter: 4, early: 2, onTime: 1, late: 1, openWithinTime: 0, openOverdue: 0 }), { procedureId: 'birth' });

/** The admin API as the dashboard calls it; every GET is recorded. */
function fakeServer() {
  const gets: URL[] = [];
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://x');
      gets.push(url);
      const q = url.searchParams;
      if (url.pathname === '/api/v1/admin/reports/monthly') {
        const points: TrendPoint[] = ['2026-10', '2026-11'].map((month, i) => ({ month, toHandle: 8 + i, received: 7 + i, settled: 6, early: 3, onTime: 2, late: 1, openWithinTime: 1, openOverdue: 0, progressRate: 0.7 + i / 10, onTimeRate: 0.8, responses: 10, satisfiedRate: 0.9 }));
        return json({ months: points });
      }
      if (url.pathname === '/api/v1/admin/reports/comments') return json({ comments: [] });
      if (url.pathname.endsWith('/config')) return new Response(JSON.stringify({ error: { code: 'not-found', message: 'no' } }), { status: 404, headers: { 'Content-Type': 'application/json' } });
      if (q.get('province')) return json({ ...provinceReport(), from: q.get('from'), to: q.get('to') });
      if (q.get('procedureId') === 'birth') return json(BIRTHS);
      const byFrom: Record<string, CommuneReport> = { '2026-11-01': NOW, '2026-10-01': PREVIOUS, '2025-11-01': YEAR_BEFORE };
      return json({ ...(byFrom[q.get('from')!] ?? NOW), communeId: q.get('communeId') });
    }),
  );
  return { gets };
}
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const me = { username: 'tinh', role: 'province' as const, province: 'Lạng Sơn' };
const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);

describe('the dashboard figures', () => {
  it('compares the month with the previous period and the year before, and drills province → commune → procedure and back', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-15T03:00:00Z'), toFake: ['Date'] });
    const { gets } = fakeServer();
    render(<FiguresPanel token="t" me={me} communes={communes} communeId="ca" onError={(e) => { throw e; }} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Tháng này' }));

    // The province first: its communes ranked, its three periods asked for.
    const province = await screen.findByRole('table', { name: 'Các xã của Lạng Sơn' });
    expect(within(province).getAllByRole('row').slice(1).map((r) => cells(r)[1])).toEqual(['Xã Bình Minh', 'Xã Cát Tiên', 'Xã An Bình', 'Toàn tỉnh']);
    const asked = (p: (u: URL) => boolean) => gets.filter((u) => u.pathname === '/api/v1/admin/reports' && p(u)).map((u) => `${u.searchParams.get('from')}/${u.searchParams.get('to')}`);
    // It opened on the year so far (and the same span of last year); this month brings its own three.
    expect(asked((u) => u.searchParams.has('province')).sort()).toEqual(['2025-01-01/2025-11-15', '2025-11-01/2025-11-15', '2026-01-01/2026-11-15', '2026-10-01/2026-10-15', '2026-11-01/2026-11-15']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Xếp hạng theo' }), { target: { value: 'satisfiedRate' } });
    expect(within(screen.getByRole('table', { name: 'Các xã của Lạng Sơn' })).getAllByRole('row').slice(1).map((r) => cells(r)[1])).toEqual(['Xã Cát Tiên', 'Xã An Bình', 'Xã Bình Minh', 'Toàn tỉnh']);

    // Into a commune: its report with the comparisons.
    fireEvent.click(screen.getByRole('button', { name: 'Xã An Bình' }));
    const settlementTable = await screen.findByRole('table', { name: 'Tình hình giải quyết hồ sơ' });
    await waitFor(() => expect(cells(within(screen.getByRole('table', { name: 'Tình hình giải quyết hồ sơ' })).getByRole('row', { name: /^Tổng số hồ sơ/ }))).toEqual(['Tổng số hồ sơ phải giải quyết', '10', '8', '+2', '5', '+5']));
    expect(settlementTable).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Các xã của Lạng Sơn' })).toBeNull();
    const crumbs = screen.getByRole('navigation', { name: 'Đang xem' });
    expect(within(crumbs).getByRole('button', { name: 'Lạng Sơn' })).toBeInTheDocument();
    expect(within(crumbs).getByText('Xã An Bình').closest('li')).toHaveAttribute('aria-current', 'page');
    expect(asked((u) => u.searchParams.get('communeId') === 'ca').sort()).toEqual(['2025-11-01/2025-11-15', '2026-10-01/2026-10-15', '2026-11-01/2026-11-15']);
    // The trend of the twelve months to this one, with its table.
    const trend = await screen.findByRole('table', { name: 'Diễn biến theo tháng' });
    expect(within(trend).getAllByRole('row').slice(1).map((r) => cells(r)[0])).toEqual(['10/2026', '11/2026']);
    expect(gets.some((u) => u.pathname.endsWith('/monthly') && u.searchParams.get('communeId') === 'ca' && u.searchParams.get('from') === '2025-12' && u.searchParams.get('to') === '2026-11')).toBe(true);

    // Into a procedure: the report narrowed by procedureId.
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký khai sinh' }));
    await waitFor(() => expect(cells(within(screen.getByRole('table', { name: 'Tình hình giải quyết hồ sơ' })).getByRole('row', { name: /^Tổng số hồ sơ/ }))[1]).toBe('4'));
    expect(gets.some((u) => u.searchParams.get('communeId') === 'ca' && u.searchParams.get('procedureId') === 'birth')).toBe(true);
    expect(within(screen.getByRole('navigation', { name: 'Đang xem' })).getByText('Thủ tục: Đăng ký khai sinh').closest('li')).toHaveAttribute('aria-current', 'page');

    // And back up, step by step.
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Đang xem' })).getByRole('button', { name: 'Xã An Bình' }));
    await waitFor(() => expect(cells(within(screen.getByRole('table', { name: 'Tình hình giải quyết hồ sơ' })).getByRole('row', { name: /^Tổng số hồ sơ/ }))[1]).toBe('10'));
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Đang xem' })).getByRole('button', { name: 'Lạng Sơn' }));
    expect(await screen.findByRole('table', { name: 'Các xã của Lạng Sơn' })).toBeInTheDocument();
  });

  it('a commune account starts at its commune and has no way up to the province', async () => {
    fakeServer();
    render(<FiguresPanel token="t" me={{ username: 'xa', role: 'commune', communeId: 'cb' }} communes={[communes[1]]} communeId="cb" onError={(e) => { throw e; }} />);
    await screen.findByRole('table', { name: 'Tình hình giải quyết hồ sơ' });
    expect(screen.queryByRole('table', { name: /Các xã của/ })).toBeNull();
    expect(within(screen.getByRole('navigation', { name: 'Đang xem' })).queryAllByRole('button')).toHaveLength(0);
  });
});
