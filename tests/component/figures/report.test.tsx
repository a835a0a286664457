import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { readSheet } from 'read-excel-file/node';
import { FigureTableView, LeaderFigures, PrintReport, ReportView, labelsFrom, provinceTable, reportTables, toCsv, toXlsx, type Compared } from '../../../src/features/figures';
import { Comments } from '../../../src/features/admin/figures/Comments';
import seed from '../../../src/domain/demo/demo-commune.json';
import type { CommentRow, CommuneConfig } from '../../../src/domain';
import { setLanguage } from '../../../src/app/i18n';
import { NOW, PREVIOUS, YEAR_BEFORE, provinceReport } from './fixtures';

const vi_ = i18next.getFixedT('vi');
const compared: Compared = { current: NOW, previous: PREVIOUS, yearBefore: YEAR_BEFORE };
const tables = reportTables(compared, vi_, labelsFrom(null, 'vi'));
const cellsOf = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((c) => c.textContent);
const tableNamed = (name: string | RegExp) => screen.getByRole('table', { name });

describe('the report view', () => {
  it('shows every field of the settlement table with this period, the previous one, the year before and the changes', () => {
    render(<ReportView report={NOW} tables={tables} />);
    const table = tableNamed('Tình hình giải quyết hồ sơ');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Chỉ tiêu', 'Kỳ này', 'Kỳ trước', '± so với kỳ trước', 'Cùng kỳ năm trước', '± so với cùng kỳ']);
    const row = (name: string) => cellsOf(within(table).getByRole('row', { name: new RegExp(`^${name}`) }));
    expect(row('Tổng số hồ sơ phải giải quyết')).toEqual(['Tổng số hồ sơ phải giải quyết', '10', '8', '+2', '5', '+5']);
    expect(row('Kỳ trước chuyển sang')).toEqual(['Kỳ trước chuyển sang', '0', '1', '−1', '0', '0']);
    expect(row('— tại nhà')).toEqual(['— tại nhà', '2', '0', '+2', '0', '+2']);
    expect(row('— quá hạn')).toEqual(['— quá hạn', '1', '2', '−1', '2', '−1']);
    expect(row('Công dân rút hồ sơ')[1]).toBe('0');
    expect(row('Đang giải quyết, trong hạn')[1]).toBe('1');
    expect(row('Đang giải quyết, quá hạn')[1]).toBe('1');
    // Progress (4 + 3 + 1) / 10 = 80 % against (3 + 2 + 1) / 8 = 75 %: five points up; a year before 2 / 5 = 40 %.
    expect(row('Tỷ lệ tiến độ giải quyết')).toEqual(['Tỷ lệ tiến độ giải quyết (QĐ 766)', '80%', '75%', '+5 điểm %', '40%', '+40 điểm %']);
    expect(row('Tỷ lệ giải quyết đúng và trước hạn')[1]).toBe('87,5%');
    expect(row('Thời gian giải quyết bình quân')).toEqual(['Thời gian giải quyết bình quân (ngày làm việc)', '2,3', '3,0', '−0,8', '—', '—']);
    expect(row('Tỷ lệ hài lòng')[1]).toBe('85%');
  });

  it('writes numbers the English way in English', async () => {
    await setLanguage('en', false);
    try {
      render(<ReportView report={NOW} tables={reportTables(compared, i18next.getFixedT('en'), labelsFrom(null, 'en'))} />);
      const row = within(tableNamed('Dossier settlement')).getByRole('row', { name: /^Progress rate/ });
      expect(cellsOf(row)).toEqual(['Progress rate (Decision 766)', '80%', '75%', '+5 pp', '40%', '+40 pp']);
    } finally {
      await setLanguage('vi', false);
    }
  });

  it('puts a table beside every chart: the heat map, satisfaction by rating, the settlement bars', () => {
    render(<ReportView report={NOW} tables={tables} />);
    expect(screen.getByRole('img', { name: /Bản đồ nhiệt/ })).toBeInTheDocument();
    const hours = tableNamed('Hài lòng theo thứ và giờ');
    expect(within(hours).getAllByRole('row').slice(1).map(cellsOf)).toEqual([
      ['Thứ Hai', '8–9 giờ', '5', '4', '80%'],
      ['Thứ Tư', '14–15 giờ', '3', '3', '100%'],
    ]);
    expect(screen.getByRole('img', { name: 'Biểu đồ mức độ hài lòng' })).toBeInTheDocument();
    expect(cellsOf(within(tableNamed('Mức độ hài lòng')).getByRole('row', { name: /^Rất hài lòng/ }))).toEqual(['Rất hài lòng', '8', '40%']);
    expect(screen.getByRole('img', { name: 'Hồ sơ theo tiến độ giải quyết' })).toBeInTheDocument();
  });

  it('shows letters, the checklist block three ways plus citizens, home service, procedures and officers', () => {
    render(<ReportView report={NOW} tables={tables} />);
    expect(cellsOf(within(tableNamed('Thư của xã')).getByRole('row', { name: /^Tổng cộng/ }))).toEqual(['Tổng cộng', '4', '3', '1', '75%', '60%']);
    const checklists = tableNamed(/Tác phong phục vụ \(12 lượt kiểm, 2 lượt bỏ qua\)/);
    expect(within(checklists).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Tiêu chí tác phong', 'Cán bộ tự kiểm', 'Lãnh đạo kiểm', 'Đồng nghiệp kiểm', 'Người dân trả lời', 'Số lượt kiểm']);
    expect(cellsOf(within(checklists).getAllByRole('row')[1])).toEqual(['listen', '100%', '66,7%', '100%', '75%', '14']);
    expect(cellsOf(within(tableNamed('Phục vụ tại nhà')).getByRole('row', { name: /^Hồ sơ giải quyết tại nhà/ }))).toEqual(['Hồ sơ giải quyết tại nhà', '3']);
    expect(cellsOf(within(tableNamed('Theo thủ tục')).getByRole('row', { name: /^Đăng ký khai sinh/ }))).toEqual(['Đăng ký khai sinh', '6', '7', '6', '3', '2', '1', '0', '85,7%', '83,3%', '1,5']);
    expect(cellsOf(within(tableNamed('Theo cán bộ tiếp nhận')).getAllByRole('row')[1]).slice(-2)).toEqual(['12', '75%']);
  });

  it('drills into a procedure and an officer from their rows', () => {
    const onDrill = vi.fn();
    render(<ReportView report={NOW} tables={tables} onDrill={onDrill} />);
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký kết hôn' }));
    fireEvent.click(screen.getByRole('button', { name: 'Nguyễn Thị Lan' }));
    expect(onDrill.mock.calls).toEqual([[{ kind: 'procedure', id: 'marriage' }], [{ kind: 'officer', id: 's1' }]]);
  });
});

describe('the province view', () => {
  it('ranks the communes by the chosen rate, best first, with the province total last', () => {
    const report = provinceReport();
    const order = (by: 'progressRate' | 'onTimeRate' | 'satisfiedRate') => {
      const { unmount } = render(<FigureTableView table={provinceTable(report, by, vi_)} />);
      const rows = screen.getAllByRole('row').slice(1).map((r) => cellsOf(r).slice(0, 2));
      unmount();
      return rows;
    };
    // Progress: Bình Minh 100 %, Cát Tiên 90 %, An Bình 80 %.
    expect(order('progressRate')).toEqual([['1', 'Xã Bình Minh'], ['2', 'Xã Cát Tiên'], ['3', 'Xã An Bình'], ['—', 'Toàn tỉnh']]);
    // On time: Bình Minh 100 %, Cát Tiên 8/9, An Bình 80 %.
    expect(order('onTimeRate').map((r) => r[1])).toEqual(['Xã Bình Minh', 'Xã Cát Tiên', 'Xã An Bình', 'Toàn tỉnh']);
    // Satisfaction: Cát Tiên 95 %, An Bình 85 %, Bình Minh 50 %.
    expect(order('satisfiedRate').map((r) => r[1])).toEqual(['Xã Cát Tiên', 'Xã An Bình', 'Xã Bình Minh', 'Toàn tỉnh']);
  });
});

describe('exports', () => {
  it('the CSV starts with a byte-order mark and its rows are the rows on the screen', () => {
    render(<ReportView report={NOW} tables={tables} />);
    const csv = toCsv(tables, 'vi', 'điểm %');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    // A tiny CSV reader for the test: quoted fields with doubled quotes, as RFC 4180 writes them.
    const fields = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, '').replaceAll('""', '"'));
    for (const name of ['Tình hình giải quyết hồ sơ', 'Thư của xã', 'Theo thủ tục']) {
      const table = tableNamed(name);
      const at = lines.indexOf(name);
      expect(at).toBeGreaterThanOrEqual(0);
      const screenRows = within(table).getAllByRole('row').map(cellsOf);
      expect(lines.slice(at + 1, at + 1 + screenRows.length).map(fields)).toEqual(screenRows);
    }
    expect(csv).toContain('80%,75%,+5 điểm %');
  });

  it('the XLSX read back with the same author\'s reader has the tables with typed numbers', async () => {
    // jsdom's Blob has no arrayBuffer(): its bytes through a FileReader, then the Node reader.
    const blob = await toXlsx(tables);
    const bytes = Buffer.from(await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blob);
    }));
    const rows = await readSheet(bytes, 'settlement');
    expect(rows[0]).toEqual(['Chỉ tiêu', 'Kỳ này', 'Kỳ trước', '± so với kỳ trước', 'Cùng kỳ năm trước', '± so với cùng kỳ']);
    expect(rows.find((r) => r[0] === 'Tổng số hồ sơ phải giải quyết')).toEqual(['Tổng số hồ sơ phải giải quyết', 10, 8, 2, 5, 5]);
    expect(rows.find((r) => r[0] === 'Tỷ lệ tiến độ giải quyết (QĐ 766)')?.slice(1, 3)).toEqual([0.8, 0.75]);
    const letters = await readSheet(bytes, 'letters');
    expect(letters.at(-1)).toEqual(['Tổng cộng', 4, 3, 1, 0.75, 0.6]);
  });
});

describe('citizens\' comments', () => {
  it('a leader marks a comment handled, and it then says who and when', async () => {
    const rows: CommentRow[] = [
      { opId: 'op-1', at: '2026-11-10T02:30:00Z', rating: 'not-satisfied', comment: 'Chờ lâu quá', dossierCode: '000.00.01.H29-261110-0001', handled: null },
      { opId: 'op-2', at: '2026-11-09T03:00:00Z', rating: 'very-satisfied', comment: 'Cán bộ nhiệt tình', handled: { by: 'lanh.dao', at: '2026-11-09T08:00:00Z' } },
    ];
    const posts: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posts.push({ url, body: JSON.parse(String(init.body)) });
          rows[0] = { ...rows[0], handled: { by: 'lanh.dao.xa', at: '2026-11-16T03:05:00Z', note: 'Đã gọi điện xin lỗi' } };
          return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'Content-Type': 'application/json' } });
        }
        return new Response(JSON.stringify({ comments: rows }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    render(<Comments token="t" communeId="c1" from="2026-11-01" to="2026-11-15" onError={(e) => { throw e; }} />);
    expect(await screen.findByText('Chờ lâu quá')).toBeInTheDocument();
    expect(screen.getByText('Đã xử lý: lanh.dao, 15:00 09/11/2026')).toBeInTheDocument();
    // Only the unhandled one offers the button.
    const button = screen.getByRole('button', { name: 'Đánh dấu đã xử lý ý kiến lúc 09:30 10/11/2026' });
    expect(screen.getAllByRole('button')).toHaveLength(1);
    fireEvent.change(screen.getByRole('textbox', { name: 'Ghi chú xử lý' }), { target: { value: 'Đã gọi điện xin lỗi' } });
    fireEvent.click(button);
    expect(await screen.findByText(/Đã xử lý: lanh.dao.xa, 10:05 16\/11\/2026/)).toBeInTheDocument();
    expect(screen.getByText(/Đã gọi điện xin lỗi/)).toBeInTheDocument();
    expect(posts).toEqual([{ url: '/api/v1/admin/comments/op-1/handled', body: { note: 'Đã gọi điện xin lỗi' } }]);
    expect(screen.queryByRole('button', { name: /Đánh dấu đã xử lý/ })).toBeNull();
    vi.unstubAllGlobals();
  });
});

describe('the leader\'s figures on the tablet', () => {
  const config = seed as unknown as CommuneConfig;
  it('computes this month, the previous period and the year before from local data, and shows the same view', async () => {
    const load = vi.fn(async ({ from }: { from: string; to: string }) => (from === '2026-11-01' ? NOW : from === '2026-10-01' ? PREVIOUS : YEAR_BEFORE));
    render(<LeaderFigures config={config} leader load={load} now={new Date('2026-11-15T05:00:00Z')} />);
    const row = within(await screen.findByRole('table', { name: 'Tình hình giải quyết hồ sơ' })).getByRole('row', { name: /^Tổng số hồ sơ/ });
    expect(cellsOf(row)).toEqual(['Tổng số hồ sơ phải giải quyết', '10', '8', '+2', '5', '+5']);
    expect(load.mock.calls.map((c) => c[0])).toEqual([
      { from: '2026-11-01', to: '2026-11-15' },
      { from: '2026-10-01', to: '2026-10-15' },
      { from: '2025-11-01', to: '2025-11-15' },
    ]);
    expect(screen.getByRole('button', { name: 'Tải CSV' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Tháng trước' }));
    await waitFor(() => expect(load).toHaveBeenCalledWith({ from: '2026-10-01', to: '2026-10-31' }));
  });
  it('says so to an officer who is not a leader and computes nothing', () => {
    const load = vi.fn();
    render(<LeaderFigures config={config} leader={false} load={load} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Chỉ lãnh đạo xã xem được số liệu này.');
    expect(load).not.toHaveBeenCalled();
  });
});

describe('changes, coloured by meaning', () => {
  it('more late dossiers or more days taken read as worse, more received or a higher rate as better', () => {
    render(<ReportView report={NOW} tables={tables} />);
    const table = tableNamed('Tình hình giải quyết hồ sơ');
    const changeCell = (name: RegExp) => within(table).getByRole('row', { name }).querySelectorAll('td')[2];
    expect(changeCell(/^Tổng số hồ sơ phải giải quyết/)).toHaveClass('better'); // +2
    expect(changeCell(/^— quá hạn/)).toHaveClass('better'); // −1 late
    expect(changeCell(/^Đang giải quyết, quá hạn/)).toHaveClass('worse'); // +1 overdue
    expect(changeCell(/^Thời gian giải quyết bình quân/)).toHaveClass('better'); // −0,8 days
    expect(changeCell(/^Tỷ lệ tiến độ/)).toHaveClass('better'); // +5 points
    expect(changeCell(/^Công dân rút hồ sơ/)).toHaveClass('num'); // no change
  });
});

describe('the printed report', () => {
  it('is in Vietnamese whatever the screen language, with the period and both signatures', async () => {
    await setLanguage('en', false);
    try {
      const { container } = render(<PrintReport compared={compared} unit="UBND xã Tân Lập" made={new Date('2026-11-16T03:00:00Z')} />);
      const paper = container.querySelector('.report-print')!;
      expect(paper).toHaveAttribute('lang', 'vi');
      expect(paper.querySelector('h1')).toHaveTextContent('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH Từ ngày 01/11/2026 đến ngày 15/11/2026');
      expect(paper.textContent).toContain('Ngày lập: 16/11/2026');
      expect([...paper.querySelectorAll('caption')].map((c) => c.textContent)).toEqual(['Tình hình giải quyết hồ sơ', 'Mức độ hài lòng', 'Phục vụ tại nhà', 'Thư của xã', 'Theo thủ tục']);
      expect(paper.textContent).toContain('+5 điểm %');
      expect(paper.textContent).toContain('Thủ trưởng đơn vị');
    } finally {
      await setLanguage('vi', false);
    }
  });
});
