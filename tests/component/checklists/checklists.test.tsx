import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DossierDetail } from '../../../src/features/dossiers/DossierDetail';
import { checklistRoutes } from '../../../src/features/checklists/routes';
import { renderRoute } from '../../../src/app/routes';
import { useSession } from '../../../src/app/stores';
import { db } from '../../../src/app/db';
import { receiveDossier, recordOp } from '../../../src/db';
import { counterIntake, demoConfig, setUpDemoTablet } from '../../support/fixtures';

const [lan, minh, hung] = demoConfig.staff;
const signIn = (s: (typeof demoConfig.staff)[number]) => useSession.getState().signIn({ id: s.id, name: s.name });
const page = (path: string) => render(<>{renderRoute(checklistRoutes, path, demoConfig)}</>);
const records = () => db.checklistResults.toArray();

async function returnedDossier() {
  await setUpDemoTablet(db);
  signIn(lan);
  const row = await receiveDossier(db, { ...counterIntake('Nguyễn Văn An'), staffId: lan.id });
  for (const action of ['start-processing', 'mark-result-ready'] as const) await recordOp(db, 'dossier.transitioned', row.id, { action, staffId: minh.id });
  return row;
}

describe('the quick check', () => {
  it('appears after returning a result, nothing pre-ticked, and records "all held" in two taps', async () => {
    const row = await returnedDossier();
    const user = userEvent.setup();
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await user.click(await screen.findByRole('button', { name: 'Trả kết quả' }));
    await user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    const form = await screen.findByRole('form', { name: 'Tự kiểm tra nhanh: 5 biết' });
    const toggles = within(form).getAllByRole('button', { pressed: false });
    expect(within(form).queryAllByRole('button', { pressed: true })).toEqual([]);
    expect(toggles.length).toBeGreaterThanOrEqual(10); // held / not held for each of the five items

    let taps = 0;
    const tap = async (name: string) => {
      taps++;
      await user.click(within(form).getByRole('button', { name }));
    };
    await tap('Tất cả đều đạt');
    await tap('Lưu');
    expect(await screen.findByRole('status')).toHaveTextContent('Đã lưu phiếu kiểm tra.');
    expect(taps).toBeLessThanOrEqual(3);
    const [rec] = await records();
    expect(rec).toMatchObject({ staffId: lan.id, checkedBy: lan.id, mode: 'self', dossierId: row.id, templateId: '5-biet', templateVersion: 1, skipped: false });
    expect(rec.items).toEqual({ listen: true, explain: true, trust: true, apologise: true, thank: true });
  });

  it('asks for every item before saving, and a skip is recorded as skipped, with no items', async () => {
    const row = await returnedDossier();
    const user = userEvent.setup();
    await recordOp(db, 'dossier.transitioned', row.id, { action: 'return-result', staffId: lan.id });
    render(<DossierDetail id={row.id} config={demoConfig} />);
    const form = await screen.findByRole('form', { name: /Tự kiểm tra nhanh/ });
    await user.click(within(form).getByRole('button', { name: 'Biết lắng nghe ý kiến của Nhân dân: Chưa đạt' }));
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Còn 4 tiêu chí chưa đánh dấu.');
    expect(await records()).toEqual([]);
    await user.click(within(form).getByRole('button', { name: 'Bỏ qua lần này' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã ghi nhận: bỏ qua lần này.');
    const [rec] = await records();
    expect(rec).toMatchObject({ skipped: true, items: {}, dossierId: row.id });
  });

  it('is not offered to an officer who did not serve the citizen, nor twice for one return', async () => {
    const row = await returnedDossier();
    await recordOp(db, 'dossier.transitioned', row.id, { action: 'return-result', staffId: lan.id });
    signIn(minh);
    const { unmount } = render(<DossierDetail id={row.id} config={demoConfig} />);
    await screen.findByRole('heading', { name: `Hồ sơ ${row.code}` });
    expect(screen.queryByRole('form', { name: /Tự kiểm tra nhanh/ })).not.toBeInTheDocument();
    unmount();
    signIn(lan);
    await recordOp(db, 'checklist.recorded', crypto.randomUUID(), { templateId: '5-biet', templateVersion: 1, staffId: lan.id, checkedBy: lan.id, mode: 'self', date: '2026-03-10', dossierId: row.id, items: {}, skipped: true });
    render(<DossierDetail id={row.id} config={demoConfig} />);
    await screen.findByRole('heading', { name: `Hồ sơ ${row.code}` });
    expect(screen.queryByRole('form', { name: /Tự kiểm tra nhanh/ })).not.toBeInTheDocument();
  });
});

describe('spot checks', () => {
  it("let a leader check another officer, recorded as the leader's check of that officer", async () => {
    await setUpDemoTablet(db);
    signIn(hung);
    const user = userEvent.setup();
    page('/checklists/spot');
    const officer = await screen.findByRole('combobox', { name: 'Cán bộ được kiểm tra' });
    expect(within(officer).queryByRole('option', { name: hung.name })).not.toBeInTheDocument();
    await user.selectOptions(officer, lan.name);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Bảng kiểm tra' }), '3 thể hiện');
    const form = screen.getByRole('form', { name: `3 thể hiện — ${lan.name}` });
    await user.click(within(form).getByRole('button', { name: 'Tất cả đều đạt' }));
    await user.click(within(form).getByRole('button', { name: 'Thể hiện sự gần gũi, thân thiện: Chưa đạt' }));
    await user.type(within(form).getByRole('textbox', { name: 'Ghi chú (không bắt buộc)' }), 'Chưa niềm nở với người cao tuổi');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`${lan.name}: Đã lưu phiếu kiểm tra.`);
    const [rec] = await records();
    expect(rec).toMatchObject({ staffId: lan.id, checkedBy: hung.id, mode: 'leader', templateId: '3-the-hien', items: { respect: true, civility: true, closeness: false } });
    const op = await db.ops.get({ entityId: rec.id });
    expect(op?.data.note).toBe('Chưa niềm nở với người cao tuổi');
  });

  it('are closed to a clerk unless a template allows peer checks', async () => {
    await setUpDemoTablet(db);
    signIn(minh);
    page('/checklists/spot');
    expect(await screen.findByRole('alert')).toHaveTextContent('Chỉ lãnh đạo');
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });
});

describe('the daily self-check', () => {
  it("offers the commune's daily templates and records a self-check with no dossier", async () => {
    await setUpDemoTablet(db);
    signIn(minh);
    const user = userEvent.setup();
    page('/checklists/daily');
    const form = await screen.findByRole('form', { name: '3 thể hiện' });
    expect(screen.getByRole('form', { name: '4 xin, 4 luôn' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '5 biết' })).not.toBeInTheDocument(); // used after an interaction, not daily
    await user.click(within(form).getByRole('button', { name: 'Tất cả đều đạt' }));
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByRole('status')).toHaveTextContent('3 thể hiện: Đã lưu phiếu kiểm tra.');
    const [rec] = await records();
    expect(rec).toMatchObject({ staffId: minh.id, checkedBy: minh.id, mode: 'self', templateId: '3-the-hien', items: { respect: true, civility: true, closeness: true } });
    expect(rec).not.toHaveProperty('dossierId');
  });
});

describe('peer checks', () => {
  it('let a clerk check a colleague on a template the commune opened to peers, recorded as a peer check', async () => {
    await setUpDemoTablet(db);
    signIn(minh);
    const user = userEvent.setup();
    const config = { ...demoConfig, checklistTemplates: demoConfig.checklistTemplates.map((tpl) => (tpl.id === '4-xin-4-luon' ? { ...tpl, peerChecks: true } : tpl)) };
    render(<>{renderRoute(checklistRoutes, '/checklists/spot', config)}</>);
    await screen.findByText('Kiểm tra chéo giữa cán bộ');
    expect(within(screen.getByRole('combobox', { name: 'Bảng kiểm tra' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['4 xin, 4 luôn']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cán bộ được kiểm tra' }), lan.name);
    const form = screen.getByRole('form', { name: `4 xin, 4 luôn — ${lan.name}` });
    await user.click(within(form).getByRole('button', { name: 'Tất cả đều đạt' }));
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await screen.findByRole('status');
    expect(await records()).toEqual([expect.objectContaining({ staffId: lan.id, checkedBy: minh.id, mode: 'peer', templateId: '4-xin-4-luon' })]);
  });
});

describe("the leader's figures", () => {
  async function seedMonth() {
    await setUpDemoTablet(db);
    const day = new Date('2026-03-10T03:00:00Z');
    const row = await receiveDossier(db, { ...counterIntake('Nguyễn Văn An'), staffId: lan.id }, day);
    const rec = (staffId: string, checkedBy: string, mode: string, items: Record<string, boolean>, extra = {}) =>
      recordOp(db, 'checklist.recorded', crypto.randomUUID(), { templateId: '5-biet', templateVersion: 1, staffId, checkedBy, mode, date: '2026-03-10', items, ...extra }, day);
    await rec(lan.id, lan.id, 'self', { listen: true, thank: true });
    await rec(lan.id, lan.id, 'self', { listen: true, thank: true });
    await rec(lan.id, lan.id, 'self', {}, { skipped: true });
    await rec(lan.id, hung.id, 'leader', { listen: true, thank: false });
    await recordOp(db, 'survey.submitted', crypto.randomUUID(), { rating: 'satisfied', answers: { listened: false, thanked: true }, dossierCode: row.code }, day);
  }

  it('show self, leader and citizens per item, officer and week, with wide gaps marked', async () => {
    await seedMonth();
    signIn(hung);
    page('/checklists/figures');
    fireEvent.change(await screen.findByLabelText('Tháng'), { target: { value: '2026-03' } });
    // The screen and the print copy (hidden from assistive tech, shown on paper) both say it.
    await waitFor(() => expect(screen.getAllByText('3 phiếu đã kiểm tra, 1 lần bỏ qua.')).toHaveLength(2));
    const byItem = screen.getByRole('table', { name: 'Theo tiêu chí' });
    const listen = within(byItem).getByRole('row', { name: /Biết lắng nghe/ });
    const cells = within(listen).getAllByRole('cell').map((c) => c.textContent);
    // self 2/2, leader 1/1, peer none, citizens 0/1; gap self − leader 0, self − citizens +100 (wide).
    expect(cells).toEqual(['100 % (2/2)', '100 % (1/1)', '—', '0 % (0/1)', '0', expect.stringContaining('+100')]);
    expect(within(listen).getByText('Chênh lệch lớn')).toBeInTheDocument();
    const thank = within(byItem).getByRole('row', { name: /Biết cảm ơn/ });
    expect(within(thank).getAllByRole('cell').map((c) => c.textContent)).toEqual(['100 % (2/2)', '0 % (0/1)', '—', '100 % (1/1)', expect.stringContaining('+100'), '0']);
    const byOfficer = screen.getByRole('table', { name: 'Theo cán bộ' });
    const lanRow = within(byOfficer).getByRole('row', { name: new RegExp(lan.name) });
    expect(within(lanRow).getAllByRole('cell').slice(0, 2).map((c) => c.textContent)).toEqual(['3', '1']);
    expect(screen.getByRole('table', { name: 'Theo tuần' })).toHaveTextContent('09/03/2026');
    expect(screen.getByRole('img', { name: /Tỷ lệ đạt theo tiêu chí/ })).toBeInTheDocument();
    // The A4 report beside it is Vietnamese whatever the screen's language.
    expect(screen.getByText('BÁO CÁO TÁC PHONG, THÁI ĐỘ PHỤC VỤ THÁNG 03/2026')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'In báo cáo tháng (A4)' })).toBeEnabled();
  });

  it('are for leaders only', async () => {
    await seedMonth();
    signIn(lan);
    page('/checklists/figures');
    expect(await screen.findByRole('alert')).toHaveTextContent('Chỉ lãnh đạo xem được');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
