import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConfigEditor } from '../../../src/features/admin/config/ConfigEditor';
import { parsePastedDays } from '../../../src/features/admin/config/pasteDays';
import seed from '../../../src/domain/demo/demo-commune.json';
import { setLanguage } from '../../../src/app/i18n';

// Whole editors with a few hundred inputs, walked through on a loaded machine: 5 s is too short.
vi.setConfig({ testTimeout: 20_000 });

// The editor against a stand-in of the admin API: GET answers the config as edited (staff without
// hashes), PUT records the body and bumps the version as the server does. The server's own checks
// are tested in tests/integration/server/config-editor.test.ts.
function fakeServer() {
  const config = {
    version: 7,
    commune: seed.commune,
    procedures: seed.procedures,
    calendar: seed.calendar,
    checklistTemplates: seed.checklistTemplates,
    letterTemplates: seed.letterTemplates,
    staff: seed.staff.map(({ pin: _p, pinSalt: _s, pinHash: _h, ...s }) => s),
    survey: seed.survey,
    settings: { retentionDays: 90, idleLockMinutes: 5 },
  } as Record<string, unknown> & { version: number };
  const puts: { part: string; body: unknown }[] = [];
  const fetchStub = vi.fn(async (url: string, init?: RequestInit) => {
    // A network takes a while: the editor must not draw from a config it has not received yet.
    await new Promise((r) => setTimeout(r, 20));
    const part = /\/config\/(\w+)$/.exec(url)?.[1];
    if (init?.method === 'PUT' && part) {
      const body = JSON.parse(String(init.body));
      puts.push({ part, body });
      config.version += 1;
      if (part !== 'kioskCode') config[part] = body;
      return new Response(JSON.stringify({ version: config.version }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    return new Response(JSON.stringify(config), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { puts, config };
}

const renderEditor = () => render(<ConfigEditor token="t" communeId="c1" onError={(e) => { throw e; }} />);
const openPart = async (name: string) => fireEvent.click(await screen.findByRole('button', { name }));
const saveButton = (name: string) => screen.getByRole('button', { name });

describe('config editor: staff', () => {
  it('adds a member with a role and a PIN, keeps others without resending their PIN, and bumps the version', async () => {
    const { puts } = fakeServer();
    renderEditor();
    await openPart('Cán bộ');
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm cán bộ' }));
    const n = seed.staff.length + 1;
    fireEvent.change(screen.getByRole('textbox', { name: `Họ và tên cán bộ ${n}` }), { target: { value: 'Trần Văn Mới' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Vai trò của Trần Văn Mới' }), { target: { value: 'leader' } });
    fireEvent.change(screen.getByLabelText('Mã PIN mới của Trần Văn Mới'), { target: { value: '135790' } });
    fireEvent.click(screen.getByRole('checkbox', { name: `${seed.staff[1].name} đang làm việc` }));
    fireEvent.click(saveButton('Lưu Cán bộ'));
    expect(await screen.findByRole('status')).toHaveTextContent('Phiên bản cấu hình 8');
    const body = puts[0].body as { id: string; name: string; pin?: string; role?: string; active?: boolean }[];
    expect(puts[0].part).toBe('staff');
    expect(body.at(-1)).toMatchObject({ name: 'Trần Văn Mới', role: 'leader', pin: '135790', active: true });
    expect(body[0]).not.toHaveProperty('pin');
    expect(body[1]).toMatchObject({ active: false });
    // The editor starts again from what was stored: the newcomer is a member like the others now.
    await screen.findByRole('button', { name: 'Đặt lại PIN của Trần Văn Mới' });
    expect(screen.getByRole('combobox', { name: 'Vai trò của Trần Văn Mới' })).toHaveValue('leader');
  });

  it('says clearly what is wrong with a bad PIN and sends nothing', async () => {
    const { puts } = fakeServer();
    renderEditor();
    await openPart('Cán bộ');
    fireEvent.click(await screen.findByRole('button', { name: `Đặt lại PIN của ${seed.staff[0].name}` }));
    fireEvent.change(screen.getByLabelText(`Mã PIN mới của ${seed.staff[0].name}`), { target: { value: '12' } });
    fireEvent.click(saveButton('Lưu Cán bộ'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Cán bộ › #1/);
    expect(puts).toHaveLength(0);
  });
});

describe('config editor: calendar', () => {
  it('pastes next year\'s holidays, previews a due date that skips them, and saves them', async () => {
    const { puts } = fakeServer();
    renderEditor();
    await openPart('Lịch làm việc');
    const year = new Date().getFullYear() + 1;
    const preview = () => screen.getByRole('status', { name: 'Xem thử ngày hẹn trả' });
    // Received on 2 March: 3 working days later, with and without two new days off right after.
    fireEvent.change(await screen.findByLabelText('Ngày tiếp nhận'), { target: { value: `${year}-03-02` } });
    fireEvent.change(screen.getByLabelText('Số ngày làm việc'), { target: { value: '3' } });
    const before = preview().textContent;
    fireEvent.change(screen.getByRole('textbox', { name: 'Mỗi dòng một ngày: dd/mm/yyyy tên ngày nghỉ' }), {
      target: { value: `03/03/${year} Ngày nghỉ thử\n04/03/${year} - Ngày nghỉ thử hai\nkhông phải ngày` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Thêm các ngày đã dán' }));
    expect(screen.getByRole('alert')).toHaveTextContent('không phải ngày');
    expect(screen.getByDisplayValue('Ngày nghỉ thử')).toHaveAccessibleName(/^Ngày nghỉ lễ: tên ngày \d+$/);
    expect(preview().textContent).not.toBe(before);
    fireEvent.click(saveButton('Lưu Lịch làm việc'));
    await screen.findByText(/Phiên bản cấu hình 8/);
    const holidays = (puts[0].body as { holidays: { date: string; name: string }[] }).holidays;
    expect(holidays).toContainEqual({ date: `${year}-03-03`, name: 'Ngày nghỉ thử' });
    expect(holidays).toContainEqual({ date: `${year}-03-04`, name: 'Ngày nghỉ thử hai' });
  });

  it('reads pasted lines in the forms announcements use', () => {
    expect(parsePastedDays('1/1/2027 Tết Dương lịch\n2027-04-30: Giải phóng\n31/02/2027 sai\n\n')).toEqual({
      days: [
        { date: '2027-01-01', name: 'Tết Dương lịch' },
        { date: '2027-04-30', name: 'Giải phóng' },
      ],
      rejected: ['31/02/2027 sai'],
    });
  });

  it('reads a two-column CSV file of the same lines', () => {
    expect(parsePastedDays('02/09/2027,"Quốc khánh"\r\n03/09/2027;Nghỉ liền kề').days).toEqual([
      { date: '2027-09-02', name: 'Quốc khánh' },
      { date: '2027-09-03', name: 'Nghỉ liền kề' },
    ]);
  });
});

describe('config editor: other parts', () => {
  it('refuses an empty procedure name, then saves a changed fee', async () => {
    const { puts } = fakeServer();
    renderEditor();
    await openPart('Thủ tục');
    const name = await screen.findByRole('textbox', { name: 'Tên thủ tục' });
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.click(saveButton('Lưu Thủ tục'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Thủ tục › #1 › Tên: bắt buộc');
    // The due-date preview follows the processing time being edited.
    const preview = screen.getByRole('status', { name: 'Xem thử ngày hẹn trả' });
    expect(preview).toHaveTextContent(/hẹn trả lúc 17:00 \d\d\/\d\d\/\d{4}/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Thời hạn tính theo' }), { target: { value: 'working-days' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Số ngày/giờ' }), { target: { value: '' } });
    expect(preview).toHaveTextContent('Nhập ngày và số ngày làm việc để xem thử.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Số ngày/giờ' }), { target: { value: '3' } });
    expect(preview).toHaveTextContent(/hẹn trả lúc 17:00/);
    fireEvent.change(name, { target: { value: 'Đăng ký khai sinh' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Lệ phí (đồng)' }), { target: { value: '8.000' } });
    fireEvent.click(saveButton('Lưu Thủ tục'));
    await screen.findByText(/Phiên bản cấu hình 8/);
    expect((puts[0].body as { fee: number }[])[0].fee).toBe(8000);
  });

  it('saves a changed checklist as its next version', async () => {
    const { puts } = fakeServer();
    renderEditor();
    await openPart('Bộ tiêu chí');
    fireEvent.change(await screen.findByRole('textbox', { name: 'Tiêu chí 1 (tiếng Việt)' }), { target: { value: 'Biết lắng nghe dân nói' } });
    fireEvent.click(saveButton('Lưu Bộ tiêu chí'));
    await screen.findByText(/Phiên bản cấu hình 8/);
    const [first, ...rest] = puts[0].body as { version: number }[];
    expect(first.version).toBe(seed.checklistTemplates[0].version + 1);
    rest.forEach((tpl, i) => expect(tpl.version).toBe(seed.checklistTemplates[i + 1].version));
  });

  it('previews a letter with its merge fields filled in and flags an unknown field', async () => {
    fakeServer();
    renderEditor();
    await openPart('Mẫu thư');
    const preview = await screen.findByRole('region', { name: 'Xem trước thư (tiếng Việt, như khi in)' });
    expect(preview).toHaveTextContent('Nguyễn Văn An');
    expect(preview).toHaveTextContent(seed.commune.name);
    expect(preview).not.toHaveTextContent('{{');
    fireEvent.change(screen.getByRole('textbox', { name: 'Nội dung thư (tiếng Việt)' }), { target: { value: 'Kính gửi {{applicantName}}, {{tenSai}}' } });
    expect(within(preview).getByText(/Kính gửi Nguyễn Văn An/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('{{tenSai}}');
    expect(screen.getByText('{{dueDate}}')).toBeInTheDocument(); // the merge-field help
  });

  it('links a survey question to a checklist item', async () => {
    const { puts } = fakeServer();
    renderEditor();
    await openPart('Phiếu đánh giá');
    const tpl = seed.checklistTemplates[0];
    // The demo already links question 1 to the first item: link it to another one, a real change.
    const item = tpl.items.find((i) => `${tpl.id}/${i.id}` !== seed.survey.questions[0].checklistItem)!;
    fireEvent.change(await screen.findByRole('combobox', { name: 'Câu hỏi 1 hỏi về tiêu chí' }), { target: { value: `${tpl.id}/${item.id}` } });
    fireEvent.click(saveButton('Lưu Phiếu đánh giá'));
    await screen.findByText(/Phiên bản cấu hình 8/);
    const survey = puts[0].body as { version: number; questions: { checklistItem?: string }[] };
    expect(survey.questions[0].checklistItem).toBe(`${tpl.id}/${item.id}`);
    expect(survey.version).toBe(seed.survey.version + 1);
  });

  it('checks settings and the kiosk code before sending', async () => {
    const { puts } = fakeServer();
    renderEditor();
    await openPart('Cài đặt');
    fireEvent.change(await screen.findByRole('textbox', { name: 'Tự khóa máy khi không dùng (phút)' }), { target: { value: '500' } });
    fireEvent.click(saveButton('Lưu Cài đặt'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cài đặt › Số phút tự khóa: lớn quá (tối đa 120)');
    fireEvent.change(screen.getByRole('textbox', { name: 'Tự khóa máy khi không dùng (phút)' }), { target: { value: '10' } });
    fireEvent.click(saveButton('Lưu Cài đặt'));
    await screen.findByText(/Phiên bản cấu hình 8/);
    expect(puts[0]).toEqual({ part: 'settings', body: { retentionDays: 90, idleLockMinutes: 10 } });
    await openPart('Mã kiosk');
    fireEvent.change(screen.getByLabelText('Mã mở máy đánh giá (kiosk) mới'), { target: { value: 'short' } });
    fireEvent.click(saveButton('Lưu Mã kiosk'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Mã kiosk › Mã');
    expect(puts).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Mã mở máy đánh giá (kiosk) mới'), { target: { value: 'KioskCode2027' } });
    fireEvent.click(saveButton('Lưu Mã kiosk'));
    await waitFor(() => expect(puts[1]).toEqual({ part: 'kioskCode', body: { code: 'KioskCode2027' } }));
  });
});

describe('config editor: moving between parts', () => {
  it('keeps an unsaved draft of one part while another is saved', async () => {
    const { puts } = fakeServer();
    renderEditor();
    await openPart('Cài đặt');
    fireEvent.change(await screen.findByRole('textbox', { name: 'Giữ thông tin cá nhân trên máy sau khi đóng hồ sơ (ngày)' }), { target: { value: '30' } });
    await openPart('Cán bộ');
    fireEvent.click(screen.getByRole('checkbox', { name: `${seed.staff[0].name} đang làm việc` }));
    fireEvent.click(saveButton('Lưu Cán bộ'));
    await screen.findByText(/Phiên bản cấu hình 8/);
    await openPart('Cài đặt');
    expect(screen.getByRole('textbox', { name: 'Giữ thông tin cá nhân trên máy sau khi đóng hồ sơ (ngày)' })).toHaveValue('30');
    expect(puts.map((p) => p.part)).toEqual(['staff']);
  });
});

describe('config editor in English', () => {
  it('names parts, fields and problems in English', async () => {
    await setLanguage('en', false);
    try {
      const { puts } = fakeServer();
      renderEditor();
      await screen.findByRole('heading', { name: 'Commune configuration' });
      await openPart('Procedures');
      fireEvent.change(await screen.findByRole('textbox', { name: 'Procedure name' }), { target: { value: '' } });
      fireEvent.click(saveButton('Save Procedures'));
      expect(await screen.findByRole('alert')).toHaveTextContent('Procedures › #1 › Name: required, cannot be empty');
      expect(puts).toHaveLength(0);
    } finally {
      await setLanguage('vi', false);
    }
  });
});
